package dev.videosdk;

/** The provider's answer could not be understood; the message carries a short excerpt of it. */
public class ProtocolException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ProtocolException(String message, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
    }
}
