package dev.videosdk;

/** The job, model or resource does not exist (or no longer exists) at the provider. */
public class NotFoundException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }
}
