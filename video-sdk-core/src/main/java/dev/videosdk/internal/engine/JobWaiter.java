package dev.videosdk.internal.engine;

import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProgressListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.TrackedFuture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for one job: a status check scheduled on the shared scheduler, then the next, until a
 * final state, the attempt limit or the deadline. Holds no thread between checks. Completes with
 * the final {@link JobStatus} (succeeded), or exceptionally with the job's error or a
 * {@link GenerationTimeoutException}. Cancelling it stops the pending timer or call and runs the
 * remote-cancel hook.
 */
final class JobWaiter extends TrackedFuture<JobStatus> {
    private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);

    private final VideoJob job;
    private final Function<VideoJob, CompletableFuture<JobStatus>> poll;
    private final PollingPolicy policy;
    private final ProgressListener listener;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Runnable onCancel;
    private final Instant waitStarted;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile int attempts;
    private final java.util.concurrent.atomic.AtomicInteger highestPercent = new java.util.concurrent.atomic.AtomicInteger(-1);
    /** First progress seen (percent and when), for estimating the time left. */
    private volatile Instant firstProgressAt;
    private volatile int firstProgress = -1;

    JobWaiter(VideoJob job, Function<VideoJob, CompletableFuture<JobStatus>> poll, PollingPolicy policy,
              ProgressListener listener, ScheduledExecutorService scheduler, Clock clock, DoubleSupplier random,
              Runnable onCancel) {
        this.job = job;
        this.poll = poll;
        this.policy = policy;
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.onCancel = onCancel;
        this.waitStarted = clock.instant();
    }

    VideoJob job() {
        return job;
    }

    /** Starts waiting: the first check after the policy's initial delay. */
    JobWaiter start() {
        scheduleCheck(1, null);
        return this;
    }

    private void scheduleCheck(int attempt, Duration hint) {
        scheduleCheckAfter(attempt, policy.delayBefore(attempt, hint, random));
    }

    private void scheduleCheckAfter(int attempt, Duration wait) {
        if (isDone()) {
            return;
        }
        Duration delay = wait;
        Duration elapsed = Duration.between(waitStarted, clock.instant());
        if (attempt > policy.maxAttempts()) {
            timeout("made " + policy.maxAttempts() + " status checks (the policy's limit)", elapsed);
            return;
        }
        if (elapsed.plus(delay).compareTo(policy.timeout()) > 0) {
            // fail early instead of sleeping past the deadline; one last check right at the deadline
            Duration left = policy.timeout().minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                timeout("waited " + elapsed.toSeconds() + " s (the deadline is " + policy.timeout().toSeconds() + " s)", elapsed);
                return;
            }
            delay = left;
        }
        track(scheduler.schedule(() -> check(attempt), delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void check(int attempt) {
        if (isDone()) {
            return;
        }
        attempts = attempt;
        CompletableFuture<JobStatus> call;
        try {
            call = poll.apply(job);
        } catch (RuntimeException e) {
            finish(null, e);
            return;
        }
        track(call);
        call.whenComplete((status, failure) -> {
            if (failure != null) {
                RuntimeException error = Futures.asVideoException(failure, job.provider());
                if (error instanceof VideoException v && v.isRetryable()) {
                    // the transport already retried this call; keep waiting until the deadline
                    LOG.debug("{} job {}: status check {} failed, will check again: {}", job.provider(), job.id(), attempt, v.getMessage());
                    scheduleCheck(attempt + 1, null);
                } else {
                    finish(null, error);
                }
                return;
            }
            report(status, attempt);
            if (status.state() == JobState.SUCCEEDED) {
                finish(status, null);
            } else if (status.state() == JobState.FAILED) {
                finish(null, status.error());
            } else if (status.state() == JobState.CANCELLED) {
                finish(null, new java.util.concurrent.CancellationException(job.provider() + " job " + job.id()
                        + " was cancelled" + (status.message() == null ? "" : ": " + status.message())));
            } else {
                Duration estimate = status.pollAfter() == null ? progressWait(status) : null;
                if (estimate != null) {
                    scheduleCheckAfter(attempt + 1, estimate);
                } else {
                    scheduleCheck(attempt + 1, status.pollAfter());
                }
            }
        });
    }

    /**
     * The wait before the next check for a job that reports progress: from the first and the latest
     * reading, the time until 100 % at the observed rate; while more than 20 s are left, 90 % of it
     * (a chance to correct the estimate), else just past it. Bounded below by half the policy's
     * interval (at least 1 s; a job stuck at 99 % must not be hammered) and above by twice
     * {@code maxInterval}. Null while there is no rate yet.
     */
    private Duration progressWait(JobStatus status) {
        Integer p = status.progress();
        if (p == null || p <= 0 || p >= 100) {
            return null;
        }
        Instant now = clock.instant();
        if (firstProgress < 0) {
            firstProgress = p;
            firstProgressAt = now;
            return null;
        }
        long millis = Duration.between(firstProgressAt, now).toMillis();
        if (p <= firstProgress || millis <= 0) {
            return null;
        }
        double perMilli = (p - firstProgress) / (double) millis;
        long left = (long) Math.ceil((100 - p) / perMilli);
        long wait = left > 20_000 ? (long) (left * 0.9) : left + 250;
        long floor = Math.max(1_000, policy.interval().toMillis() / 2);
        long ceiling = policy.maxInterval().toMillis() * 2;
        return Duration.ofMillis(Math.max(floor, Math.min(ceiling, wait)));
    }

    /** Applies a status learned elsewhere (a verified webhook): completes the wait if final. */
    void offer(JobStatus status) {
        report(status, attempts);
        if (status.state() == JobState.SUCCEEDED) {
            finish(status, null);
        } else if (status.state() == JobState.FAILED) {
            finish(null, status.error());
        }
    }

    private void report(JobStatus status, int attempt) {
        Integer percent = status.progress();
        if (percent != null) {
            // providers sometimes report a lower percent after a higher one; never show progress going back
            percent = highestPercent.accumulateAndGet(percent, Math::max);
        }
        try {
            listener.onProgress(new ProgressEvent(job, status.state(), attempt, policy.maxAttempts(), percent,
                    Duration.between(job.submittedAt(), clock.instant()), status.message()));
        } catch (RuntimeException e) {
            LOG.warn("progress listener threw; ignored", e);
        }
    }

    private void timeout(String why, Duration elapsed) {
        finish(null, new GenerationTimeoutException(job.provider() + " job " + job.id() + " did not finish: the SDK "
                + why + ". The job may still finish and be billed; resume it with VideoClient.await(VideoJob.fromToken(\""
                + job.toToken() + "\"))", job, elapsed, attempts, ErrorContext.local(job.provider())));
    }

    private void finish(JobStatus status, Throwable error) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (error != null) {
            completeExceptionally(error);
        } else {
            complete(status);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean first = finished.compareAndSet(false, true);
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (first && cancelled) {
            onCancel.run();
        }
        return cancelled;
    }
}
