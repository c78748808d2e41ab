package dev.videosdk.moduletest;

import dev.videosdk.ConfigurationException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.jobs.PostProcessingStep;
import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.StepContext;
import dev.videosdk.jobs.VideoQueue;
import dev.videosdk.media.LocalVideoStorage;
import dev.videosdk.micrometer.VideoSdkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs on the module path only (no class path) and exits 1 listing every check that failed: the SDK
 * modules are named, export only API and SPI packages, bind every provider as a service, and the fake
 * (asked for by name) generates and downloads a real MP4 in real time; the durable queue (H2 and
 * db-scheduler), local storage and the Micrometer bridge work from a named module; the Spring Boot
 * starter's descriptor exports only its API and opens it to Spring. Prints nothing on success.
 */
public final class ModulePathSmoke {
    private static final List<String> FAILURES = new ArrayList<>();
    private static int checks;

    private ModulePathSmoke() {
    }

    public static void main(String[] args) throws Exception {
        Module core = VideoClient.class.getModule();
        check(ModulePathSmoke.class.getModule().isNamed(), "this consumer runs as a named module");
        check(core.isNamed() && core.getName().equals("dev.videosdk"), "core is module dev.videosdk, not " + core);
        check(core.getDescriptor() != null && !core.getDescriptor().isAutomatic(), "core has a real module descriptor");
        check(core.isExported("dev.videosdk") && core.isExported("dev.videosdk.spi"), "core exports its API and SPI");
        for (String hidden : List.of("dev.videosdk.internal", "dev.videosdk.internal.engine", "dev.videosdk.internal.http")) {
            check(!core.isExported(hidden), hidden + " is not exported to everyone");
        }
        ModuleLayer layer = core.getLayer();
        for (String name : List.of("dev.videosdk.testing", "dev.videosdk.openai", "dev.videosdk.kling", "dev.videosdk.kie",
                "dev.videosdk.veo", "dev.videosdk.soraproxy", "dev.videosdk.runway", "dev.videosdk.fal")) {
            Module m = layer.findModule(name).orElse(null);
            check(m != null && !m.getDescriptor().isAutomatic(), name + " is resolved by service binding, with a descriptor");
            if (m != null) {
                for (String pkg : m.getPackages()) {
                    check(!pkg.contains(".internal") || !m.isExported(pkg), name + " does not export " + pkg);
                }
            }
        }
        layer.findModule("dev.videosdk.openai").ifPresent(openai ->
                check(core.isExported("dev.videosdk.internal", openai), "core's internals are exported to dev.videosdk.openai"));
        try {
            Class.forName("dev.videosdk.internal.Json").getMethod("mapper").invoke(null);
            check(false, "a consumer cannot call core internals");
        } catch (IllegalAccessException expected) {
            check(true, "a consumer cannot call core internals");
        }

        for (String name : List.of("dev.videosdk.jobs", "dev.videosdk.media", "dev.videosdk.micrometer")) {
            Module m = layer.findModule(name).orElse(null);
            check(m != null && !m.getDescriptor().isAutomatic(), name + " is resolved as required, with a descriptor");
            check(m != null && m.getDescriptor().exports().stream().allMatch(e -> !e.source().contains(".internal")),
                    name + " exports no internal package");
        }
        checkStarterDescriptor();

        Map<String, String> env = Map.of("FAKE_POLL_INTERVAL_MS", "5");
        try (VideoClient client = VideoClient.fromEnv(env)) {
            check(false, "several real providers on the module path, yet " + client.defaultProvider() + " was picked");
        } catch (ConfigurationException expected) {
            check(expected.getMessage().contains("VIDEO_PROVIDER"), "the error says how to choose: " + expected.getMessage());
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider("fake")
                .eventListener(new VideoSdkMetrics(meters)).build()) {
            Set<String> expected = new TreeSet<>(Arrays.asList("fake", "openai", "kling", "kie", "veo", "veo-vertex", "sora-proxy",
                    "runway", "fal", "pika"));
            check(client.providers().containsAll(expected), "every provider is bound: " + client.providers());
            VideoResult result = client.generate(VideoRequest.text("A calico cat playing piano").build())
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            Path target = Files.createTempDirectory("videosdk-module-test").resolve("cat.mp4");
            client.download(result.video(), target).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            byte[] head = Arrays.copyOf(Files.readAllBytes(target), 12);
            check(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("ftyp"),
                    "the fake's video downloads as an MP4 through jdk.httpserver");
            Files.delete(target);
            Files.delete(target.getParent());
            check(meters.get(VideoSdkMetrics.RUNS).timer().count() == 1, "VideoSdkMetrics timed the run through micrometer.core");
            checkQueueAndStorage(client);
        }
        if (!FAILURES.isEmpty()) {
            System.err.println("module-path test: " + FAILURES.size() + " of " + checks + " checks failed:");
            FAILURES.forEach(f -> System.err.println("  FAILED " + f));
            System.exit(1);
        }
    }

    /** The durable queue on its default embedded H2, with a step that keeps the video in local storage. */
    private static void checkQueueAndStorage(VideoClient client) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("videosdk-module-test");
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        PostProcessingStep store = new PostProcessingStep() {
            @Override
            public String name() {
                return "store";
            }

            @Override
            public Map<String, String> run(StepContext ctx) {
                String key = "videos/" + ctx.queueId() + ".mp4";
                storage.store(key, ctx.video(), "video/mp4");
                return Map.of("key", key);
            }
        };
        try (VideoQueue queue = VideoQueue.builder().client(client).h2File(dir.resolve("queue")).workDirectory(dir.resolve("work"))
                .step(store).pollInterval(Duration.ofMillis(20)).schedulerPollingInterval(Duration.ofMillis(50)).build()) {
            queue.start();
            queue.ledger().credit("module-test", 1, "module-path test");   // an owner needs an account, even at price 0
            String id = queue.enqueue(VideoRequest.text("A calico cat playing piano").build(), "module-test", Map.of());
            QueueRecord done = awaitEnd(queue, id);
            check(done != null && done.state() == QueueState.SUCCEEDED, "the queue ran the job to SUCCEEDED on H2 and db-scheduler: "
                    + (done == null ? "still running after 30 s" : done.state() + " " + done.error()));
            String key = done == null ? null : done.outputs().get("store.key");
            check(key != null && storage.exists(key), "the queue's step stored the video in LocalVideoStorage: " + key);
            if (key != null && storage.exists(key)) {
                try (var in = storage.open(key)) {
                    byte[] head = in.readNBytes(8);
                    check(new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp"), "the stored video is an MP4");
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static QueueRecord awaitEnd(VideoQueue queue, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            QueueRecord r = queue.record(id).orElse(null);
            if (r != null && Set.of(QueueState.SUCCEEDED, QueueState.FAILED, QueueState.CANCELLED, QueueState.ABANDONED,
                    QueueState.NEEDS_RECONCILIATION).contains(r.state())) {
                return r;
            }
            Thread.sleep(20);                                       // real time: the fake and H2 run for real here
        }
        return null;
    }

    /** The starter is on the module path but not resolved (Spring is not): its descriptor is read as a file. */
    private static void checkStarterDescriptor() {
        Path[] path = Stream.of(System.getProperty("jdk.module.path", "").split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(Path::of).toArray(Path[]::new);
        ModuleDescriptor spring = ModuleFinder.of(path).find("dev.videosdk.spring").map(r -> r.descriptor()).orElse(null);
        check(spring != null && !spring.isAutomatic(), "dev.videosdk.spring has a module descriptor");
        if (spring != null) {
            Set<String> exported = spring.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
            check(exported.equals(Set.of("dev.videosdk.spring")), "dev.videosdk.spring exports only its API: " + exported);
            check(spring.opens().stream().anyMatch(o -> o.source().equals("dev.videosdk.spring") && !o.isQualified()),
                    "dev.videosdk.spring opens its API package to Spring's reflection");
        }
    }

    private static void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            FAILURES.add(what);
        }
    }
}
