package dev.videosdk.testing;

import dev.videosdk.VideoException;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link FakeVideoProvider} does with one job.
 *
 * <pre>{@code
 * FakeScript.succeedAfterPolls(3);                  // RUNNING, RUNNING, then SUCCEEDED on the 3rd status check
 * FakeScript.failAfter(2, new GenerationFailedException(...));
 * FakeScript.rejectSubmit(new RateLimitException(...));   // the create call itself fails
 * FakeScript.neverFinish();
 * FakeScript.succeedAfter(Duration.ofSeconds(90));  // by virtual time since the create call
 * FakeScript.createOutcome(CreateOutcome.UNKNOWN);   // the create call fails as a lost answer would (HTTP 502)
 * }</pre>
 *
 * @param polls          status checks until the final state (the last check sees it)
 * @param progress       percent reported by the checks before the last one (cycled if shorter)
 * @param failure        the error of a failed job, or null for success
 * @param submitFailure  the error of the create call, or null when it is accepted
 * @param finishes       false for a job that runs forever
 * @param runTime        when not null, the job finishes at the first check this long (clock time) after
 *                       its create call, instead of by check count
 */
public record FakeScript(int polls, List<Integer> progress, VideoException failure, VideoException submitFailure,
                         boolean finishes, java.time.Duration runTime) {

    /** Validates. */
    public FakeScript {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1, but was " + polls);
        }
        progress = List.copyOf(progress);
    }

    /** A script by check count (no run time). */
    public FakeScript(int polls, List<Integer> progress, VideoException failure, VideoException submitFailure, boolean finishes) {
        this(polls, progress, failure, submitFailure, finishes, null);
    }

    /** Succeeds at the first status check at least {@code runTime} after the create call (virtual time in tests). */
    public static FakeScript succeedAfter(java.time.Duration runTime) {
        Objects.requireNonNull(runTime, "runTime");
        return new FakeScript(1, List.of(), null, null, true, runTime);
    }

    /**
     * The create call fails as a provider's answer with this outcome would: {@code NOT_ACCEPTED} as an
     * HTTP 429 (no job exists; retried and fallen back from), {@code UNKNOWN} as an HTTP 502 after the
     * request was sent (a job may exist; never retried or fallen back from). {@code ACCEPTED} is the
     * default script.
     */
    public static FakeScript createOutcome(dev.videosdk.CreateOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> succeedAfterPolls(3);
            case NOT_ACCEPTED -> rejectSubmit(new dev.videosdk.RateLimitException("fake answered HTTP 429: busy",
                    dev.videosdk.ErrorContext.of("fake", 429, "rate_limited", "req-fake"), null, null));
            case UNKNOWN -> rejectSubmit(new dev.videosdk.ProviderUnavailableException("fake answered HTTP 502: bad gateway",
                    dev.videosdk.ErrorContext.of("fake", 502, null, "req-fake"), null));
        };
    }

    /** Succeeds on status check {@code polls}, reporting even progress steps before. */
    public static FakeScript succeedAfterPolls(int polls) {
        return new FakeScript(polls, evenSteps(polls), null, null, true);
    }

    /** Fails with {@code error} on status check {@code polls}. */
    public static FakeScript failAfter(int polls, VideoException error) {
        return new FakeScript(polls, evenSteps(polls), Objects.requireNonNull(error, "error"), null, true);
    }

    /** The create call fails with {@code error}; no job exists. */
    public static FakeScript rejectSubmit(VideoException error) {
        return new FakeScript(1, List.of(), null, Objects.requireNonNull(error, "error"), true);
    }

    /** A job that stays RUNNING forever (to test deadlines and cancel). */
    public static FakeScript neverFinish() {
        return new FakeScript(1, List.of(50), null, null, false);
    }

    /** This script with explicit progress percentages. */
    public FakeScript withProgress(Integer... percents) {
        return new FakeScript(polls, List.of(percents), failure, submitFailure, finishes, runTime);
    }

    private static List<Integer> evenSteps(int polls) {
        java.util.ArrayList<Integer> steps = new java.util.ArrayList<>();
        for (int i = 1; i < polls; i++) {
            steps.add(i * 100 / polls);
        }
        return steps;
    }
}
