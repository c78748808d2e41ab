package dev.videosdk.internal.engine;

import dev.videosdk.ClientClosedException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.CreateOutcome;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobCancelledException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProgressListener;
import dev.videosdk.RateLimitException;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.http.CreateOutcomes;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job run: the state machine of LIFECYCLE.md §1 for one {@code generate}, {@code submit} or
 * {@code await}. Every entry point acts on the run; nothing else keeps job state. Two drivers move
 * a run through WAITING — polling ({@link #scheduleCheck}) and streaming ({@link #stream}) — and
 * share its deadline, its cancel path and its end. Holds no thread between steps.
 */
final class JobRun {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    /** A future handed to a caller; cancelling it cancels the run (LIFECYCLE.md §3). */
    static final class RunFuture<T> extends CompletableFuture<T> {
        private volatile JobRun run;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            JobRun r = run;
            if (cancelled && r != null) {
                r.cancelByCaller();
            }
            return cancelled;
        }
    }

    /** One caller waiting for the run's result, with its own progress listener. */
    private record Waiter(RunFuture<VideoResult> future, ProgressListener listener) {
    }

    private final long id;
    private final RunHost host;
    private final Instant startedAt;
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    /** Completed with the job once accepted ({@code submit}); null for generate/await. */
    private final RunFuture<VideoJob> submitted;
    private final VideoRequest request;
    /** The prompt sent (set when the create starts; null for an await). */
    private volatile RefinedPrompt prompt;
    private final List<String> transitions = new ArrayList<>();

    private RunState state;
    private volatile ProviderRegistry.Entry entry;
    private volatile VideoJob job;
    private volatile PollingPolicy policy;
    private volatile PollingPolicy policyOverride;
    private volatile Future<?> step;
    private volatile ScheduledFuture<?> deadline;
    private volatile Instant waitStartedAt;
    private volatile int attempts;
    private volatile boolean cancelRequested;
    private volatile boolean slotHeld;
    /** A {@code submit} run that handed out its job: no caller may attach to it any more. */
    private boolean detached;
    /** The remote cancel this run owes or sent; completes when the provider acknowledged it (or failed). */
    private final CompletableFuture<Void> cancelAck = new CompletableFuture<>();
    private final ProgressTracker progress = new ProgressTracker();

    private JobRun(long id, RunHost host, VideoRequest request, RunState initial, boolean submitOnly) {
        this.id = id;
        this.host = host;
        this.request = request;
        this.startedAt = host.clock().instant();
        this.state = initial;
        this.submitted = submitOnly ? new RunFuture<>() : null;
        if (submitted != null) {
            submitted.run = this;
        }
        transitions.add(initial + "@" + startedAt);
    }

    /** A run for a new request ({@code generate}, or {@code submit} when {@code submitOnly}). */
    static JobRun forRequest(long id, RunHost host, VideoRequest request, boolean submitOnly) {
        return new JobRun(id, host, request, RunState.VALIDATING, submitOnly);
    }

    /** A run that waits for an existing job ({@code await}). */
    static JobRun forJob(long id, RunHost host, ProviderRegistry.Entry entry, VideoJob job, PollingPolicy policy) {
        JobRun run = new JobRun(id, host, null, RunState.WAITING, false);
        run.entry = entry;
        run.job = job;
        run.policy = policy;
        return run;
    }

    // ------------------------------------------------------------------ callers

    /** A new future for a caller waiting for the result, or null when the run is over (or detached). */
    RunFuture<VideoResult> attach(ProgressListener listener) {
        RunFuture<VideoResult> f = new RunFuture<>();
        f.run = this;
        synchronized (this) {
            if (!state.isFinal() && !detached) {
                waiters.add(new Waiter(f, listener));
                return f;
            }
        }
        return null;
    }

    RunFuture<VideoJob> submitted() {
        return submitted;
    }

    long id() {
        return id;
    }

    VideoJob job() {
        return job;
    }

    ProviderRegistry.Entry entry() {
        return entry;
    }

    synchronized RunState state() {
        return state;
    }

    /** The transitions so far, {@code STATE@instant}, for diagnostics and tests. */
    synchronized List<String> transitions() {
        return List.copyOf(transitions);
    }

    RunInfo info() {
        ProviderRegistry.Entry e = entry;
        RunState s;
        synchronized (this) {
            s = state;
        }
        return new RunInfo(id, e == null ? null : e.provider().id(), request == null ? null : request.model(), job, s, startedAt);
    }

    // ------------------------------------------------------------------ states

    /** Moves to {@code to} unless the run already ended; reports the change. */
    private boolean moveTo(RunState to) {
        RunState from;
        synchronized (this) {
            if (state.isFinal() || state == to) {
                return false;
            }
            from = state;
            state = to;
            transitions.add(to + "@" + host.clock().instant());
        }
        host.events().stateChanged(info(), from);
        return true;
    }

    private void succeed(JobStatus status) {
        if (!moveTo(RunState.SUCCEEDED)) {
            return;
        }
        end();
        VideoResult result = host.toResult(job, status, prompt);
        for (Waiter w : waiters) {
            w.future().complete(result);
        }
        host.events().runFinished(info(), result, null, elapsed());
    }

    private void fail(RunState to, VideoException error) {
        if (!moveTo(to)) {
            return;
        }
        end();
        for (Waiter w : waiters) {
            w.future().completeExceptionally(error);
        }
        if (submitted != null) {
            submitted.completeExceptionally(error);
        }
        host.events().runFinished(info(), null, error, elapsed());
    }

    /** Stops timers and the pending step, gives back the provider slot and leaves the index. */
    private void end() {
        Future<?> s = step;
        if (s != null) {
            s.cancel(true);
        }
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        releaseSlot();
        host.ended(this);
    }

    private void releaseSlot() {
        ProviderRegistry.Entry e = entry;
        boolean held;
        synchronized (this) {
            held = slotHeld;
            slotHeld = false;
        }
        if (held && e != null && e.limiter() != null) {
            e.limiter().release();
        }
    }

    private Duration elapsed() {
        return Duration.between(startedAt, host.clock().instant());
    }

    // ------------------------------------------------------------------ create

    /**
     * Submits to {@code chain[i]}; moves on to {@code chain[i+1]} only when the create was
     * {@link CreateOutcome#NOT_ACCEPTED} and the error is worth another provider (LIFECYCLE.md §2).
     */
    void create(List<ProviderRegistry.Entry> chain, int i, VideoRequest toSend, RefinedPrompt refined) {
        prompt = refined;
        ProviderRegistry.Entry e = chain.get(i);
        entry = e;
        policy = policyOverride != null ? policyOverride : e.polling();
        CompletableFuture<Void> slot = e.limiter() == null ? CompletableFuture.completedFuture(null) : e.limiter().acquire();
        step = slot;
        slot.whenComplete((v, failure) -> {
            if (failure != null) {
                return; // cancelled while queued for a slot: the run already ended
            }
            synchronized (this) {
                slotHeld = e.limiter() != null;
                if (state.isFinal()) {
                    failure = new IllegalStateException("ended");
                }
            }
            if (failure != null) {
                releaseSlot();
                return;
            }
            moveTo(RunState.SUBMITTING);
            host.events().createStarted(info());
            if (e.provider().capabilities().streaming()) {
                stream(chain, i, toSend);
            } else {
                Instant began = host.clock().instant();
                // the client's close() waits for this stage: the outcome handled, an accepted job recorded
                host.createStarted(this, call(() -> host.costs().submit(e.provider(), toSend, e.context())) // [cost]
                        .whenComplete((accepted, error) -> created(chain, i, toSend, accepted, error, began)));
            }
        });
    }

    private void created(List<ProviderRegistry.Entry> chain, int i, VideoRequest toSend, VideoJob accepted, Throwable failure,
                         Instant began) {
        Duration took = Duration.between(began, host.clock().instant());
        if (failure == null && accepted != null) {
            accept(accepted, took);
            if (cancelRequested) {
                cancelAccepted();
            } else if (submitted != null) {
                detach();
            } else {
                startWaiting();
            }
            return;
        }
        VideoException error = Futures.asVideoException(failure == null
                ? new IllegalStateException(entry.provider().id() + " accepted the create call but gave no job") : failure,
                entry.provider().id());
        createFailed(chain, i, toSend, error, took);
    }

    private void accept(VideoJob accepted, Duration took) {
        job = accepted;
        host.events().createFinished(info(), CreateOutcome.ACCEPTED, null, took);
        if (submitted != null && !entry.provider().capabilities().streaming()) {
            return; // created(...) detaches first, then hands out the job: an await after it starts its own wait
        }
        host.indexed(this);
        if (submitted != null) {
            submitted.complete(accepted);
        }
    }

    private void createFailed(List<ProviderRegistry.Entry> chain, int i, VideoRequest toSend, VideoException error, Duration took) {
        ProviderRegistry.Entry e = entry;
        CreateOutcome outcome = CreateOutcomes.of(error, e.provider()::createNotAccepted);
        host.events().createFinished(info(), outcome, error, took);
        releaseSlot();
        if (outcome == CreateOutcome.NOT_ACCEPTED && !cancelRequested && i + 1 < chain.size() && worthFallback(error)) {
            LOG.warn("{} did not accept the job ({}); falling back to {}", e.provider().id(), error.getMessage(),
                    chain.get(i + 1).provider().id());
            create(chain, i + 1, toSend, prompt);
            return;
        }
        if (outcome == CreateOutcome.UNKNOWN) {
            VideoException unknown = CreateOutcomes.mayExist(error, null);
            if (cancelRequested) {
                LOG.warn("{}: the run was cancelled while its create call was in flight, and the call's outcome is unknown; "
                        + "a job may exist and cannot be cancelled without its id: {}", e.provider().id(), unknown.getMessage());
            }
            cancelAck.complete(null);
            fail(RunState.UNKNOWN, unknown);
        } else {
            cancelAck.complete(null);
            fail(RunState.NOT_ACCEPTED, error);
        }
    }

    /** Fallback only to a provider that may serve the same request: not after invalid input or content policy. */
    private static boolean worthFallback(VideoException v) {
        if (v instanceof ContentPolicyException || v instanceof InvalidRequestException) {
            return false;
        }
        return v.isRetryable() || v instanceof dev.videosdk.QuotaExceededException
                || v instanceof dev.videosdk.AuthenticationException || v instanceof dev.videosdk.PermissionDeniedException;
    }

    /** A {@code submit}: the run's work ends with the accepted job; the job lives on at the provider. */
    private void detach() {
        if (moveTo(RunState.WAITING)) {
            synchronized (this) {
                detached = true;
            }
            releaseSlot();
            host.detached(this);
            host.events().runFinished(info(), null, null, elapsed());
        }
        submitted.complete(job);
    }

    // ------------------------------------------------------------------ waiting: shared by both drivers

    /** Enters WAITING with the deadline armed, and starts polling. */
    void startWaiting() {
        if (state() != RunState.WAITING && !moveTo(RunState.WAITING)) {
            return;
        }
        armDeadline();
        scheduleCheck(1, policy.delayBefore(1, null, host.random()));
    }

    private void armDeadline() {
        waitStartedAt = host.clock().instant();
        deadline = host.scheduler().schedule(this::timedOut, policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void timedOut() {
        timeout("waited " + Duration.between(waitStartedAt, host.clock().instant()).toSeconds() + " s (the deadline is "
                + policy.timeout().toSeconds() + " s)");
    }

    private void timeout(String why) {
        VideoJob j = job;
        Duration waited = Duration.between(waitStartedAt, host.clock().instant());
        String resume = entry.provider().capabilities().streaming() ? " (a streamed job cannot be resumed)"
                : "; resume it with VideoClient.await(VideoJob.fromToken(\"" + j.toToken() + "\"))";
        fail(RunState.TIMED_OUT, new GenerationTimeoutException(j.provider() + " job " + j.id() + " did not finish: the SDK "
                + why + ". The job may still finish and be billed" + resume, j, waited, attempts, ErrorContext.local(j.provider())));
    }

    /** Applies a status learned elsewhere (a verified webhook, a stream update): ends the run if final. */
    void offer(JobStatus status) {
        report(status, attempts);
        settle(status);
    }

    /** Ends the run for a final status; false when the status is not final. */
    private boolean settle(JobStatus status) {
        if (status.state() == JobState.SUCCEEDED) {
            succeed(status);
        } else if (status.state() == JobState.FAILED) {
            fail(RunState.FAILED, status.error());
        } else if (status.state() == JobState.CANCELLED) {
            VideoJob j = job;
            fail(RunState.CANCELLED, new JobCancelledException(j.provider() + " reports job " + j.id() + " cancelled"
                    + (status.message() == null ? "" : ": " + status.message()) + "; this client did not cancel it", j,
                    ErrorContext.local(j.provider())));
        } else {
            return false;
        }
        return true;
    }

    private void report(JobStatus status, int attempt) {
        Integer percent = progress.highest(status.progress());
        if (!anyoneListens()) {
            return; // the hot path of a run nobody watches: no event, no RunInfo
        }
        ProgressEvent event = new ProgressEvent(job, status.state(), attempt, policy.maxAttempts(), percent,
                Duration.between(job.submittedAt(), host.clock().instant()), status.message());
        for (Waiter w : waiters) {
            try {
                w.listener().onProgress(event);
            } catch (Throwable t) { // a listener must never break a job
                LOG.warn("progress listener threw; ignored", t);
            }
        }
        host.events().progress(info(), event);
    }

    /** True when a waiter has a progress listener or the client an event listener. */
    private boolean anyoneListens() {
        if (!host.events().isNone()) {
            return true;
        }
        ProgressListener none = ProgressListener.none();
        for (Waiter w : waiters) {
            if (w.listener() != none) { // a no-op listener is one shared instance in practice; else we just report
                return true;
            }
        }
        return false;
    }

    private void pollFinished(int attempt, JobStatus status, VideoException error, Duration next) {
        if (!host.events().isNone()) {
            host.events().pollFinished(info(), attempt, status, error, next);
        }
    }

    // ------------------------------------------------------------------ polling driver

    private void scheduleCheck(int attempt, Duration wait) {
        if (state() != RunState.WAITING) {
            return;
        }
        if (attempt > policy.maxAttempts()) {
            timeout("made " + policy.maxAttempts() + " status checks (the policy's limit)");
            return;
        }
        Duration elapsed = Duration.between(waitStartedAt, host.clock().instant());
        Duration left = policy.timeout().minus(elapsed);
        Duration delay = wait;
        if (delay.compareTo(left) >= 0) {
            // one last check shortly before the deadline instead of sleeping past it
            Duration lead = policy.timeout().dividedBy(20).compareTo(Duration.ofSeconds(1)) < 0
                    ? policy.timeout().dividedBy(20) : Duration.ofSeconds(1);
            delay = left.minus(lead);
            if (delay.isNegative() || delay.isZero()) {
                return; // the deadline timer ends the run
            }
        }
        step = host.scheduler().schedule(() -> check(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(int attempt) {
        if (state() != RunState.WAITING) {
            return;
        }
        attempts = attempt;
        ProviderRegistry.Entry e = entry;
        CompletableFuture<JobStatus> call = call(() -> e.provider().poll(job, e.context()));
        step = call;
        call.whenComplete((status, failure) -> {
            if (state() != RunState.WAITING) {
                return;
            }
            if (failure != null || status == null) {
                VideoException error = Futures.asVideoException(failure == null
                        ? new IllegalStateException(e.provider().id() + " returned no status") : failure, e.provider().id());
                if (!error.isRetryable()) {
                    pollFinished(attempt, null, error, null);
                    fail(RunState.FAILED, error);
                    return;
                }
                // the transport already retried this call; keep waiting until the deadline
                Duration next = policy.delayBefore(attempt + 1, null, host.random());
                if (error instanceof RateLimitException r && r.retryAfter().isPresent()
                        && r.retryAfter().get().compareTo(next) > 0) {
                    next = r.retryAfter().get(); // a 429's Retry-After (or body hint) wins, within the deadline
                }
                LOG.debug("{} job {}: status check {} failed, will check again in {} ms: {}", e.provider().id(), job.id(),
                        attempt, next.toMillis(), error.getMessage());
                pollFinished(attempt, null, error, next);
                scheduleCheck(attempt + 1, next);
                return;
            }
            report(status, attempt);
            if (status.isTerminal()) {
                pollFinished(attempt, status, null, null);
                settle(status);
                return;
            }
            Duration next = nextDelay(attempt, status);
            pollFinished(attempt, status, null, next);
            scheduleCheck(attempt + 1, next);
        });
    }

    /**
     * The wait before the next check: the provider's hint; else, for the adaptive default only, a
     * wait aimed at the end estimated from progress (ADR 0004); else the policy's schedule. A
     * {@link PollingPolicy#isFixed() fixed} policy polls at exactly its interval.
     */
    private Duration nextDelay(int attempt, JobStatus status) {
        Duration hint = ProviderData.pollAfter(status);
        if (hint != null) {
            return policy.delayBefore(attempt + 1, hint, host.random());
        }
        if (!policy.isFixed()) {
            Duration estimate = progress.waitForEnd(status.progress(), host.clock().instant(), policy);
            if (estimate != null) {
                return estimate;
            }
        }
        return policy.delayBefore(attempt + 1, null, host.random());
    }

    // ------------------------------------------------------------------ streaming driver

    /** The create and the wait on one long response: the job is known once the provider reports it. */
    private void stream(List<ProviderRegistry.Entry> chain, int i, VideoRequest toSend) {
        ProviderRegistry.Entry e = entry;
        Instant began = host.clock().instant();
        StreamObserver observer = new StreamObserver() {
            @Override
            public void started(VideoJob started) {
                if (job == null) {
                    accept(started, Duration.between(began, host.clock().instant()));
                    if (moveTo(RunState.WAITING)) {
                        armDeadline();
                    }
                }
            }

            @Override
            public void update(JobStatus status) {
                if (job != null && state() == RunState.WAITING) {
                    attempts++;
                    report(status, attempts);
                }
            }
        };
        CompletableFuture<JobStatus> call = host.createStarted(this,
                call(() -> e.provider().stream(host.costs().prepare(e.provider(), toSend), e.context(), observer))); // [cost]
        step = call;
        call.whenComplete((status, failure) -> {
            if (job == null) {
                if (failure == null && status != null) {
                    // the stream ended before naming the job: give it a local id so the result can be reported
                    observer.started(VideoJob.of(e.provider().id(), "stream-" + java.util.UUID.randomUUID(), toSend.model(), began));
                } else {
                    createFailed(chain, i, toSend, Futures.asVideoException(failure, e.provider().id()),
                            Duration.between(began, host.clock().instant()));
                    return;
                }
            }
            if (failure != null || status == null) {
                VideoException error = Futures.asVideoException(failure == null
                        ? new IllegalStateException(e.provider().id() + " stream ended without a status") : failure, e.provider().id());
                fail(RunState.FAILED, error);
            } else if (!settle(status)) {
                fail(RunState.FAILED, new dev.videosdk.ProtocolException(e.provider().id() + " stream ended with job " + job.id()
                        + " still " + status.state() + "; it may still complete", ErrorContext.local(e.provider().id()), null));
            }
        });
    }

    // ------------------------------------------------------------------ cancel and close

    /**
     * The caller cancelled (LIFECYCLE.md §3): before SUBMITTING nothing is sent; during SUBMITTING the
     * create is not aborted and the job is cancelled once accepted; while WAITING the wait stops at
     * once and the remote cancel is sent.
     */
    void cancelByCaller() {
        RunState s;
        synchronized (this) {
            s = state;
            if (s.isFinal() || cancelRequested) {
                return;
            }
            cancelRequested = true;
        }
        host.cancelRequested(this, cancelAck);
        switch (s) {
            case SUBMITTING -> {
                if (job != null) {
                    cancelAccepted(); // a stream that already reported its job
                } else if (entry.provider().capabilities().streaming()) {
                    // the stream is the only channel and cannot be cancelled remotely: close it now
                    LOG.warn("{}: a streamed generation was cancelled before it named its job; the gateway may still run it",
                            entry.provider().id());
                    cancelAck.complete(null);
                    fail(RunState.CANCELLED, cancelled("a stream before its job was named"));
                }
                // else the create call goes on; created(...) cancels the job once it is accepted
            }
            case WAITING -> cancelAccepted();
            default -> {
                cancelAck.complete(null);
                fail(RunState.CANCELLED, cancelled("before its create call"));
            }
        }
    }

    /** Ends the run CANCELLED and cancels its job at the provider. */
    private void cancelAccepted() {
        VideoJob j = job;
        ProviderRegistry.Entry e = entry;
        fail(RunState.CANCELLED, cancelled("job " + j.id()));
        host.remoteCancel(e, j).whenComplete((v, failure) -> {
            if (failure != null) {
                cancelAck.completeExceptionally(Futures.asVideoException(failure, e.provider().id()));
            } else {
                cancelAck.complete(null);
            }
        });
    }

    private VideoException cancelled(String what) {
        String p = entry == null ? "sdk" : entry.provider().id();
        return new VideoException("cancelled by the caller (" + what + ")", ErrorContext.local(p), false,
                new java.util.concurrent.CancellationException());
    }

    /** The acknowledgement of the remote cancel this run sent or owes. */
    CompletableFuture<Void> cancelAck() {
        return cancelAck;
    }

    /** The client closed: ends the run CLOSED; its job (if any) is left running at the provider. */
    void close() {
        VideoJob j = job;
        String p = entry == null ? "sdk" : entry.provider().id();
        fail(RunState.CLOSED, new ClientClosedException(j == null
                ? "the VideoClient was closed before this call had a job"
                : "the VideoClient was closed while waiting for " + p + " job " + j.id() + "; the job was not cancelled and may "
                + "still finish: resume it with VideoClient.await(VideoJob.fromToken(\"" + j.toToken() + "\"))",
                j, ErrorContext.local(p)));
    }

    /** Ends a run that failed before any create (invalid request, refiner error). */
    void rejected(VideoException error) {
        fail(RunState.NOT_ACCEPTED, error);
    }

    /** The call's own polling policy (null: the provider's). */
    void usePolicy(PollingPolicy override) {
        policyOverride = override;
    }

    /** Marks the run as refining its prompt. */
    void refining() {
        moveTo(RunState.REFINING);
    }

    /** Tracks a step (e.g. the refiner's call) so that cancelling the run cancels it. */
    void track(Future<?> current) {
        step = current;
        if (state().isFinal()) {
            current.cancel(true);
        }
    }

    /** Calls provider code: whatever it throws (an {@code Error} too) becomes a failed future. */
    static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> code) {
        try {
            CompletableFuture<T> f = code.get();
            return f != null ? f : CompletableFuture.failedFuture(new IllegalStateException("provider returned no future"));
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    @Override
    public String toString() {
        return "JobRun[" + id + ", " + info().provider() + ", " + state() + (job == null ? "" : ", job " + job.id()) + "]";
    }
}
