package dev.videosdk.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook deliveries applied recently, to answer redeliveries as duplicates: bounded in size
 * (oldest dropped first) and in time (an id is kept until its timestamp is older than the
 * retention, after which the provider's timestamp check rejects a replay anyway). Thread-safe.
 */
final class SeenDeliveries {
    private final int capacity;
    private final Duration retention;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /**
     * A set holding at most {@code capacity} ids for {@code retention} after their timestamp.
     *
     * @throws IllegalArgumentException when capacity is below 1 or retention not positive
     */
    SeenDeliveries(int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, but was " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    /** True when {@code id} was recorded and has not expired. */
    synchronized boolean contains(String id, Instant now) {
        expire(now);
        return seen.containsKey(id);
    }

    /** Records {@code id} sent at {@code sent}; false when it was already recorded (a replay). */
    synchronized boolean add(String id, Instant sent, Instant now) {
        expire(now);
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, sent.plus(retention));
        while (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Number of ids held. */
    synchronized int size() {
        return seen.size();
    }

    private void expire(Instant now) {
        seen.entrySet().removeIf((Map.Entry<String, Instant> e) -> !e.getValue().isAfter(now));
    }
}
