package dev.videosdk.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine behind {@code dev.videosdk.testing.VirtualTime} (kept in core so core's own tests use it
 * too; not API). A virtual clock and a scheduler that runs tasks only when the test moves time, so a
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
public final class ManualTime {
    private final Object lock = new Object();
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    private final Instant origin;
    private volatile long nowNanos;
    private final Scheduler scheduler = new Scheduler();
    private final java.util.concurrent.atomic.AtomicInteger ioInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final Clock clock = new VirtualClock();

    private ManualTime(Instant origin) {
        this.origin = origin;
    }

    /** Virtual time starting at 2026-01-01T00:00:00Z. */
    public static ManualTime start() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Virtual time starting at {@code origin}. */
    public static ManualTime at(Instant origin) {
        return new ManualTime(origin);
    }

    /** The virtual clock (UTC). */
    public Clock clock() {
        return clock;
    }

    /** The virtual scheduler; {@code shutdown} is a no-op. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The current virtual instant. */
    public Instant now() {
        return origin.plusNanos(nowNanos);
    }

    /** Virtual time passed since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** Every delay ever passed to {@code schedule}, in order. */
    public List<Duration> scheduledDelays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }

    /** Tasks waiting to run. */
    public int pendingTasks() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Moves time forward by {@code d}, running every task that falls due, in order. */
    public void advance(Duration d) {
        long target = nowNanos + d.toNanos();
        while (true) {
            Task<?> next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            next.run();
        }
    }

    /** Runs the tasks already due, without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Drives time until {@code future} completes: runs due tasks, and when none is due, no real
     * exchange is in flight ({@link IoAware}) and nothing else happens for a moment, jumps to the next task.
     * Gives up after {@code 30 s} of real time.
     *
     * @return the future's value
     * @throws java.util.concurrent.CompletionException when the future failed (the cause is the failure)
     * @throws IllegalStateException when it did not complete within 30 s of real time
     */
    public <T> T run(CompletableFuture<T> future) {
        return run(future, null);
    }

    /**
     * Like {@link #run(CompletableFuture)}, but moves time at most {@code maxStep} at a time, so a
     * far-away timer (an idle timeout, a deadline) cannot fire while a real HTTP body is still
     * arriving: use it for streaming tests.
     *
     * @param maxStep the largest jump, or null for "to the next task"
     */
    public <T> T run(CompletableFuture<T> future, Duration maxStep) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!future.isDone()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("future did not complete within 30 s of real time; pending tasks: " + pendingTasks());
            }
            runDue();
            if (future.isDone()) {
                break;
            }
            try {
                future.get(20, TimeUnit.MILLISECONDS); // let in-flight I/O land before jumping ahead
            } catch (TimeoutException quiet) {
                Task<?> next;
                synchronized (lock) {
                    next = queue.peek();
                }
                if (next != null && ioInFlight.get() == 0) { // never jump past a real answer still on its way
                    Duration jump = Duration.ofNanos(Math.max(0, next.dueNanos - nowNanos));
                    advance(maxStep != null && jump.compareTo(maxStep) > 0 ? maxStep : jump);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | java.util.concurrent.CancellationException done) {
                break;
            }
        }
        return future.join();
    }

    private <V> Task<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        long d = Math.max(0, unit.toNanos(delay));
        delays.add(Duration.ofNanos(d));
        Task<V> task = new Task<>(callable, nowNanos + d, sequence.incrementAndGet());
        synchronized (lock) {
            queue.add(task);
        }
        return task;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long dueNanos;
        private final long seq;

        Task(Callable<V> callable, long dueNanos, long seq) {
            super(callable);
            this.dueNanos = dueNanos;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> other = (Task<?>) o;
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (lock) {
                queue.remove(this);
            }
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq);
        }
    }

    private final class VirtualClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the virtual clock is always UTC");
        }

        @Override
        public Instant instant() {
            return now();
        }
    }

    private final class Scheduler extends AbstractExecutorService implements ScheduledExecutorService, IoAware {
        @Override
        public void ioStarted() {
            ioInFlight.incrementAndGet();
        }

        @Override
        public void ioFinished() {
            ioInFlight.decrementAndGet();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return ManualTime.this.schedule(() -> {
                command.run();
                return null;
            }, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return ManualTime.this.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException("periodic tasks are not supported by the virtual scheduler");
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException("periodic tasks are not supported by the virtual scheduler");
        }

        @Override
        public void execute(Runnable command) {
            schedule(command, 0, TimeUnit.NANOSECONDS);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
