package dev.videosdk;

import java.util.Optional;

/**
 * The request cannot be served: a parameter is missing, out of range or not offered by the
 * provider. Raised before any network call when the SDK can tell, else mapped from the provider's
 * answer. Never retryable.
 */
public class InvalidRequestException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** Creates the error; {@code parameter} names the offending parameter, or null if unknown. */
    public InvalidRequestException(String message, String parameter, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
        this.parameter = parameter;
    }

    /** The error for a request the SDK rejects before any network call. */
    public static InvalidRequestException local(String provider, String parameter, String message) {
        return new InvalidRequestException(message, parameter, ErrorContext.local(provider), null);
    }

    /**
     * The error for a value a provider does not offer, worded
     * {@code "<provider> does not support <parameter> <value>; allowed: <allowed>"}.
     */
    public static InvalidRequestException notAllowed(String provider, String parameter, Object value, Object allowed) {
        return local(provider, parameter,
                provider + " does not support " + parameter + " " + value + "; allowed: " + allowed);
    }

    /** The parameter the provider or the SDK objected to, if known. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
