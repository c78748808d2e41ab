package dev.videosdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation of a job: its state, progress, and on success its assets, on failure its error.
 *
 * @param state     where the job is
 * @param progress  percent done 0–100, or null if the provider does not say
 * @param message   the provider's status text or reason, or null
 * @param assets    produced files (non-empty when {@link JobState#SUCCEEDED})
 * @param error     why it failed (when {@link JobState#FAILED}), else null
 * @param rawStatus the provider's own status word, e.g. {@code "in_progress"}, or null
 * @param rawJson   the provider's answer as JSON text, for debugging, or null
 * @param pollAfter the provider's hint for when to look again, or null
 * @param cost      what the provider says the job cost (its own unit, e.g. credits), or null when it
 *                  does not say; set by providers with {@link #withCost(Cost)}; the core never guesses it
 */
public record JobStatus(JobState state, Integer progress, String message, List<VideoAsset> assets,
                        VideoException error, String rawStatus, String rawJson, Duration pollAfter, Cost cost) {

    /** Validates. */
    public JobStatus {
        Objects.requireNonNull(state, "state");
        assets = List.copyOf(assets == null ? List.of() : assets);
        if (progress != null && (progress < 0 || progress > 100)) {
            progress = Math.max(0, Math.min(100, progress));
        }
        if (state == JobState.SUCCEEDED && assets.isEmpty()) {
            throw new IllegalArgumentException("a succeeded status must have assets, but had none");
        }
        if (state == JobState.FAILED && error == null) {
            throw new IllegalArgumentException("a failed status must have an error, but had none");
        }
    }

    /** A status without a reported cost (the form before costs existed). */
    public JobStatus(JobState state, Integer progress, String message, List<VideoAsset> assets,
                     VideoException error, String rawStatus, String rawJson, Duration pollAfter) {
        this(state, progress, message, assets, error, rawStatus, rawJson, pollAfter, null);
    }

    /** Accepted, not started. */
    public static JobStatus queued() {
        return new JobStatus(JobState.QUEUED, null, null, List.of(), null, null, null, null);
    }

    /** Running, with percent done if known (else null). */
    public static JobStatus running(Integer progress) {
        return new JobStatus(JobState.RUNNING, progress, null, List.of(), null, null, null, null);
    }

    /** Finished with these assets (at least one). */
    public static JobStatus succeeded(List<VideoAsset> assets) {
        return new JobStatus(JobState.SUCCEEDED, 100, null, assets, null, null, null, null);
    }

    /** Failed with this error. */
    public static JobStatus failed(VideoException error) {
        return new JobStatus(JobState.FAILED, null, error.getMessage(), List.of(), error, null, null, null);
    }

    /** Cancelled. */
    public static JobStatus cancelled(String message) {
        return new JobStatus(JobState.CANCELLED, null, message, List.of(), null, null, null, null);
    }

    /** This status with the provider's raw status word and JSON. */
    public JobStatus withRaw(String newRawStatus, String newRawJson) {
        return new JobStatus(state, progress, message, assets, error, newRawStatus, newRawJson, pollAfter, cost);
    }

    /** This status with a message. */
    public JobStatus withMessage(String newMessage) {
        return new JobStatus(state, progress, newMessage, assets, error, rawStatus, rawJson, pollAfter, cost);
    }

    /** This status with a "look again after" hint. */
    public JobStatus withPollAfter(Duration hint) {
        return new JobStatus(state, progress, message, assets, error, rawStatus, rawJson, hint, cost);
    }

    /**
     * This status with the cost the provider reported for the job (e.g. Runway's {@code cost.credits},
     * Kling's {@code final_unit_deduction}); null for none.
     */
    public JobStatus withCost(Cost reported) {
        return new JobStatus(state, progress, message, assets, error, rawStatus, rawJson, pollAfter, reported);
    }

    /** The cost the provider reported, if it did. */
    public Optional<Cost> costIfReported() {
        return Optional.ofNullable(cost);
    }

    /** Percent done, if known. */
    public Optional<Integer> percent() {
        return Optional.ofNullable(progress);
    }

    /** True when the job will not change any more. */
    public boolean isTerminal() {
        return state.isTerminal();
    }
}
