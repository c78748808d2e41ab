package dev.videosdk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How one HTTP call is retried after a transient failure (network error, 408, 429, 5xx): up to
 * {@code maxRetries} more tries, waiting a random time between 0 and
 * {@code min(maxBackoff, initialBackoff × 2^(retry-1))} ("full jitter"), or exactly the
 * provider's {@code Retry-After} when it sends one. A {@code Retry-After} longer than
 * {@code maxRetryAfter} is not waited for: the call fails with a {@link RateLimitException} that
 * carries it. Calls that create paid jobs are retried only when no job can have started; see the
 * README. Retries count from 1.
 *
 * @param maxRetries     retries after the first try; 0 disables retries
 * @param initialBackoff backoff ceiling of the first retry; more than zero
 * @param maxBackoff     largest backoff ceiling; at least {@code initialBackoff}
 * @param maxRetryAfter  longest provider-requested wait the SDK honours
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Validates. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be zero or more, but was " + maxRetries);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be more than zero, but was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff + "), but was " + maxBackoff);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must be zero or more, but was " + maxRetryAfter);
        }
    }

    /** 3 retries, backoff from 0.5 s up to 8 s, {@code Retry-After} honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ZERO);
    }

    /** This policy with another retry count. */
    public RetryPolicy withMaxRetries(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** The backoff ceiling before retry number {@code retry} (from 1). */
    public Duration ceilingBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, but was " + retry);
        }
        double millis = initialBackoff.toMillis() * Math.pow(2, retry - 1.0);
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    /** The wait before retry {@code retry}: uniform in [0, ceiling] using {@code random} in [0, 1). */
    public Duration backoffBefore(int retry, DoubleSupplier random) {
        return Duration.ofMillis(Math.round(ceilingBefore(retry).toMillis() * random.getAsDouble()));
    }
}
