package dev.videosdk.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the delivery ids of recent signed callbacks so a replayed one can be told apart. An id
 * is forgotten once its timestamp is older than {@code window} (the timestamp check rejects it from
 * then on), and the oldest ids go first when more than {@code capacity} are held. Thread-safe.
 *
 * <pre>{@code
 * if (!guard.firstSeen(deliveryId, sentAt, now)) throw WebhookSignatures.rejected(id, "delivery replayed");
 * }</pre>
 */
public final class WebhookReplayGuard {
    private final int capacity;
    private final Duration window;
    private final Map<String, Instant> forgetAt = new ConcurrentHashMap<>();

    /**
     * A guard holding at most {@code capacity} ids, each for {@code window} after its timestamp.
     *
     * @throws IllegalArgumentException when capacity is below 1 or the window is not positive
     */
    public WebhookReplayGuard(int capacity, Duration window) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, but was " + window);
        }
        this.capacity = capacity;
        this.window = window;
    }

    /** Records {@code id}, sent at {@code sent}; false when it is already held (a replay). */
    public synchronized boolean firstSeen(String id, Instant sent, Instant now) {
        forgetAt.values().removeIf(until -> !until.isAfter(now));
        if (forgetAt.putIfAbsent(id, sent.plus(window)) != null) {
            return false;
        }
        while (forgetAt.size() > capacity) {
            forgetAt.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).ifPresent(forgetAt::remove);
        }
        return true;
    }
}
