package dev.videosdk;

/** The provider could not be reached or is temporarily unavailable (5xx, maintenance, network failure). */
public class ProviderUnavailableException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ProviderUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, true, cause);
    }

    /**
     * Creates the error with explicit retryability: false when a create call was sent and its
     * answer lost, so a job may exist and repeating the call could pay twice.
     */
    public ProviderUnavailableException(String message, ErrorContext context, boolean retryable, Throwable cause) {
        super(message, context, retryable, cause);
    }
}
