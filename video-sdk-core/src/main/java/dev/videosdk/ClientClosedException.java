package dev.videosdk;

import java.util.Optional;

/**
 * The {@link VideoClient} was closed: a call made after {@code close()}, or a wait that was pending
 * when it closed. Closing does not cancel jobs at the provider: when {@link #job()} is present the
 * job may still finish and be billed; resume it with another client's
 * {@link VideoClient#await(VideoJob)}.
 */
public class ClientClosedException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final transient VideoJob job;

    /** Creates the error; {@code job} is null when no job exists (or none is known). */
    public ClientClosedException(String message, VideoJob job, ErrorContext context) {
        super(message, context, false, null);
        this.job = job;
    }

    /** The job that was being waited on, if one exists; resumable with {@link VideoClient#await(VideoJob)}. */
    public Optional<VideoJob> job() {
        return Optional.ofNullable(job);
    }
}
