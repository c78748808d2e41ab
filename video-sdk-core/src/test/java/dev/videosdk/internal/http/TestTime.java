package dev.videosdk.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Core's own minimal time seam for transport tests (the full VirtualTime lives in
 * video-sdk-testing, which depends on core): every scheduled delay is recorded and run at once, moving the clock by it.
 */
final class TestTime {
    /** A delay this long is recorded but never run (used for the body idle timer of transport tests). */
    static final Duration NEVER = Duration.ofHours(1);

    final List<Duration> delays = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** Moves forward by each scheduled delay, as if the delay had passed. */
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor();
    final ScheduledExecutorService scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            Duration d = Duration.ofNanos(unit.toNanos(delay));
            if (d.compareTo(NEVER) >= 0) {
                return runner.schedule(() -> { }, 1, TimeUnit.DAYS);
            }
            delays.add(d);
            return runner.schedule(() -> {
                now = now.plus(d);
                command.run();
            }, 0, TimeUnit.MILLISECONDS);
        }
    };

    static <T> T join(CompletableFuture<T> f) {
        return f.orTimeout(20, TimeUnit.SECONDS).join();
    }
}
