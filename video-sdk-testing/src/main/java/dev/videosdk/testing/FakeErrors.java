package dev.videosdk.testing;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import java.time.Duration;
import java.util.List;

/**
 * Short factories for the errors a scripted fake job or create call fails with, as provider
 * {@value FakeVideoProvider#ID} without HTTP status or request id:
 * {@code FakeScript.failAfter(2, FakeErrors.generationFailed("boom"))}.
 */
public final class FakeErrors {
    private static final ErrorContext FAKE = ErrorContext.local(FakeVideoProvider.ID);

    private FakeErrors() {
    }

    /** The job ran and failed with {@code reason}; not retryable. */
    public static GenerationFailedException generationFailed(String reason) {
        return new GenerationFailedException(reason, FAKE, false, null);
    }

    /** The prompt or output was refused for {@code reasons}. */
    public static ContentPolicyException contentPolicy(String... reasons) {
        return new ContentPolicyException("refused by the content policy: " + String.join(", ", reasons), List.of(reasons),
                FAKE, null);
    }

    /** A create call throttled for {@code retryAfter} (null: no hint); retryable. */
    public static RateLimitException rateLimited(Duration retryAfter) {
        return new RateLimitException("rate limited", FAKE, retryAfter, null);
    }

    /** An outage; retryable. */
    public static ProviderUnavailableException unavailable(String message) {
        return new ProviderUnavailableException(message, FAKE, null);
    }

    /** Out of credits; not retryable. */
    public static QuotaExceededException quotaExceeded() {
        return new QuotaExceededException("out of credits", FAKE, null);
    }

    /** A missing or wrong key; not retryable. */
    public static AuthenticationException unauthenticated() {
        return new AuthenticationException("invalid API key", FAKE, null);
    }
}
