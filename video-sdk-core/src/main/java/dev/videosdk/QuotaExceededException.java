package dev.videosdk;

/** The account is out of credits, balance or its daily quota. */
public class QuotaExceededException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public QuotaExceededException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }
}
