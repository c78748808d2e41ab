package dev.videosdk;

/** The job or its output expired at the provider before it was collected (e.g. OpenAI status {@code expired}). */
public class JobExpiredException extends GenerationFailedException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public JobExpiredException(String message, ErrorContext context) {
        super(message, context, false, null);
    }
}
