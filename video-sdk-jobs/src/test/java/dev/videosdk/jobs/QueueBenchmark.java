package dev.videosdk.jobs;

import static dev.videosdk.jobs.QueueFixture.eventually;
import static dev.videosdk.jobs.QueueFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.testing.FakeScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the whole queue (enqueue → SUCCEEDED, fake provider accepting at once and finishing on the
 * first status check, no download, no steps) on PostgreSQL and H2, with one and two instances running while
 * one thread enqueues as fast as it can; latency is enqueue to SUCCEEDED. Statements include db-scheduler's
 * (polling, picking, heartbeats, completion) and idle polling while the run lasts. Not part of the
 * build: run with {@code mvn -B -pl video-sdk-jobs -am verify -Dtest=QueueBenchmark -Dvsdk.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures go to {@code benchmarks/REPORT.md}.
 */
class QueueBenchmark {
    private static final int JOBS = Integer.getInteger("vsdk.bench.jobs", 1000);
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void throughput() {
        Assumptions.assumeTrue(Boolean.getBoolean("vsdk.bench"), "benchmark: run with -Dvsdk.bench=true");
        List<String> rows = new ArrayList<>();
        rows.add("| database | instances | jobs | jobs/s | statements/job | p50 latency | p99 latency |");
        rows.add("|---|---|---|---|---|---|---|");
        for (int instances : new int[] {1, 2}) {
            rows.add(run("PostgreSQL 14", instances, () -> EmbeddedPostgres.shared().newDatabase()));
            rows.add(run("H2 file", instances, () -> {
                JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:"
                        + tmp.resolve("bench-" + UUID.randomUUID()).toAbsolutePath(), "sa", "");
                pool.setMaxConnections(40);
                return pool;
            }));
        }
        rows.forEach(System.out::println);
    }

    private String run(String db, int instances, Supplier<DataSource> database) {
        CountingDataSource counter = new CountingDataSource();
        DataSource ds = counter.wrap(database.get());
        try (QueueFixture fx = new QueueFixture()) {
            List<VideoQueue> queues = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                queues.add(fx.queue(ds, b -> b.workers(16).pollInterval(Duration.ofMillis(10))
                        .schedulerPollingInterval(Duration.ofMillis(20)).heartbeat(Duration.ofSeconds(5), 4)));
            }
            for (int i = 0; i < JOBS; i++) {
                fx.fake.enqueue(FakeScript.succeedAfterPolls(1));
            }
            VideoQueue first = queues.get(0);
            first.ledger().credit("bench", 0, null);
            queues.forEach(VideoQueue::start);
            long before = counter.statements.get();
            long start = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                first.enqueue(QueueFixture.request("bench " + i), "bench", Map.of());
            }
            eventually(Duration.ofMinutes(5), "all done",
                    () -> first.stats().byState().get(QueueState.SUCCEEDED) == JOBS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long statements = counter.statements.get() - before;
            List<Long> latencies = query(ds, "SELECT finished_at - created_at FROM vsdk_jobs ORDER BY 1", rs -> {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            });
            assertThat(latencies).hasSize(JOBS);
            return String.format("| %s | %d | %d | %.0f | %.1f | %d ms | %d ms |", db, instances, JOBS, JOBS / seconds,
                    (double) statements / JOBS, latencies.get(JOBS / 2), latencies.get((int) (JOBS * 0.99) - 1));
        }
    }

}
