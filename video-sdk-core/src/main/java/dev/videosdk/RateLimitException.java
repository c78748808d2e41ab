package dev.videosdk;

import java.time.Duration;
import java.util.Optional;

/** The provider throttled the call (HTTP 429 or a provider rate/concurrency code). Retryable. */
public class RateLimitException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** Creates the error; {@code retryAfter} is the provider's hint, or null. */
    public RateLimitException(String message, ErrorContext context, Duration retryAfter, Throwable cause) {
        super(message, context, true, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked to wait before the next call, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
