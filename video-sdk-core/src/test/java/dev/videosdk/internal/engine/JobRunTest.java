package dev.videosdk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ClientClosedException;
import dev.videosdk.CreateOutcome;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobCancelledException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.internal.time.ManualTime;
import dev.videosdk.spi.ProviderData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LIFECYCLE.md §1–3 and §6, on virtual time, without any provider module: one test per row and per
 * input of the lifecycle issue.
 */
class JobRunTest {
    private final ManualTime time = ManualTime.start();
    private final ScriptedProvider acme = new ScriptedProvider("acme");
    private final ScriptedProvider backup = new ScriptedProvider("backup");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private VideoClient client;

    private final VideoEventListener recorder = new VideoEventListener() {
        @Override
        public void stateChanged(RunInfo run, RunState from) {
            events.add(from + "->" + run.state());
        }

        @Override
        public void createFinished(RunInfo run, CreateOutcome outcome, VideoException error, Duration duration) {
            events.add("create " + run.provider() + " " + outcome);
        }
    };

    private VideoClient client(VideoClient.Builder b) {
        client = b.withoutDiscovery().provider(acme).provider(backup).defaultProvider("acme")
                .clock(time.clock()).scheduler(time.scheduler()).eventListener(recorder)
                .closeTimeout(Duration.ofSeconds(2)).build();
        return client;
    }

    private VideoClient client() {
        return client(VideoClient.builder());
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static VideoRequest request() {
        return VideoRequest.text("a lighthouse in a storm").durationSeconds(4).build();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got " + f.join());
    }

    private Throwable failureOf(CompletableFuture<?> f) {
        try {
            time.run(f);
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static VideoException unavailable(int status) {
        return new ProviderUnavailableException("acme answered HTTP " + status, ErrorContext.of("acme", status, null, "req-1"), null);
    }

    // ---------------------------------------------------------------- §1 one run per job

    @Test
    void generate_walksTheStatesInOrderAndSucceeds() {
        acme.succeedOnCheck(3);
        VideoResult r = time.run(client().generate(request()));

        assertThat(r.video().uri().toString()).endsWith(".mp4");
        assertThat(events).containsExactly("VALIDATING->SUBMITTING", "create acme ACCEPTED", "SUBMITTING->WAITING",
                "WAITING->SUCCEEDED");
        assertThat(acme.polls.get()).isEqualTo(3);
    }

    @Test
    void secondAwaitOfTheSameJob_attachesToTheSameRun_onePollLoop() {
        acme.succeedOnCheck(4);
        VideoJob job = VideoJob.of("acme", "shared-1", null, time.now());
        VideoClient c = client();
        CompletableFuture<VideoResult> first = c.await(job);
        CompletableFuture<VideoResult> second = c.await(job);

        VideoResult a = time.run(first);
        VideoResult b = time.run(second);

        assertThat(a.job()).isEqualTo(b.job());
        assertThat(acme.polls.get()).as("one poll loop for both awaits").isEqualTo(4);
    }

    @Test
    void secondAwait_isReachedByCancelOfTheJob() {
        VideoJob job = VideoJob.of("acme", "shared-2", null, time.now());
        VideoClient c = client();
        CompletableFuture<VideoResult> first = c.await(job);
        CompletableFuture<VideoResult> second = c.await(job);
        time.advance(Duration.ofSeconds(15));

        time.run(c.cancel(job));

        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThat(acme.cancels).containsExactly("shared-2");
    }

    // ---------------------------------------------------------------- §2 create outcomes decide retries and fallback

    @Test
    void fallback_happensOnNotAccepted() {
        acme.createFails(new RateLimitException("acme answered HTTP 429", ErrorContext.of("acme", 429, null, null), null, null));
        backup.succeedOnCheck(1);

        VideoResult r = time.run(client(VideoClient.builder().fallback("backup")).generate(request()));

        assertThat(r.job().provider()).isEqualTo("backup");
        assertThat(events).contains("create acme NOT_ACCEPTED", "create backup ACCEPTED");
    }

    @Test
    void fallback_neverHappensOnUnknown_500_502_503_504_520_524() {
        for (int status : new int[] {500, 502, 503, 504, 520, 524}) {
            acme.createFails(unavailable(status));
            int before = backup.creates.size();
            VideoClient c = client(VideoClient.builder().fallback("backup"));

            Throwable t = failureOf(c.generate(request()));

            assertThat(t).as("status %d", status).isInstanceOf(JobMayExistException.class)
                    .hasMessageContaining("a job may exist").hasMessageContaining("req-1");
            assertThat(((VideoException) t).isRetryable()).isFalse();
            assertThat(t.getCause()).isInstanceOf(ProviderUnavailableException.class);
            assertThat(backup.creates).as("no second paid job at %d", status).hasSize(before);
            c.close();
        }
    }

    @Test
    void fallback_onCdnAnswerProvingTheOriginNeverGotIt() {
        acme.createFails(unavailable(525));
        backup.succeedOnCheck(1);

        VideoResult r = time.run(client(VideoClient.builder().fallback("backup")).generate(request()));

        assertThat(r.job().provider()).isEqualTo("backup");
    }

    @Test
    void fallback_notOnInvalidRequest() {
        acme.createFails(new InvalidRequestException("acme answered HTTP 400: bad", "prompt", ErrorContext.of("acme", 400, null, null), null));

        Throwable t = failureOf(client(VideoClient.builder().fallback("backup")).generate(request()));

        assertThat(t).isInstanceOf(InvalidRequestException.class);
        assertThat(backup.creates).isEmpty();
    }

    @Test
    void fallback_onQuotaExhausted() {
        acme.createFails(new QuotaExceededException("acme answered HTTP 402", ErrorContext.of("acme", 402, null, null), null));
        backup.succeedOnCheck(1);

        assertThat(time.run(client(VideoClient.builder().fallback("backup")).generate(request())).job().provider()).isEqualTo("backup");
    }

    @Test
    void providerDeclaredNotAccepted_500_fallsBack() {
        acme.notAccepted = e -> e.httpStatus().orElse(0) == 500;
        acme.createFails(unavailable(500));
        backup.succeedOnCheck(1);

        assertThat(time.run(client(VideoClient.builder().fallback("backup")).generate(request())).job().provider()).isEqualTo("backup");
    }

    @Test
    void aFailedCreate_givesBackItsSlot() {
        acme.createFails(new RateLimitException("busy", ErrorContext.of("acme", 429, null, null), null, null));
        acme.succeedOnCheck(1);
        VideoClient c = client(VideoClient.builder().maxJobsInFlight("acme", 1));

        failureOf(c.generate(request()));
        VideoResult second = time.run(c.generate(request()));

        assertThat(second.job().provider()).isEqualTo("acme");
    }

    // ---------------------------------------------------------------- §3 cancel

    @Test
    void cancelDuringCreate_theJobIsCancelledRemotelyOnceAccepted() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        acme.createHeldUntil(gate);
        CompletableFuture<VideoResult> f = client().generate(request());
        time.runDue();
        assertThat(acme.creates).hasSize(1);

        f.cancel(true);
        assertThat(acme.cancels).as("the create is not aborted, nothing to cancel yet").isEmpty();
        gate.complete(null);
        time.runDue();

        assertThat(acme.cancels).containsExactly("acme-job-1");
        assertThat(acme.polls.get()).isZero();
        assertThat(events).contains("SUBMITTING->CANCELLED");
    }

    @Test
    void cancelThenClose_withTheCreateInFlight_stillSendsTheRemoteCancel() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        acme.createHeldUntil(gate);
        VideoClient c = client();
        CompletableFuture<VideoResult> f = c.generate(request());
        time.runDue();
        f.cancel(true);
        new Thread(() -> gate.complete(null)).start(); // the provider answers while close() waits

        c.close();

        assertThat(acme.cancels).containsExactly("acme-job-1");
    }

    @Test
    void cancelBeforeCreate_sendsNothing() {
        VideoClient c = client(VideoClient.builder().maxJobsInFlight("acme", 1));
        CompletableFuture<Void> gate = new CompletableFuture<>();
        acme.createHeldUntil(gate);
        CompletableFuture<VideoResult> holder = c.generate(request()); // takes the only slot
        CompletableFuture<VideoResult> queued = c.generate(request());
        time.runDue();

        queued.cancel(true);
        gate.complete(null);
        time.runDue();

        assertThat(acme.creates).hasSize(1);
        assertThat(holder).isNotDone();
    }

    @Test
    void cancelWhileWaiting_stopsPollingAndCancelsRemotely() {
        CompletableFuture<VideoResult> f = client().generate(request());
        time.advance(Duration.ofSeconds(25));
        int polls = acme.polls.get();

        f.cancel(true);
        time.advance(Duration.ofMinutes(5));

        assertThat(acme.polls.get()).isEqualTo(polls);
        assertThat(acme.cancels).containsExactly("acme-job-1");
    }

    @Test
    void clientCancel_withoutALocalWait_completesWhenTheProviderAcknowledged() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acme.cancel = j -> ack;
        CompletableFuture<Void> f = client().cancel(VideoJob.of("acme", "elsewhere-1", null, time.now()));

        assertThat(f).isNotDone();
        ack.complete(null);
        assertThat(f).isCompleted();
        assertThat(acme.cancels).containsExactly("elsewhere-1");
    }

    @Test
    void clientCancel_failsWithTheProvidersReason() {
        acme.cancel = j -> CompletableFuture.failedFuture(unavailable(409));
        Throwable t = failure(client().cancel(VideoJob.of("acme", "done-1", null, time.now())));
        assertThat(t).hasMessageContaining("409");
    }

    @Test
    void clientCancel_withALocalWait_behavesTheSame_completesWhenAcknowledged() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        acme.cancel = j -> ack;
        VideoClient c = client();
        VideoJob job = time.run(c.submit(request()));
        CompletableFuture<VideoResult> waiting = c.await(job);
        time.advance(Duration.ofSeconds(15));

        CompletableFuture<Void> f = c.cancel(job);

        assertThat(waiting).isCompletedExceptionally();
        assertThat(f).isNotDone();
        ack.complete(null);
        assertThat(f).isCompleted();
    }

    @Test
    void clientCancel_onAProviderThatCannotCancel_saysSo() {
        acme.remoteCancel = false;
        Throwable t = failure(client().cancel(VideoJob.of("acme", "x-1", null, time.now())));
        assertThat(t).isInstanceOf(VideoException.class).hasMessageContaining("cannot cancel jobs remotely");
        assertThat(((VideoException) t).errorCode()).hasValue("remote_cancel_unsupported");
    }

    @Test
    void aJobCancelledByTheProvider_failsWithATypedError_notABareCancellation() {
        acme.poll = j -> CompletableFuture.completedFuture(JobStatus.cancelled("cancelled in the console"));

        Throwable t = failureOf(client().generate(request()));

        assertThat(t).isInstanceOf(JobCancelledException.class).hasMessageContaining("cancelled in the console");
        assertThat(((JobCancelledException) t).job().id()).isEqualTo("acme-job-1");
    }

    // ---------------------------------------------------------------- §3 close

    @Test
    void close_failsAPendingWaitWithAResumableError() {
        VideoClient c = client();
        CompletableFuture<VideoResult> f = c.generate(request());
        time.advance(Duration.ofSeconds(15));

        c.close();

        Throwable t = failure(f);
        assertThat(t).isInstanceOf(ClientClosedException.class).hasMessageContaining("resume it");
        assertThat(((ClientClosedException) t).job()).map(VideoJob::id).hasValue("acme-job-1");
        assertThat(acme.cancels).as("closing does not cancel jobs").isEmpty();
    }

    @Test
    void close_callsAfterCloseFailAtOnce() {
        VideoClient c = client();
        c.close();
        assertThat(failure(c.generate(request()))).isInstanceOf(ClientClosedException.class);
        assertThat(failure(c.submit(request()))).isInstanceOf(ClientClosedException.class);
        assertThat(failure(c.await(VideoJob.of("acme", "j", null, time.now())))).isInstanceOf(ClientClosedException.class);
        assertThat(failure(c.status(VideoJob.of("acme", "j", null, time.now())))).isInstanceOf(ClientClosedException.class);
    }

    @Test
    void close_withACreateInFlight_reportsTheJobOnceAccepted() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        acme.createHeldUntil(gate);
        VideoClient c = client();
        CompletableFuture<VideoResult> f = c.generate(request());
        time.runDue();
        new Thread(() -> gate.complete(null)).start();

        c.close();

        Throwable t = failure(f);
        assertThat(t).isInstanceOf(ClientClosedException.class);
        assertThat(((ClientClosedException) t).job()).isPresent();
    }

    // ---------------------------------------------------------------- §4 deadlines, §8 one error channel

    @Test
    void deadline_isEnforcedWhileAPollIsInFlight() {
        acme.polling = PollingPolicy.fixed(Duration.ofSeconds(5)).withTimeout(Duration.ofSeconds(25));
        acme.poll = j -> new CompletableFuture<>(); // the status call never answers

        Throwable t = failureOf(client().generate(request()));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class);
        assertThat(((GenerationTimeoutException) t).job().id()).isEqualTo("acme-job-1");
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aProviderThrowingAnError_failsTheFutureWithAVideoException() {
        acme.poll = j -> {
            throw new NoClassDefFoundError("com/example/Missing");
        };

        Throwable t = failureOf(client().generate(request()));

        assertThat(t).isInstanceOf(VideoException.class).hasMessageContaining("NoClassDefFoundError");
    }

    @Test
    void aRetryableStatusFailure_doesNotEndTheWait() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        acme.poll = j -> n.incrementAndGet() == 1 ? CompletableFuture.failedFuture(unavailable(503))
                : CompletableFuture.completedFuture(ScriptedProvider.succeeded(j));

        assertThat(time.run(client().generate(request())).job().id()).isEqualTo("acme-job-1");
        assertThat(n.get()).isEqualTo(2);
    }

    @Test
    void aStatus429_waitsForItsRetryAfter() {
        acme.polling = PollingPolicy.fixed(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(10));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        acme.poll = j -> n.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new RateLimitException("slow down", ErrorContext.of("acme", 429, null, null),
                        Duration.ofSeconds(120), null))
                : CompletableFuture.completedFuture(ScriptedProvider.succeeded(j));

        time.run(client().generate(request()));

        assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(130));
        assertThat(n.get()).isEqualTo(2);
    }

    @Test
    void aFixedPolicy_pollsAtExactlyItsInterval_evenWithProgress() {
        acme.polling = PollingPolicy.fixed(Duration.ofMillis(500)).withTimeout(Duration.ofMinutes(10));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        acme.poll = j -> {
            int k = n.incrementAndGet();
            return CompletableFuture.completedFuture(k >= 8 ? ScriptedProvider.succeeded(j) : JobStatus.running(k * 10));
        };

        time.run(client().generate(request()));

        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(8 * 500));
    }

    @Test
    void badInput_isOneErrorChannel_InvalidRequestExceptionNamingTheParameter() {
        assertThatThrownBy(() -> VideoRequest.text("  ").build()).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("prompt"));
        assertThatThrownBy(() -> VideoRequest.text("x").durationSeconds(0).build()).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("duration"));
        assertThatThrownBy(() -> VideoJob.fromToken("not-a-token")).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("token"));
        assertThat(failure(client().generate(null))).isInstanceOf(InvalidRequestException.class);
    }

    // ---------------------------------------------------------------- §6 events

    @Test
    void aListenerThatThrows_neverBreaksAJob() {
        acme.succeedOnCheck(1);
        VideoResult r = time.run(client(VideoClient.builder()).generate(request(), GenerateOptions.builder()
                .onProgress(p -> {
                    throw new IllegalStateException("listener bug");
                }).build()));
        assertThat(r).isNotNull();
    }

    @Test
    void submit_thenAwait_fromAToken() {
        acme.succeedOnCheck(2);
        VideoClient c = client();
        VideoJob job = time.run(c.submit(request()));

        VideoResult r = time.run(c.await(VideoJob.fromToken(job.toToken())));

        assertThat(r.job().id()).isEqualTo(job.id());
    }

    @Test
    void await_chainedOnSubmit_startsItsOwnWait() {
        acme.succeedOnCheck(2);
        VideoClient c = client();

        VideoResult r = time.run(c.submit(request()).thenCompose(c::await)); // await runs inside submit's completion

        assertThat(r.job().id()).isEqualTo("acme-job-1");
    }

    // ---------------------------------------------------------------- gaps PIT found (docs/adr/0010, "Mutation testing")

    @Test
    void aFinishedRun_leavesNoTimerBehind_andGivesBackItsSlot() {
        acme.succeedOnCheck(2);
        VideoClient c = client(VideoClient.builder().maxJobsInFlight("acme", 1));

        time.run(c.generate(request()));
        assertThat(time.pendingTasks()).as("deadline and poll timers cancelled").isZero();

        time.run(c.generate(request())); // the only slot was given back after the success
        assertThat(acme.creates).hasSize(2);
    }

    @Test
    void theProvidersPollAfterHint_setsTheNextCheck() {
        acme.polling = PollingPolicy.fixed(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(10));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        acme.poll = j -> CompletableFuture.completedFuture(n.incrementAndGet() >= 2 ? ScriptedProvider.succeeded(j)
                : ProviderData.withPollAfter(JobStatus.running(null), Duration.ofSeconds(3)));

        time.run(client().generate(request()));

        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(13)); // first check at 10 s, the next 3 s later
    }

    @Test
    void everyRunIsReportedToTheListener_fromStartToFinish() {
        List<String> seen = new CopyOnWriteArrayList<>();
        VideoEventListener listener = new VideoEventListener() {
            @Override
            public void runStarted(RunInfo run) {
                seen.add("started " + run.runId());
            }

            @Override
            public void createStarted(RunInfo run) {
                seen.add("create " + run.provider());
            }

            @Override
            public void pollFinished(RunInfo run, int attempt, JobStatus status, VideoException error, Duration nextDelay) {
                seen.add("poll " + attempt + " " + status.state() + " next " + nextDelay);
            }

            @Override
            public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
                seen.add("finished " + run.state() + " " + (result != null) + " after " + elapsed);
            }
        };
        acme.succeedOnCheck(2);
        client = VideoClient.builder().withoutDiscovery().provider(acme).clock(time.clock()).scheduler(time.scheduler())
                .eventListener(listener).build();

        time.run(client.generate(request()));

        assertThat(seen).containsExactly("started 1", "create acme", "poll 1 RUNNING next PT10S", "poll 2 SUCCEEDED next null",
                "finished SUCCEEDED true after PT20S");
    }

    // ---------------------------------------------------------------- clampToCapabilities (issue 18, ADR 0027)

    @Test
    void clamp_aDurationAndRatioTheModelDoesNotOffer_areSentAsTheNearestOffered() {
        acme.succeedOnCheck(1);
        VideoClient c = client(VideoClient.builder().clampToCapabilities(true));

        time.run(c.generate(VideoRequest.text("x").durationSeconds(7).aspectRatio(dev.videosdk.AspectRatio.parse("4:3")).build()));

        assertThat(acme.creates).hasSize(1);
        assertThat(acme.creates.get(0).duration()).isEqualTo(Duration.ofSeconds(8)); // offered: 4, 8
        assertThat(acme.creates.get(0).aspectRatio()).isEqualTo(dev.videosdk.AspectRatio.LANDSCAPE_16_9); // offered: 16:9
    }

    @Test
    void clamp_aTieGoesToTheShorterDuration_andAnOfferedValueIsKept() {
        acme.succeedOnCheck(1);
        VideoClient c = client(VideoClient.builder().clampToCapabilities(true));

        time.run(c.generate(VideoRequest.text("x").durationSeconds(6).build()));
        time.run(c.generate(VideoRequest.text("x").durationSeconds(8).build()));

        assertThat(acme.creates).extracting(VideoRequest::duration).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void withoutClamp_theSameRequestIsRefusedBeforeAnyCall_namingTheParameter() {
        Throwable t = failureOf(client().generate(VideoRequest.text("x").durationSeconds(7).build()));

        assertThat(t).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) t).parameter()).hasValue("duration");
        assertThat(acme.creates).isEmpty();
    }
}
