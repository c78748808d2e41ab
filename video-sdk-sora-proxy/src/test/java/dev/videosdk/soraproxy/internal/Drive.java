package dev.videosdk.soraproxy.internal;

import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives virtual time in small steps while real I/O is in flight. {@link VirtualTime#run} jumps
 * straight to the next timer after 20 ms of quiet; with a stream open, that timer is the idle
 * timeout (or the overall deadline), which would then fire while the body is still on its way.
 * Here time moves 100 ms per quiet 20 ms, so retry backoffs pass and the minute-long timers never
 * fire by accident.
 */
final class Drive {
    private static final Duration STEP = Duration.ofMillis(100);

    private Drive() {
    }

    /** Waits for {@code future} (at most 20 s of real time), moving virtual time in small steps. */
    static <T> T until(VirtualTime time, CompletableFuture<T> future) {
        return wait(time, future, STEP);
    }

    /** Waits for {@code future} (at most 20 s of real time) running due tasks, without moving virtual time. */
    static <T> T frozen(VirtualTime time, CompletableFuture<T> future) {
        return wait(time, future, Duration.ZERO);
    }

    private static <T> T wait(VirtualTime time, CompletableFuture<T> future, Duration step) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!future.isDone()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("future did not complete within 20 s of real time");
            }
            time.runDue();
            try {
                future.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException quiet) {
                time.advance(step);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | CancellationException done) {
                break;
            }
        }
        return future.join();
    }
}
