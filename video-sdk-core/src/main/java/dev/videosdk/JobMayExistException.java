package dev.videosdk;

import java.util.Optional;

/**
 * A create call whose outcome is {@link CreateOutcome#UNKNOWN}: the request was sent, and the
 * answer was lost or ambiguous, so the provider may have started (and may bill) a job the SDK has
 * no id for. The SDK neither repeated the call nor sent the request to a fallback provider. Not
 * retryable: check the provider's dashboard, or quote {@link #requestId()} /
 * {@link #idempotencyKey()} to its support. {@link #getCause()} is the provider's error.
 */
public class JobMayExistException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    /** Creates the error; {@code cause} is the provider or network error, {@code idempotencyKey} may be null. */
    public JobMayExistException(String message, ErrorContext context, String idempotencyKey, Throwable cause) {
        super(message, context, false, cause);
        this.idempotencyKey = idempotencyKey;
    }

    /** The idempotency key the create call carried, if any. */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Always {@link CreateOutcome#UNKNOWN}. */
    public CreateOutcome createOutcome() {
        return CreateOutcome.UNKNOWN;
    }
}
