package dev.videosdk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to check a job's status: the first check after {@code initialDelay}, then every
 * {@code interval} growing by {@code multiplier} up to {@code maxInterval}, each delay spread by
 * {@code ±jitter}; give up after {@code maxAttempts} checks or once {@code timeout} has passed
 * since submission, whichever comes first. A provider's "look again after" hint replaces the
 * computed delay, capped at {@code maxInterval}. For a job that reports progress percentages the
 * waiter aims the next check at the estimated end instead (between half the interval and twice
 * {@code maxInterval}; see ADR 0004). Attempts count from 1.
 *
 * <pre>{@code
 * PollingPolicy.defaults().withInterval(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(20));
 * }</pre>
 *
 * @param initialDelay wait before the first check; zero or more
 * @param interval     wait before the second check; more than zero
 * @param multiplier   growth of the wait per check; at least 1
 * @param maxInterval  largest wait between checks; at least {@code interval}
 * @param jitter       spread of each wait as a fraction, 0 to 1 (0.1 = ±10 %)
 * @param maxAttempts  most status checks; at least 1
 * @param timeout      overall deadline measured from submission; more than zero
 */
public record PollingPolicy(Duration initialDelay, Duration interval, double multiplier, Duration maxInterval,
                            double jitter, int maxAttempts, Duration timeout) {

    /** Validates every field. */
    public PollingPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must be zero or more, but was " + initialDelay);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be more than zero, but was " + interval);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, but was " + multiplier);
        }
        if (maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("maxInterval must be at least interval (" + interval + "), but was " + maxInterval);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, but was " + jitter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be more than zero, but was " + timeout);
        }
    }

    /**
     * The SDK default: first check after 5 s, then 5 s growing ×1.5 to 30 s, ±10 % jitter, no
     * attempt limit, 15 minutes overall. Providers override it with their own documented cadence.
     */
    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30),
                0.1, Integer.MAX_VALUE, Duration.ofMinutes(15));
    }

    /** A fixed schedule: every {@code interval}, no growth, no jitter, 15 minutes overall. */
    public static PollingPolicy fixed(Duration interval) {
        return new PollingPolicy(interval, interval, 1.0, interval, 0.0, Integer.MAX_VALUE, Duration.ofMinutes(15));
    }

    /** This policy with another initial delay. */
    public PollingPolicy withInitialDelay(Duration d) {
        return new PollingPolicy(d, interval, multiplier, maxInterval, jitter, maxAttempts, timeout);
    }

    /** This policy with another interval (raising {@code maxInterval} to it if needed). */
    public PollingPolicy withInterval(Duration d) {
        Duration max = maxInterval.compareTo(d) < 0 ? d : maxInterval;
        return new PollingPolicy(initialDelay, d, multiplier, max, jitter, maxAttempts, timeout);
    }

    /** This policy with another growth factor and cap. */
    public PollingPolicy withBackoff(double newMultiplier, Duration newMaxInterval) {
        return new PollingPolicy(initialDelay, interval, newMultiplier, newMaxInterval, jitter, maxAttempts, timeout);
    }

    /** This policy with another jitter fraction. */
    public PollingPolicy withJitter(double newJitter) {
        return new PollingPolicy(initialDelay, interval, multiplier, maxInterval, newJitter, maxAttempts, timeout);
    }

    /** This policy with another attempt limit. */
    public PollingPolicy withMaxAttempts(int n) {
        return new PollingPolicy(initialDelay, interval, multiplier, maxInterval, jitter, n, timeout);
    }

    /** This policy with another overall deadline. */
    public PollingPolicy withTimeout(Duration d) {
        return new PollingPolicy(initialDelay, interval, multiplier, maxInterval, jitter, maxAttempts, d);
    }

    /**
     * The wait before status check number {@code attempt} (from 1), without jitter: the initial
     * delay for the first, then {@code interval × multiplier^(attempt-2)} capped at {@code maxInterval}.
     */
    public Duration baseDelayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, but was " + attempt);
        }
        if (attempt == 1) {
            return initialDelay;
        }
        double millis = interval.toMillis() * Math.pow(multiplier, attempt - 2.0);
        return Duration.ofMillis((long) Math.min(millis, maxInterval.toMillis()));
    }

    /**
     * The wait before check {@code attempt}: the provider's {@code hint} if given (capped at
     * {@code maxInterval}), else {@link #baseDelayBefore(int)}; then spread by jitter using
     * {@code random} (values in [0, 1)).
     */
    public Duration delayBefore(int attempt, Duration hint, DoubleSupplier random) {
        Duration base = hint != null && !hint.isNegative()
                ? (hint.compareTo(maxInterval) > 0 ? maxInterval : hint)
                : baseDelayBefore(attempt);
        if (jitter == 0.0 || base.isZero()) {
            return base;
        }
        double factor = 1.0 - jitter + 2.0 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.max(0L, Math.round(base.toMillis() * factor)));
    }

    /**
     * True for a fixed schedule (multiplier 1 and {@code interval == maxInterval}, as made by
     * {@link #fixed(Duration)}): the SDK then polls at exactly the interval (± jitter), never at a
     * wait estimated from progress.
     */
    public boolean isFixed() {
        return multiplier == 1.0 && interval.equals(maxInterval);
    }
}
