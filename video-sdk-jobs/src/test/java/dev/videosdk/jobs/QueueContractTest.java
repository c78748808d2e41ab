package dev.videosdk.jobs;

import static dev.videosdk.jobs.QueueFixture.allIn;
import static dev.videosdk.jobs.QueueFixture.count;
import static dev.videosdk.jobs.QueueFixture.eventually;
import static dev.videosdk.jobs.QueueFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.FakeScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the queue promises, run on each database (see the subclasses). */
abstract class QueueContractTest {
    static final Duration MAX = Duration.ofSeconds(15);

    QueueFixture fx;
    DataSource ds;
    @TempDir
    Path tmp;

    /** A fresh, empty database. */
    abstract DataSource newDatabase();

    @BeforeEach
    void setUp() {
        fx = new QueueFixture();
        ds = newDatabase();
    }

    @AfterEach
    void tearDown() {
        fx.close();
        closeDatabase();
    }

    void closeDatabase() {
    }

    @Test
    void aJobRunsThroughDownloadAndStepsAndSettlesItsCredits() throws Exception {
        List<String> seen = new ArrayList<>();
        VideoQueue q = fx.queue(ds, b -> b.pricing(Pricing.flat(10)).workDirectory(tmp)
                .step(step("thumbnail", ctx -> {
                    seen.add(ctx.video().toString());
                    return Map.of("file", ctx.workDir().resolve("thumb.jpg").toString());
                }))
                .step(step("store", ctx -> Map.of("url", "s3://bucket/" + ctx.queueId()))));
        q.ledger().credit("alice", 25, "welcome");
        String id = q.enqueue(request("a koi pond"), "alice", Map.of("page", "home"));
        assertThat(q.record(id).orElseThrow().state()).isEqualTo(QueueState.QUEUED);
        assertThat(q.ledger().balance("alice")).hasValue(15);

        q.start();
        eventually(MAX, "job done", () -> allIn(q, List.of(id), QueueState.SUCCEEDED));

        QueueRecord r = q.record(id).orElseThrow();
        Path video = tmp.resolve(id).resolve("video.mp4");
        assertThat(r.outputs()).containsEntry("video", video.toString())
                .containsEntry("thumbnail.file", tmp.resolve(id).resolve("thumb.jpg").toString())
                .containsEntry("store.url", "s3://bucket/" + id);
        assertThat(Files.size(video)).isEqualTo(dev.videosdk.testing.FakeVideoProvider.sampleVideo().length);
        assertThat(seen).containsExactly(video.toString());
        assertThat(r.metadata()).containsEntry("page", "home");
        assertThat(r.provider()).isEqualTo("fake");
        assertThat(r.providerJobId()).startsWith("fake-");
        assertThat(r.job().map(VideoJob::id)).hasValue(r.providerJobId());
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.cost()).isEqualTo(10L);
        assertThat(r.progress()).isEqualTo(100);
        assertThat(r.finishedAt()).isNotNull();
        assertThat(fx.fake.requests()).hasSize(1);
        assertThat(q.history(id)).extracting(QueueEvent::state).containsSubsequence(QueueState.QUEUED,
                QueueState.SUBMITTING, QueueState.WAITING, QueueState.DOWNLOADING, QueueState.POST_PROCESSING,
                QueueState.SUCCEEDED);
        assertThat(q.ledger().balance("alice")).hasValue(15);
        assertThat(q.ledger().entries("alice")).extracting(LedgerEntry::kind, LedgerEntry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREDIT", 25L),
                        org.assertj.core.groups.Tuple.tuple("RESERVE", -10L),
                        org.assertj.core.groups.Tuple.tuple("SETTLE", 0L));
        QueueStats stats = q.stats();
        assertThat(stats.byState()).containsEntry(QueueState.SUCCEEDED, 1L).containsEntry(QueueState.QUEUED, 0L);
        assertThat(stats.finishedLastMinute()).isEqualTo(1);
    }

    @Test
    void badInputFailsTypedAndWritesNoRow() {
        VideoQueue q = fx.queue(ds);
        q.ledger().credit("alice", 100, null);
        assertThatThrownBy(() -> q.enqueue(VideoRequest.text("x").durationSeconds(7).build(), "alice", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter()).hasValue("duration"))
                .hasMessageContaining("7.0 s").hasMessageContaining("[4, 5, 8, 10, 12]");
        assertThatThrownBy(() -> q.enqueue(VideoRequest.text("x").provider("nope").build(), "alice", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter()).hasValue("provider"))
                .hasMessageContaining("\"nope\"");
        assertThatThrownBy(() -> q.enqueue(request("x"), "bob", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).hasValue("owner"))
                .hasMessageContaining("unknown owner \"bob\"");
        assertThatThrownBy(() -> q.enqueue(request("x"), " ", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).hasValue("owner"));
        assertThatThrownBy(() -> q.enqueue(null, "alice", Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter()).hasValue("request"));
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_jobs")).isZero();
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_scheduled_tasks WHERE task_name = 'vsdk-job'")).isZero();
        assertThat(q.ledger().balance("alice")).hasValue(100);
        assertThat(fx.fake.requests()).isEmpty();
    }

    @Test
    void fiftyConcurrentEnqueuesAgainstABalanceForTenAcceptExactlyTen() throws Exception {
        VideoQueue q = fx.queue(ds, b -> b.pricing(Pricing.flat(10)));
        q.ledger().credit("alice", 100, "ten generations");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(() -> q.enqueue(request("video " + n), "alice", Map.of()));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<String> f : pool.invokeAll(calls)) {
            try {
                f.get();
                accepted++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(InsufficientCreditsException.class,
                        ice -> assertThat(ice.price()).isEqualTo(10));
                refused++;
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(10);
        assertThat(refused).isEqualTo(40);
        assertThat(q.ledger().balance("alice")).hasValue(0);
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_jobs")).isEqualTo(10);
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_ledger WHERE kind = 'RESERVE'")).isEqualTo(10);
        assertThat(fx.fake.requests()).isEmpty();
    }

    @Test
    void aCreateNotAcceptedIsRefundedAndARetryableOneIsRetried() {
        VideoQueue q = fx.queue(ds, b -> b.pricing(Pricing.flat(10)).maxCreateAttempts(3));
        q.ledger().credit("alice", 30, null);
        fx.fake.enqueue(FakeScript.rejectSubmit(new ContentPolicyException("refused", List.of("violence"),
                ErrorContext.of("fake", 400, "content_policy", "req-1"), null)));
        String refused = q.enqueue(request("refused"), "alice", Map.of());
        q.start();
        eventually(MAX, "refused job failed", () -> allIn(q, List.of(refused), QueueState.FAILED));
        fx.fake.enqueue(FakeScript.rejectSubmit(new ProviderUnavailableException("down", ErrorContext.of("fake", 429,
                null, null), true, null)));
        String retried = q.enqueue(request("retried"), "alice", Map.of());
        eventually(MAX, "retried job done", () -> allIn(q, List.of(retried), QueueState.SUCCEEDED));

        QueueRecord r = q.record(refused).orElseThrow();
        assertThat(r.errorCode()).isEqualTo("content_policy");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(q.record(retried).orElseThrow().attempts()).isEqualTo(2);
        assertThat(fx.createsByPrompt()).containsEntry("refused", 1L).containsEntry("retried", 2L);
        assertThat(q.ledger().balance("alice")).hasValue(20);
        assertThat(q.ledger().entries("alice")).filteredOn(e -> refused.equals(e.jobId()))
                .extracting(LedgerEntry::kind).containsExactly("RESERVE", "REFUND");
    }

    @Test
    void aJobThatFailsAfterAcceptanceIsRecordedAndCharged() {
        VideoQueue q = fx.queue(ds, b -> b.pricing(Pricing.flat(10)));
        q.ledger().credit("alice", 10, null);
        fx.fake.enqueue(FakeScript.failAfter(2, new GenerationFailedException("model crashed",
                ErrorContext.of("fake", 0, "internal", null), false, null)));
        String id = q.enqueue(request("fails"), "alice", Map.of());
        q.start();
        eventually(MAX, "job failed", () -> allIn(q, List.of(id), QueueState.FAILED));
        QueueRecord r = q.record(id).orElseThrow();
        assertThat(r.error()).contains("model crashed");
        assertThat(r.errorCode()).isEqualTo("internal");
        assertThat(r.providerJobId()).isNotNull();
        assertThat(q.ledger().balance("alice")).hasValue(0);
    }

    @Test
    void aCreateWithUnknownOutcomeIsParkedNeverResentAndReconcileCompletesIt() throws Exception {
        VideoQueue q = fx.queue(ds, b -> b.pricing(Pricing.flat(10)));
        q.ledger().credit("alice", 20, null);
        fx.fake.enqueue(FakeScript.rejectSubmit(new JobMayExistException("502 after sending; a job may exist",
                ErrorContext.of("fake", 502, null, "req-502"), null, null)));
        fx.fake.enqueue(FakeScript.rejectSubmit(new JobMayExistException("read timeout after sending",
                ErrorContext.of("fake", 0, null, null), null, null)));
        String parked = q.enqueue(request("parked"), "alice", Map.of());
        String abandoned = q.enqueue(request("abandoned"), "alice", Map.of());
        q.start();
        eventually(MAX, "both parked", () -> allIn(q, List.of(parked, abandoned), QueueState.NEEDS_RECONCILIATION));
        assertThat(q.stats().needsReconciliation()).isEqualTo(2);
        long pollsBefore = count(ds, "SELECT COUNT(*) FROM vsdk_job_events");
        QueueFixture.sweeps(ds, 2); // several scheduler cycles, sweeps included: nothing may send the create again
        assertThat(fx.createsByPrompt()).containsEntry("parked", 1L).containsEntry("abandoned", 1L);
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_events")).isEqualTo(pollsBefore);
        assertThat(List.of(q.record(parked).orElseThrow().error(), q.record(abandoned).orElseThrow().error()))
                .anySatisfy(e -> assertThat(e).contains("502 after sending"))
                .anySatisfy(e -> assertThat(e).contains("read timeout after sending")); // submit order may vary

        // the operator finds the job the lost create started (here: one the fake really has)
        VideoJob found = fx.client().submit(request("found by the operator")).join();
        q.reconcile(parked, found.id());
        q.abandon(abandoned);
        eventually(MAX, "reconciled job done", () -> allIn(q, List.of(parked), QueueState.SUCCEEDED));
        assertThat(q.record(parked).orElseThrow().providerJobId()).isEqualTo(found.id());
        assertThat(q.record(abandoned).orElseThrow().state()).isEqualTo(QueueState.ABANDONED);
        assertThat(q.ledger().balance("alice")).hasValue(10);
        assertThatThrownBy(() -> q.reconcile(parked, "x")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void cancelFromAnotherInstanceReachesTheProviderOnce() {
        VideoQueue worker = fx.queue(ds).start();
        VideoQueue web = fx.queue(ds);
        worker.ledger().credit("alice", 0, null);
        fx.fake.enqueue(FakeScript.neverFinish());
        String running = web.enqueue(request("forever"), "alice", Map.of());
        eventually(MAX, "job waiting", () -> allIn(web, List.of(running), QueueState.WAITING));
        assertThat(web.cancel(running)).isTrue();
        web.cancel(running); // a second request (before or after the worker acted) sends nothing more
        eventually(MAX, "job cancelled", () -> allIn(web, List.of(running), QueueState.CANCELLED));
        assertThat(fx.fake.cancelledJobs()).containsExactly(web.record(running).orElseThrow().providerJobId());
        assertThat(web.cancel(running)).isFalse();

        String queued = fx.queue(ds).enqueue(request("never sent"), "alice", Map.of());
        web.cancel(queued);
        assertThat(web.record(queued).orElseThrow().state()).isIn(QueueState.CANCELLED);
    }

    @Test
    void aWebhookOnTheInstanceThatDidNotSubmitWakesTheJob_byQueueIdOrByTheProvidersJobId() throws Exception {
        VideoQueue submitter = fx.queue(ds, b -> b.pollInterval(Duration.ofHours(1))).start();
        VideoQueue receiver = fx.queue(ds, b -> b.pollInterval(Duration.ofHours(1))).start();
        submitter.ledger().credit("alice", 0, null);
        fx.fake.enqueue(FakeScript.succeedAfterPolls(1));
        fx.fake.enqueue(FakeScript.succeedAfterPolls(1));
        String byQueueId = submitter.enqueue(request("hooked"), "alice", Map.of());
        String byJobId = submitter.enqueue(request("routed by provider id"), "alice", Map.of());
        eventually(MAX, "jobs waiting", () -> allIn(submitter, List.of(byQueueId, byJobId), QueueState.WAITING));
        String first = submitter.record(byQueueId).orElseThrow().providerJobId();
        String second = submitter.record(byJobId).orElseThrow().providerJobId();
        assertThat(receiver.findByProviderJob("fake", first)).hasValue(byQueueId);

        receiver.webhook(byQueueId, "fake", signedSuccess(first).getKey(), signedSuccess(first).getValue()).join();
        dev.videosdk.WebhookOutcome outcome = receiver.webhook("fake", signedSuccess(second).getKey(),
                signedSuccess(second).getValue()).join();

        assertThat(outcome.type()).isEqualTo(dev.videosdk.WebhookOutcome.Type.APPLIED);
        assertThat(outcome.jobId()).isEqualTo(second);
        eventually(MAX, "jobs done long before their next poll",
                () -> allIn(submitter, List.of(byQueueId, byJobId), QueueState.SUCCEEDED));
        assertThat(fx.createsByPrompt()).containsEntry("hooked", 1L).containsEntry("routed by provider id", 1L);
    }

    /** The fake's signed callback saying job {@code jobId} succeeded: headers and body. */
    private static Map.Entry<Map<String, List<String>>, byte[]> signedSuccess(String jobId) throws Exception {
        byte[] body = ("{\"id\":\"" + jobId + "\",\"status\":\"succeeded\"}").getBytes(StandardCharsets.UTF_8);
        String sig = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("fake-secret" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        return Map.entry(Map.of("x-fake-signature", List.of(sig)), body);
    }

    /** Jobs for the two-instance test: 200 on PostgreSQL (the production database), fewer on H2. */
    abstract int manyJobs();

    @Test
    void twoInstancesProcessManyJobsWithOneCreateEach() {
        GatedProvider slow = new GatedProvider(fx.fake); // instance a's creates wait until b has done its share
        slow.createGate = new CompletableFuture<>();
        VideoQueue a = fx.queue(ds, fx.client(slow), b -> b.instanceName("a").workers(4));
        VideoQueue b2 = fx.queue(ds, b -> b.instanceName("b"));
        a.ledger().credit("alice", 0, null);
        List<String> ids = new ArrayList<>();
        int n = manyJobs();
        for (int i = 0; i < n; i++) {
            ids.add((i % 2 == 0 ? a : b2).enqueue(request("job " + i), "alice", Map.of("n", Integer.toString(i))));
        }
        a.start();
        eventually(MAX, "a holds a create on each of its workers", () -> slow.heldCreates.get() == 4);
        b2.start();
        eventually(Duration.ofSeconds(60), "b does the rest", () -> a.stats().byState().get(QueueState.SUCCEEDED) == n - 4);
        slow.createGate.complete(null);
        eventually(Duration.ofSeconds(60), n + " jobs done", () -> a.stats().byState().get(QueueState.SUCCEEDED) == n);
        assertThat(fx.fake.requests()).hasSize(n);
        assertThat(fx.createsByPrompt().values()).allMatch(creates -> creates == 1);
        assertThat(count(ds, "SELECT COUNT(DISTINCT provider_job_id) FROM vsdk_jobs")).isEqualTo(n);
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_events WHERE detail LIKE 'accepted % on a'")).isPositive();
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_events WHERE detail LIKE 'accepted % on b'")).isPositive();
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_scheduled_tasks WHERE task_name = 'vsdk-job'")).isZero();
    }

    @Test
    void aProviderLimitHoldsAcrossInstances() throws Exception {
        VideoQueue a = fx.queue(ds, b -> b.maxJobsInFlight("fake", 2));
        VideoQueue b2 = fx.queue(ds, b -> b.maxJobsInFlight("fake", 2));
        a.ledger().credit("alice", 0, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(a.enqueue(request("limited " + i), "alice", Map.of()));
        }
        AtomicLong most = new AtomicLong();
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long n = count(ds, "SELECT COUNT(*) FROM vsdk_jobs WHERE state IN ('SUBMITTING', 'WAITING')");
                most.accumulateAndGet(n, Math::max);
                samples.incrementAndGet();
            }
        });
        sampler.start();
        a.start();
        b2.start();
        eventually(MAX, "all done", () -> allIn(a, ids, QueueState.SUCCEEDED));
        sampler.interrupt();
        sampler.join();
        assertThat(samples.get()).isGreaterThan(10);
        assertThat(most.get()).isBetween(1L, 2L);
        assertThat(count(ds, "SELECT in_flight FROM vsdk_provider_slots WHERE provider = 'fake'")).isZero();
    }

    @Test
    void retentionDeletesOldFinishedRecords() {
        VideoQueue q = fx.queue(ds, b -> b.retention(Duration.ofMillis(1)));
        q.ledger().credit("alice", 0, null);
        String id = q.enqueue(request("short-lived"), "alice", Map.of());
        q.start();
        eventually(MAX, "job done", () -> allIn(q, List.of(id), QueueState.SUCCEEDED));
        eventually(MAX, "the retention passed", () -> q.cleanup() >= 0 && q.record(id).isEmpty()
                && count(ds, "SELECT COUNT(*) FROM vsdk_ledger") == 0);
        assertThat(q.history(id)).isEmpty();
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_events")).isZero();
        assertThat(q.ledger().balance("alice")).hasValue(0);
    }

    interface StepBody {
        Map<String, String> run(StepContext ctx) throws Exception;
    }

    static PostProcessingStep step(String name, StepBody body) {
        return new PostProcessingStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, String> run(StepContext context) throws Exception {
                return body.run(context);
            }
        };
    }
}
