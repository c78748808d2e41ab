package dev.videosdk;

/**
 * The provider reports the job cancelled, and this client's caller did not cancel it (someone else
 * did: another process, the provider's console, the provider itself). Not retryable.
 */
public class JobCancelledException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final transient VideoJob job;

    /** Creates the error for {@code job}. */
    public JobCancelledException(String message, VideoJob job, ErrorContext context) {
        super(message, context, false, null);
        this.job = job;
    }

    /** The cancelled job. */
    public VideoJob job() {
        return job;
    }
}
