package dev.videosdk.testing;

import dev.videosdk.internal.time.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A virtual clock and a scheduler that runs tasks only when the test moves time, so a
 * ten-minute job lifecycle runs in milliseconds and every delay can be asserted.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.start();
 * VideoClient client = VideoClient.builder().clock(time.clock()).scheduler(time.scheduler())...build();
 * CompletableFuture<VideoResult> f = client.generate(request);
 * VideoResult r = time.run(f);            // jumps from timer to timer until f completes
 * time.advance(Duration.ofSeconds(10));   // or move time by hand
 * }</pre>
 *
 * <p>Tasks run on the thread that moves time. Thread-safe.
 */
public final class VirtualTime {
    private final ManualTime time;

    private VirtualTime(ManualTime time) {
        this.time = time;
    }

    /** Virtual time starting at 2026-01-01T00:00:00Z. */
    public static VirtualTime start() {
        return new VirtualTime(ManualTime.start());
    }

    /** Virtual time starting at {@code origin}. */
    public static VirtualTime at(Instant origin) {
        return new VirtualTime(ManualTime.at(origin));
    }

    /** The virtual clock (UTC). */
    public Clock clock() {
        return time.clock();
    }

    /** The virtual scheduler; {@code shutdown} is a no-op. */
    public ScheduledExecutorService scheduler() {
        return time.scheduler();
    }

    /** The current virtual instant. */
    public Instant now() {
        return time.now();
    }

    /** Virtual time passed since the start. */
    public Duration elapsed() {
        return time.elapsed();
    }

    /** Every delay ever passed to {@code schedule}, in order. */
    public List<Duration> scheduledDelays() {
        return time.scheduledDelays();
    }

    /** Tasks waiting to run. */
    public int pendingTasks() {
        return time.pendingTasks();
    }

    /** Moves time forward by {@code d}, running every task that falls due, in order. */
    public void advance(Duration d) {
        time.advance(d);
    }

    /** Runs the tasks already due, without moving time. */
    public void runDue() {
        time.runDue();
    }

    /**
     * Drives time until {@code future} completes: runs due tasks, and when none is due and nothing
     * else happens for a moment (e.g. an HTTP answer still on its way), jumps to the next task.
     * Gives up after 30 s of real time.
     *
     * @return the future's value
     * @throws java.util.concurrent.CompletionException when the future failed (the cause is the failure)
     * @throws IllegalStateException when it did not complete within 30 s of real time
     */
    public <T> T run(CompletableFuture<T> future) {
        return time.run(future);
    }

    /**
     * Like {@link #run(CompletableFuture)}, but moves time at most {@code maxStep} at a time, so a
     * far-away timer (an idle timeout, a deadline) cannot fire while a real HTTP body is still
     * arriving: use it for streaming tests.
     *
     * @param maxStep the largest jump, or null for "to the next task"
     */
    public <T> T run(CompletableFuture<T> future, Duration maxStep) {
        return time.run(future, maxStep);
    }
}
