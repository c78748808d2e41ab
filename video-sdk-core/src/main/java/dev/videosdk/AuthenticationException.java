package dev.videosdk;

/** The provider rejected the credentials (missing, wrong, expired or revoked key). */
public class AuthenticationException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public AuthenticationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }

    /** Creates the error with explicit retryability (true e.g. for an expired signed token that a re-mint fixes). */
    public AuthenticationException(String message, ErrorContext context, boolean retryable, Throwable cause) {
        super(message, context, retryable, cause);
    }
}
