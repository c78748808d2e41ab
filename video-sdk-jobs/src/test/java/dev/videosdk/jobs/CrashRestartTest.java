package dev.videosdk.jobs;

import static dev.videosdk.jobs.QueueFixture.allIn;
import static dev.videosdk.jobs.QueueFixture.count;
import static dev.videosdk.jobs.QueueFixture.eventually;
import static dev.videosdk.jobs.QueueFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instances that die, stop, or lose their database, on a real PostgreSQL server. An instance "dies"
 * by losing every database call at once (its heartbeats stop, nothing more is recorded) while its
 * threads stay stuck in a create call, a status check or a post-processing step, as a killed process
 * would leave them (ADR 1005). {@link SeparateJvmCrashTest} kills a real process.
 */
class CrashRestartTest {
    private static final Duration MAX = Duration.ofSeconds(30);
    private QueueFixture fx;
    private DataSource ds;

    @BeforeEach
    void setUp() {
        fx = new QueueFixture();
        ds = EmbeddedPostgres.shared().newDatabase();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void jobsOfADeadInstanceFinishElsewhereWithOneCreateEachAndNoStepTwice() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger hungSteps = new AtomicInteger();
        AtomicInteger survivorSteps = new AtomicInteger();
        KillableDataSource doomedDb = new KillableDataSource(ds);
        GatedProvider gate = new GatedProvider(fx.fake);
        VideoQueue doomed = fx.queue(doomedDb, fx.client(gate), b -> b.instanceName("doomed").shutdownWait(Duration.ofMillis(500))
                .step(QueueContractTest.step("publish", ctx -> {
                    if (ctx.record().metadata().containsKey("hang-step")) {
                        hungSteps.incrementAndGet();
                        never.await();
                    }
                    return Map.of("by", "doomed");
                })));
        doomed.ledger().credit("alice", 0, null);
        List<String> ids = new ArrayList<>();
        String hungCreate = doomed.enqueue(request("hang-create"), "alice", Map.of());
        List<String> hungWaits = List.of(doomed.enqueue(request("hang-wait 1"), "alice", Map.of()),
                doomed.enqueue(request("hang-wait 2"), "alice", Map.of()));
        List<String> hungStepIds = List.of(doomed.enqueue(request("step 1"), "alice", Map.of("hang-step", "y")),
                doomed.enqueue(request("step 2"), "alice", Map.of("hang-step", "y")));
        ids.addAll(hungWaits);
        ids.addAll(hungStepIds);
        doomed.start();
        eventually(MAX, "the doomed instance is stuck in a create, two status checks and two steps",
                () -> gate.hungCreates.get() == 1 && gate.hungPolls.get() == 2 && hungSteps.get() == 2);
        doomedDb.kill();

        VideoQueue survivor = fx.queue(ds, b -> b.instanceName("survivor")
                .step(QueueContractTest.step("publish", ctx -> {
                    survivorSteps.incrementAndGet();
                    return Map.of("by", "survivor");
                })));
        for (int i = 0; i < 5; i++) {
            ids.add(survivor.enqueue(request("plain " + i), "alice", Map.of()));
        }
        survivor.start();
        eventually(MAX, "the survivor finished every job", () -> allIn(survivor, ids, QueueState.SUCCEEDED));
        eventually(MAX, "the job whose create was in flight is parked",
                () -> allIn(survivor, List.of(hungCreate), QueueState.NEEDS_RECONCILIATION));

        assertThat(fx.createsByPrompt()).hasSize(10).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
        assertThat(survivor.record(hungCreate).orElseThrow().error()).contains("stopped before recording");
        for (String id : hungStepIds) {
            assertThat(survivor.record(id).orElseThrow().outputs()).containsEntry("publish.by", "survivor");
        }
        assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_steps")).isEqualTo(9);
        assertThat(count(ds, "SELECT COUNT(*) FROM (SELECT job_id FROM vsdk_job_steps GROUP BY job_id "
                + "HAVING COUNT(*) > 1) d")).isZero();
        assertThat(survivorSteps.get()).isEqualTo(9);
        never.countDown(); // the dead instance's stuck step returns and can record nothing
        assertThat(survivor.stats().needsReconciliation()).isEqualTo(1);
    }

    @Test
    void allInstancesStoppedWithJobsInEveryStateFinishAfterARestart() {
        List<String> ids = new ArrayList<>();
        VideoQueue first = fx.queue(ds, b -> b.maxJobsInFlight("fake", 3).pollInterval(Duration.ofMillis(200)));
        VideoQueue second = fx.queue(ds, b -> b.maxJobsInFlight("fake", 3).pollInterval(Duration.ofMillis(200)));
        first.ledger().credit("alice", 0, null);
        for (int i = 0; i < 15; i++) {
            ids.add(first.enqueue(request("restart " + i), "alice", Map.of()));
        }
        first.start();
        second.start();
        eventually(MAX, "some jobs waiting", () -> first.stats().byState().get(QueueState.WAITING) > 0);
        first.close();
        second.close();
        QueueStats stopped = fx.queue(ds).stats();
        assertThat(stopped.byState().get(QueueState.QUEUED)).isPositive();
        assertThat(stopped.byState().get(QueueState.WAITING) + stopped.byState().get(QueueState.SUBMITTING))
                .isPositive();

        VideoQueue again = fx.queue(ds, b -> b.maxJobsInFlight("fake", 3)).start();
        fx.queue(ds, b -> b.maxJobsInFlight("fake", 3)).start();
        eventually(MAX, "all finished after the restart", () -> allIn(again, ids, QueueState.SUCCEEDED));
        assertThat(fx.createsByPrompt()).hasSize(15).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
    }

    /**
     * A server stopped with {@code pg_ctl -m immediate} (a crash) while creates are in flight: a worker whose
     * execution looks dead when the server is back may find a job still in SUBMITTING and park it (ADR 1001),
     * so the promise checked is: no job lost (each ends SUCCEEDED or parked with what is known), never two
     * creates, and the operator's reconcile/abandon finishes every parked one.
     */
    @Test
    void aDatabaseOutageMidRunLosesNoJob() throws Exception {
        GatedProvider provider = new GatedProvider(fx.fake); // gates nothing here; maps prompts to job ids
        VideoQueue q = fx.queue(ds, fx.client(provider), b -> b.pollInterval(Duration.ofMillis(100))
                .retryDelay(Duration.ofMillis(200)));
        q.ledger().credit("alice", 0, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(q.enqueue(request("outage " + i), "alice", Map.of()));
        }
        q.start();
        eventually(MAX, "work under way", () -> q.stats().byState().get(QueueState.QUEUED) < 20);
        EmbeddedPostgres.shared().stopServer();
        Thread.sleep(1500); // the outage: workers fail, back off and retry meanwhile
        EmbeddedPostgres.shared().startServer();
        eventually(MAX.multipliedBy(2), "every job finished or parked after the outage", () -> {
            try {
                return ids.stream().map(id -> q.record(id).orElseThrow().state())
                        .allMatch(s -> s == QueueState.SUCCEEDED || s == QueueState.NEEDS_RECONCILIATION);
            } catch (IllegalStateException reconnecting) {
                return false;
            }
        });
        assertThat(fx.createsByPrompt().values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        List<String> parked = ids.stream()
                .filter(id -> q.record(id).orElseThrow().state() == QueueState.NEEDS_RECONCILIATION).toList();
        org.slf4j.LoggerFactory.getLogger(CrashRestartTest.class).info("parked after the outage: {} of {}", parked.size(), ids.size());
        for (String id : parked) {
            String prompt = "outage " + ids.indexOf(id);
            Optional<String> jobId = provider.jobIdFor(prompt);
            if (jobId.isPresent()) {
                q.reconcile(id, jobId.get());
            } else {
                q.abandon(id); // the create never left: nothing to wait for
            }
        }
        eventually(MAX, "parked jobs resolved", () -> ids.stream().map(id -> q.record(id).orElseThrow().state())
                .allMatch(s -> s == QueueState.SUCCEEDED || s == QueueState.ABANDONED));
        assertThat(fx.createsByPrompt().values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(ids.stream().filter(id -> q.record(id).orElseThrow().state() == QueueState.ABANDONED)
                .map(id -> "outage " + ids.indexOf(id))).allSatisfy(p -> assertThat(fx.createsByPrompt()).doesNotContainKey(p));
    }
}
