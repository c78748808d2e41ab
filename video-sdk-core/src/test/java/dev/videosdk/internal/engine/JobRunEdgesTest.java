package dev.videosdk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.internal.time.ManualTime;
import dev.videosdk.spi.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Edges of {@link JobRun} that PIT showed no test pinned (ADR 0010, "Mutation testing"): which refusals are worth a
 * fallback, the policy's attempt limit, the last check just before the deadline, the numbers in progress events, and
 * the streaming driver. Virtual time only.
 */
class JobRunEdgesTest {
    private final ManualTime time = ManualTime.start();
    private final ScriptedProvider primary = new ScriptedProvider("acme");
    private final ScriptedProvider second = new ScriptedProvider("backup");
    private final List<String> states = new CopyOnWriteArrayList<>();
    private VideoClient client;

    private VideoClient start(boolean withFallback) {
        VideoClient.Builder b = VideoClient.builder().withoutDiscovery().provider(primary).provider(second).defaultProvider("acme");
        if (withFallback) {
            b.fallback("backup");
        }
        client = b.clock(time.clock()).scheduler(time.scheduler()).closeTimeout(Duration.ofSeconds(2))
                .eventListener(new VideoEventListener() {
                    @Override
                    public void stateChanged(RunInfo run, RunState from) {
                        states.add(from + "->" + run.state());
                    }
                }).build();
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static VideoRequest prompt() {
        return VideoRequest.text("waves on a pier").durationSeconds(4).build();
    }

    private Throwable endsWith(CompletableFuture<?> f) {
        try {
            time.run(f);
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the run to fail");
    }

    /** Records the virtual instant (seconds since start, as millis) of every status check. */
    private List<Long> recordChecks() {
        List<Long> at = new CopyOnWriteArrayList<>();
        primary.poll = j -> {
            at.add(time.elapsed().toMillis());
            return CompletableFuture.completedFuture(JobStatus.running(null));
        };
        return at;
    }

    // ---------------------------------------------------------------- fallback: which refusals move on

    @Test
    void fallback_onRejectedCredentialsOrPermission_butNotOnContentPolicy() {
        ErrorContext ctx401 = ErrorContext.of("acme", 401, null, null);
        ErrorContext ctx403 = ErrorContext.of("acme", 403, null, null);
        for (VideoException refusal : List.of(new AuthenticationException("bad key", ctx401, null),
                new PermissionDeniedException("no access to the model", ctx403, null))) {
            primary.createFails(refusal);
            second.succeedOnCheck(1);
            VideoResult r = time.run(start(true).generate(prompt()));
            assertThat(r.job().provider()).as(refusal.getClass().getSimpleName()).isEqualTo("backup");
            client.close();
        }
        int before = second.creates.size();
        primary.createFails(new ContentPolicyException("refused", List.of("violence"), ErrorContext.of("acme", 400, null, null), null));

        Throwable t = endsWith(start(true).generate(prompt()));

        assertThat(t).isInstanceOf(ContentPolicyException.class);
        assertThat(second.creates).as("a policy refusal is the same elsewhere").hasSize(before);
        assertThat(states).contains("SUBMITTING->NOT_ACCEPTED");
    }

    @Test
    void fallback_notOnARefusalThatIsNotWorthIt_aNonRetryableUnavailability() {
        // NOT_ACCEPTED (a 4xx), but neither retryable nor a quota or credential error: another provider would refuse it too
        primary.createFails(new VideoException("acme answered HTTP 409: conflict", ErrorContext.of("acme", 409, null, null), false, null));

        Throwable t = endsWith(start(true).generate(prompt()));

        assertThat(t).hasMessageContaining("409");
        assertThat(second.creates).isEmpty();
    }

    @Test
    void fallback_isNotTriedPastTheLastProvider() {
        primary.createFails(new ProviderUnavailableException("acme answered HTTP 522", ErrorContext.of("acme", 522, null, null), null));

        Throwable t = endsWith(start(false).generate(prompt()));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).isNotInstanceOf(JobMayExistException.class);
        assertThat(states).containsExactly("VALIDATING->SUBMITTING", "SUBMITTING->NOT_ACCEPTED");
    }

    // ---------------------------------------------------------------- polling limits

    @Test
    void attemptLimit_endsTheWaitAfterExactlyThatManyChecks() {
        primary.polling = PollingPolicy.fixed(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(10)).withMaxAttempts(3);
        List<Long> checks = recordChecks();

        Throwable t = endsWith(start(false).generate(prompt()));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class).hasMessageContaining("made 3 status checks")
                .hasMessageContaining("resume it with VideoClient.await");
        assertThat(((GenerationTimeoutException) t).attempts()).isEqualTo(3);
        assertThat(checks).containsExactly(10_000L, 20_000L, 30_000L);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void lastCheck_runsOneSecondBeforeTheDeadline_thenTheDeadlineEndsTheRun() {
        primary.polling = PollingPolicy.fixed(Duration.ofSeconds(10)).withTimeout(Duration.ofSeconds(25));
        List<Long> checks = recordChecks();

        Throwable t = endsWith(start(false).generate(prompt()));

        assertThat(checks).containsExactly(10_000L, 20_000L, 24_000L);
        assertThat(t).isInstanceOf(GenerationTimeoutException.class).hasMessageContaining("waited 25 s (the deadline is 25 s)");
        assertThat(((GenerationTimeoutException) t).attempts()).isEqualTo(3);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void lastCheck_leadIsATwentiethOfAShortDeadline() {
        primary.polling = PollingPolicy.fixed(Duration.ofSeconds(4)).withTimeout(Duration.ofSeconds(10));
        List<Long> checks = recordChecks();

        endsWith(start(false).generate(prompt()));

        assertThat(checks).containsExactly(4_000L, 8_000L, 9_500L);
    }

    @Test
    void progressEvents_numberTheChecks_carryTheLimit_andNeverGoBackwards() {
        primary.polling = PollingPolicy.fixed(Duration.ofSeconds(5)).withTimeout(Duration.ofMinutes(10)).withMaxAttempts(9);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        primary.poll = j -> CompletableFuture.completedFuture(switch (n.incrementAndGet()) {
            case 1 -> JobStatus.running(40);
            case 2 -> JobStatus.running(25);
            default -> ScriptedProvider.succeeded(j);
        });
        List<ProgressEvent> seen = new CopyOnWriteArrayList<>();

        time.run(start(false).generate(prompt(), GenerateOptions.builder().onProgress(seen::add).build()));

        assertThat(seen).extracting(ProgressEvent::attempt).containsExactly(1, 2, 3);
        assertThat(seen).extracting(ProgressEvent::maxAttempts).containsOnly(9);
        assertThat(seen.get(0).progress()).isEqualTo(40);
        assertThat(seen.get(1).progress()).as("progress never goes backwards").isEqualTo(40);
    }

    // ---------------------------------------------------------------- streaming driver

    private AtomicReference<StreamObserver> streamHeld(CompletableFuture<JobStatus> end) {
        AtomicReference<StreamObserver> observer = new AtomicReference<>();
        primary.stream = (r, o) -> {
            observer.set(o);
            return end;
        };
        return observer;
    }

    @Test
    void stream_namesItsJob_reportsUpdates_andSucceeds() {
        CompletableFuture<JobStatus> end = new CompletableFuture<>();
        AtomicReference<StreamObserver> observer = streamHeld(end);
        List<ProgressEvent> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<VideoResult> f = start(false).generate(prompt(), GenerateOptions.builder().onProgress(seen::add).build());
        time.runDue();
        VideoJob job = VideoJob.of("acme", "gen-1", null, time.now());

        observer.get().update(JobStatus.running(10)); // before the job is named: not reported
        observer.get().started(job);
        observer.get().started(VideoJob.of("acme", "gen-2", null, time.now())); // a second name is ignored
        observer.get().update(JobStatus.running(50));
        observer.get().update(JobStatus.running(80));
        end.complete(ScriptedProvider.succeeded(job));

        assertThat(time.run(f).job().id()).isEqualTo("gen-1");
        assertThat(seen).extracting(ProgressEvent::attempt).containsExactly(1, 2);
        assertThat(states).containsExactly("VALIDATING->SUBMITTING", "SUBMITTING->WAITING", "WAITING->SUCCEEDED");
        assertThat(primary.polls.get()).as("a stream is not polled").isZero();
    }

    @Test
    void stream_endingBeforeNamingItsJob_getsALocalId() {
        primary.stream = (r, o) -> CompletableFuture.completedFuture(ScriptedProvider.succeeded(VideoJob.of("acme", "x", null, time.now())));

        VideoResult r = time.run(start(false).generate(prompt()));

        assertThat(r.job().id()).startsWith("stream-");
        assertThat(r.job().provider()).isEqualTo("acme");
    }

    @Test
    void stream_endingWithAJobStillRunning_failsSayingItMayStillComplete() {
        primary.stream = (r, o) -> {
            o.started(VideoJob.of("acme", "gen-3", null, time.now()));
            return CompletableFuture.completedFuture(JobStatus.running(70));
        };

        Throwable t = endsWith(start(false).generate(prompt()));

        assertThat(t).isInstanceOf(ProtocolException.class).hasMessageContaining("gen-3").hasMessageContaining("may still complete");
    }

    @Test
    void stream_failingBeforeItsJobIsNamed_isACreateOutcome_unknownAfterA502() {
        primary.stream = (r, o) -> CompletableFuture.failedFuture(
                new ProviderUnavailableException("acme answered HTTP 502", ErrorContext.of("acme", 502, null, "req-9"), null));

        Throwable t = endsWith(start(true).generate(prompt()));

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("req-9");
        assertThat(second.creates).isEmpty();
    }

    @Test
    void stream_failingAfterItsJobIsNamed_failsTheRun_withoutFallback() {
        primary.stream = (r, o) -> {
            o.started(VideoJob.of("acme", "gen-4", null, time.now()));
            return CompletableFuture.failedFuture(new ProviderUnavailableException("acme: stream reset", ErrorContext.local("acme"), null));
        };

        Throwable t = endsWith(start(true).generate(prompt()));

        assertThat(t).hasMessageContaining("stream reset");
        assertThat(states).contains("WAITING->FAILED");
        assertThat(second.creates).isEmpty();
    }

    @Test
    void stream_pastItsDeadline_timesOut_andSaysItCannotBeResumed() {
        primary.polling = PollingPolicy.fixed(Duration.ofSeconds(5)).withTimeout(Duration.ofSeconds(30));
        primary.stream = (r, o) -> {
            o.started(VideoJob.of("acme", "gen-5", null, time.now()));
            return new CompletableFuture<>();
        };

        Throwable t = endsWith(start(false).generate(prompt()));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class).hasMessageContaining("a streamed job cannot be resumed");
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void stream_cancelledBeforeItsJobIsNamed_endsAtOnce_sendingNoRemoteCancel() {
        CompletableFuture<JobStatus> end = new CompletableFuture<>();
        streamHeld(end);
        CompletableFuture<VideoResult> f = start(false).generate(prompt());
        time.runDue();

        f.cancel(true);

        assertThat(states).contains("SUBMITTING->CANCELLED");
        assertThat(primary.cancels).isEmpty();
        assertThat(end).as("the stream is closed").isCancelled();
    }

    @Test
    void stream_cancelledAfterItsJobIsNamed_cancelsTheJobRemotely() {
        CompletableFuture<JobStatus> end = new CompletableFuture<>();
        AtomicReference<StreamObserver> observer = streamHeld(end);
        VideoClient c = start(false);
        CompletableFuture<VideoResult> f = c.generate(prompt());
        time.runDue();
        observer.get().started(VideoJob.of("acme", "gen-6", null, time.now()));

        f.cancel(true);

        assertThat(primary.cancels).containsExactly("gen-6");
        assertThat(states).contains("WAITING->CANCELLED");
    }
}
