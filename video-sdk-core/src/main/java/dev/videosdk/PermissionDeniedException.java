package dev.videosdk;

/** The credentials are valid but not allowed to use this model, feature or resource. */
public class PermissionDeniedException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public PermissionDeniedException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }
}
