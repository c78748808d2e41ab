package dev.videosdk;

/**
 * The client or a provider is not configured well enough to run: a missing key, an unknown
 * provider id, a malformed base URL. The message says what to set.
 */
public class ConfigurationException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public ConfigurationException(String message, String provider) {
        super(message, provider);
    }
}
