package dev.videosdk.jobs;

import static org.assertj.core.api.Assertions.fail;

import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.FakeVideoProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Queues on one database sharing one {@link FakeVideoProvider} (each queue with its own client, as
 * separate instances would have), with short intervals so a whole lifecycle takes milliseconds.
 * Closes everything it made.
 */
final class QueueFixture implements AutoCloseable {
    final FakeVideoProvider fake = new FakeVideoProvider();
    private final List<VideoClient> clients = new ArrayList<>();
    private final List<VideoQueue> queues = new ArrayList<>();

    /** A client on the shared fake, closed with the fixture. */
    VideoClient client() {
        return client(fake);
    }

    /** A client on {@code provider} (e.g. the fake behind a gate), closed with the fixture. */
    VideoClient client(dev.videosdk.spi.VideoProvider provider) {
        VideoClient client = VideoClient.builder().withoutDiscovery().provider(provider)
                .retryPolicy(RetryPolicy.none()).build();
        clients.add(client);
        return client;
    }

    /** A queue (not started) on {@code ds} with test timings; {@code custom} may change any setting. */
    VideoQueue queue(DataSource ds, Consumer<VideoQueue.Builder> custom) {
        return queue(ds, client(), custom);
    }

    /** A queue (not started) on {@code ds} using {@code client}. */
    VideoQueue queue(DataSource ds, VideoClient client, Consumer<VideoQueue.Builder> custom) {
        VideoQueue.Builder b = VideoQueue.builder().client(client).dataSource(ds)
                .pollInterval(Duration.ofMillis(20)).retryDelay(Duration.ofMillis(50)).slotWait(Duration.ofMillis(20))
                .schedulerPollingInterval(Duration.ofMillis(50)).heartbeat(Duration.ofMillis(500), 4).sweepInterval(Duration.ofMillis(500))
                .shutdownWait(Duration.ofSeconds(5)).workers(8);
        custom.accept(b);
        VideoQueue q = b.build();
        queues.add(q);
        return q;
    }

    VideoQueue queue(DataSource ds) {
        return queue(ds, b -> { });
    }

    static VideoRequest request(String prompt) {
        return VideoRequest.text(prompt).build();
    }

    /** How many create calls the fake got per prompt. */
    Map<String, Long> createsByPrompt() {
        return fake.requests().stream().collect(Collectors.groupingBy(VideoRequest::prompt, Collectors.counting()));
    }

    /** Waits (polling every 10 ms) until {@code condition} holds, failing after {@code max}. */
    static void eventually(Duration max, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + max + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /**
     * Waits until the queue's recurring sweep (the task that would reschedule a job without an execution) has
     * finished {@code runs} more times: proof that several scheduler cycles passed, without a fixed sleep.
     */
    static void sweeps(DataSource ds, int runs) {
        String sql = "SELECT last_success FROM vsdk_scheduled_tasks WHERE task_name = 'vsdk-sweep'";
        java.util.Set<Object> seen = new java.util.HashSet<>();
        seen.add(one(ds, sql));
        eventually(Duration.ofSeconds(30), runs + " sweep runs", () -> {
            Object last = one(ds, sql);
            if (last != null) {
                seen.add(last);
            }
            return seen.size() > runs;
        });
    }

    private static Object one(DataSource ds, String sql) {
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean allIn(VideoQueue q, List<String> ids, QueueState state) {
        return ids.stream().allMatch(id -> q.record(id).map(r -> r.state() == state).orElse(false));
    }

    static long count(DataSource ds, String sql) {
        return query(ds, sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    static <T> T query(DataSource ds, String sql, SqlFunction<ResultSet, T> read) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return read.apply(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    /** Closes queues first (stopping workers), then clients. */
    @Override
    public void close() {
        queues.forEach(q -> {
            try {
                q.close();
            } catch (RuntimeException ignored) {
                // a killed instance may fail to stop cleanly
            }
        });
        clients.forEach(VideoClient::close);
    }
}
