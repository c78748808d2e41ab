package dev.videosdk.jobs;

import static dev.videosdk.jobs.QueueFixture.allIn;
import static dev.videosdk.jobs.QueueFixture.count;
import static dev.videosdk.jobs.QueueFixture.eventually;
import static dev.videosdk.jobs.QueueFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.videosdk.VideoClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's crash test with a real process kill: a queue instance in a separate JVM ({@link CrashChild})
 * claims jobs on the shared PostgreSQL database and is killed with SIGKILL while three of its executions are
 * held in a status check at the provider (mid-wait) and three are inside a post-processing step; a surviving
 * instance in this JVM takes them over. The provider's jobs live in this JVM ({@link LoopbackVideosServer},
 * the OpenAI-style protocol of {@code video-sdk-openai}), so the survivor polls and downloads the jobs the dead
 * instance created.
 *
 * <p>Real time, bounded: a JVM start (about 1–3 s here) and db-scheduler's dead-execution detection, which runs
 * on the wall clock (heartbeat 500 ms × 4 missed = 2 s, {@link QueueFixture}); every wait is a bounded poll.
 * The whole test takes about 4–7 s here (measured) and gives up after at most 2 × 30 s + 10 s.
 */
class SeparateJvmCrashTest {
    private static final Duration MAX = Duration.ofSeconds(30);
    private final QueueFixture fx = new QueueFixture();
    private final List<VideoClient> clients = new ArrayList<>();
    private Process child;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
            System.out.println("child output:\n" + String.join("\n", read(dir.resolve("child.txt")))
                    + "\nstep log:\n" + String.join("\n", read(dir.resolve("steps.log"))));
        }
        fx.close();
        clients.forEach(VideoClient::close);
    }

    private VideoClient client(LoopbackVideosServer provider) {
        VideoClient c = CrashChild.client(provider.baseUrl());
        clients.add(c);
        return c;
    }

    @Test
    void jobsOfAKilledJvmFinishOnTheSurvivorWithOneCreateEachAndNoStepOutputTwice() throws Exception {
        long start = System.nanoTime();
        HikariDataSource ds = EmbeddedPostgres.shared().newDatabase();
        Path work = Files.createDirectories(dir.resolve("work"));
        Path log = dir.resolve("steps.log");
        try (LoopbackVideosServer provider = new LoopbackVideosServer()) {
            VideoQueue enqueuer = fx.queue(ds, client(provider), b -> { });
            enqueuer.ledger().credit("alice", 0, null);
            List<String> held = new ArrayList<>();
            List<String> stepped = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(enqueuer.enqueue(request("hold " + i), "alice", Map.of()));
                stepped.add(enqueuer.enqueue(request("step " + i), "alice", Map.of()));
            }
            List<String> all = new ArrayList<>(held);
            all.addAll(stepped);

            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CrashChild.class.getName(), ds.getJdbcUrl(), provider.baseUrl(), work.toString(), log.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
            eventually(MAX, "the child holds three status checks and is inside three publish steps",
                    () -> child.isAlive() && provider.heldPolls.get() == 3 && lines(log, "publish started child") == 3);
            assertThat(all).allSatisfy(id -> assertThat(pickedBy(ds, id)).isEqualTo("child"));
            assertThat(held).allSatisfy(id -> assertThat(enqueuer.record(id).orElseThrow().state())
                    .isEqualTo(QueueState.WAITING));
            assertThat(stepped).allSatisfy(id -> assertThat(enqueuer.record(id).orElseThrow().state())
                    .isEqualTo(QueueState.POST_PROCESSING));
            long killAt = System.nanoTime();

            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no last heartbeat, no record
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
            provider.release(); // the dead JVM's held calls end on closed sockets

            VideoQueue survivor = fx.queue(ds, client(provider),
                    b -> CrashChild.steps(b.instanceName("survivor").workDirectory(work), "survivor", log, false))
                    .start();
            eventually(MAX, "the survivor finished every job", () -> allIn(survivor, all, QueueState.SUCCEEDED));
            System.out.printf("separate-JVM crash: child up and caught in %d ms, survivor done %d ms after the kill%n",
                    (killAt - start) / 1_000_000, (System.nanoTime() - killAt) / 1_000_000);

            assertThat(provider.createsByPrompt()).hasSize(6).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
            for (String id : all) {
                QueueRecord r = survivor.record(id).orElseThrow();
                assertThat(r.outputs()).containsEntry("first.by", stepped.contains(id) ? "child" : "survivor")
                        .containsEntry("publish.by", "survivor");
                assertThat(countEnding(log, "first done", id)).as("first step of %s run once", id).isEqualTo(1);
                assertThat(countEnding(log, "publish done", id)).as("publish step of %s done once", id).isEqualTo(1);
                assertThat(Files.readAllBytes(work.resolve(id).resolve("video.mp4"))).startsWith(LoopbackVideosServer.MP4);
            }
            assertThat(lines(log, "publish done child")).isZero();
            assertThat(count(ds, "SELECT COUNT(*) FROM vsdk_job_steps")).isEqualTo(12);
            assertThat(provider.downloads.get()).as("one download by the child per stepped job, one by the survivor "
                    + "per held job").isEqualTo(6);
        }
    }

    private static String pickedBy(HikariDataSource ds, String id) {
        return QueueFixture.query(ds, "SELECT picked_by FROM vsdk_scheduled_tasks WHERE picked AND task_instance = '"
                + id + "'", rs -> rs.next() ? rs.getString(1) : null);
    }

    private static long lines(Path log, String prefix) {
        return read(log).stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static long countEnding(Path log, String prefix, String id) {
        return read(log).stream().filter(l -> l.startsWith(prefix + " ") && l.endsWith(" " + id)).count();
    }

    private static List<String> read(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
