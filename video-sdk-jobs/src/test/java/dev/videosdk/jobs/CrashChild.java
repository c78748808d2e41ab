package dev.videosdk.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The queue instance that {@link SeparateJvmCrashTest} runs in a separate JVM and kills with SIGKILL:
 * {@code CrashChild <jdbc url> <OPENAI_BASE_URL> <work dir> <step log>}. It starts a queue on the
 * test's PostgreSQL database (user {@code postgres}, no password) and the test's loopback provider, with
 * the two steps of {@link #steps}; its {@code publish} step never returns, and the process runs until killed.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(args[0]);
        cfg.setUsername("postgres");
        cfg.setMaximumPoolSize(10);
        QueueFixture fx = new QueueFixture();
        VideoQueue queue = fx.queue(new HikariDataSource(cfg), client(args[1]),
                b -> steps(b.instanceName("child").workDirectory(Path.of(args[2])), "child", Path.of(args[3]), true));
        queue.start();
        System.out.println("child started");
        new CountDownLatch(1).await(); // until SIGKILL
    }

    /** A client for the provider {@code openai} at {@code baseUrl}, no retries (the queue retries). */
    static VideoClient client(String baseUrl) {
        return VideoClient.builder().env(Map.of("OPENAI_API_KEY", "sk-loopback", "OPENAI_BASE_URL", baseUrl))
                .defaultProvider("openai").retryPolicy(RetryPolicy.none()).build();
    }

    /**
     * Adds the steps {@code first} (returns at once) and {@code publish} (never returns when {@code hang}).
     * Each appends {@code "<step> <started|done> <instance> <queue id>"} to {@code log} and returns
     * {@code by=<instance>}.
     */
    static VideoQueue.Builder steps(VideoQueue.Builder b, String instance, Path log, boolean hang) {
        return b.step(QueueContractTest.step("first", ctx -> {
            append(log, "first done " + instance + " " + ctx.queueId());
            return Map.of("by", instance);
        })).step(QueueContractTest.step("publish", ctx -> {
            if (hang) {
                append(log, "publish started " + instance + " " + ctx.queueId());
                new CountDownLatch(1).await();
            }
            append(log, "publish done " + instance + " " + ctx.queueId());
            return Map.of("by", instance);
        }));
    }

    private static synchronized void append(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
