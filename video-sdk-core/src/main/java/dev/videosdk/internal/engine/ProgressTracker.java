package dev.videosdk.internal.engine;

import dev.videosdk.PollingPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * What a run learned from the percentages a provider reports: the highest seen (progress never goes
 * back) and, for the adaptive default policy, a wait aimed at the estimated end (ADR 0004).
 */
final class ProgressTracker {
    private int highest = -1;
    private Instant firstAt;
    private int first = -1;

    /** The highest percent so far, including {@code percent} (null stays null). */
    synchronized Integer highest(Integer percent) {
        if (percent == null) {
            return null;
        }
        highest = Math.max(highest, percent);
        return highest;
    }

    /**
     * From the first and the latest reading, the time until 100 % at the observed rate; while more
     * than 20 s are left, 90 % of it (a chance to correct the estimate), else just past it. Bounded
     * below by half the policy's interval (at least 1 s: a job stuck at 99 % is not hammered) and
     * above by twice {@code maxInterval}. Null while there is no rate yet.
     */
    synchronized Duration waitForEnd(Integer p, Instant now, PollingPolicy policy) {
        if (p == null || p <= 0 || p >= 100) {
            return null;
        }
        if (first < 0) {
            first = p;
            firstAt = now;
            return null;
        }
        long millis = Duration.between(firstAt, now).toMillis();
        if (p <= first || millis <= 0) {
            return null;
        }
        double perMilli = (p - first) / (double) millis;
        long left = (long) Math.ceil((100 - p) / perMilli);
        long wait = left > 20_000 ? (long) (left * 0.9) : left + 250;
        long floor = Math.max(1_000, policy.interval().toMillis() / 2);
        long ceiling = policy.maxInterval().toMillis() * 2;
        return Duration.ofMillis(Math.max(floor, Math.min(ceiling, wait)));
    }
}
