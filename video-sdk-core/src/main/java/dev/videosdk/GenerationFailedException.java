package dev.videosdk;

/** The provider accepted the job but it ended in failure; the message carries the provider's reason. */
public class GenerationFailedException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error; {@code retryable} tells whether submitting the same request again may succeed. */
    public GenerationFailedException(String message, ErrorContext context, boolean retryable, Throwable cause) {
        super(message, context, retryable, cause);
    }
}
