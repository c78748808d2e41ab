package dev.videosdk;

import java.time.Duration;

/**
 * The overall deadline (or the attempt limit) was reached before the job finished. The job may
 * still finish, and be billed, at the provider: keep {@link #job()} (or its token) and call
 * {@link VideoClient#await(VideoJob)} later to collect it. (Jobs of streaming providers, whose
 * result arrives on one connection, cannot be resumed; their capabilities say
 * {@code streaming()}.)
 */
public class GenerationTimeoutException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final transient VideoJob job;
    private final Duration elapsed;
    private final int attempts;

    /** Creates the error for the given job. */
    public GenerationTimeoutException(String message, VideoJob job, Duration elapsed, int attempts, ErrorContext context) {
        super(message, context, true, null);
        this.job = job;
        this.elapsed = elapsed;
        this.attempts = attempts;
    }

    /** The job that did not finish in time; resume it with {@link VideoClient#await(VideoJob)}. */
    public VideoJob job() {
        return job;
    }

    /** How long the SDK waited. */
    public Duration elapsed() {
        return elapsed;
    }

    /** How many status checks were made (counted from 1). */
    public int attempts() {
        return attempts;
    }
}
