package dev.videosdk;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every error the SDK raises. Unchecked. Each error carries the provider id, the HTTP
 * status, the provider's error code and request id when known, and whether retrying the same call
 * later may succeed.
 *
 * <p>Messages never contain API keys or other secrets: the values of configured keys and key-shaped
 * tokens ({@code Bearer …}, {@code sk-…}) are masked, also when a provider echoes them in its answer.
 */
public class VideoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;
    private final boolean retryable;

    /** Creates an error with the given message, context and retryability. */
    public VideoException(String message, ErrorContext context, boolean retryable, Throwable cause) {
        super(dev.videosdk.internal.http.Redaction.text(message), cause);
        this.context = Objects.requireNonNull(context, "context");
        this.retryable = retryable;
    }

    /** Creates a non-retryable error raised by the SDK itself, with no HTTP context. */
    public VideoException(String message, String provider) {
        this(message, ErrorContext.local(provider), false, null);
    }

    /** Where the error came from. */
    public ErrorContext context() {
        return context;
    }

    /** The provider id, or {@code "sdk"} for errors raised before choosing a provider. */
    public String provider() {
        return context.provider();
    }

    /** The HTTP status of the provider's answer, if there was one. */
    public OptionalInt httpStatus() {
        return context.status();
    }

    /** The provider's error code, if it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(context.code());
    }

    /** The provider's request id for the failed call, if it sent one; quote it to the provider's support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(context.requestId());
    }

    /** True when the same call may succeed if tried again later. */
    public boolean isRetryable() {
        return retryable;
    }
}
