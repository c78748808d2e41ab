package dev.videosdk;

/** A webhook call failed verification (signature, timestamp window, replay) or could not be parsed. */
public class WebhookVerificationException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public WebhookVerificationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }
}
