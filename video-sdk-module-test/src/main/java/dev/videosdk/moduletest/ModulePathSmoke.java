package dev.videosdk.moduletest;

import dev.videosdk.ConfigurationException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs on the module path only (no class path) and exits 1 listing every check that failed: the SDK
 * modules are named, export only API and SPI packages, bind every provider as a service, and the fake
 * (asked for by name) generates and downloads a real MP4 in real time.
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

        Map<String, String> env = Map.of("FAKE_POLL_INTERVAL_MS", "5");
        try (VideoClient client = VideoClient.fromEnv(env)) {
            check(false, "several real providers on the module path, yet " + client.defaultProvider() + " was picked");
        } catch (ConfigurationException expected) {
            check(expected.getMessage().contains("VIDEO_PROVIDER"), "the error says how to choose: " + expected.getMessage());
        }
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider("fake").build()) {
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
        }
        if (!FAILURES.isEmpty()) {
            System.err.println("module-path test: " + FAILURES.size() + " failed:");
            FAILURES.forEach(f -> System.err.println("  FAILED " + f));
            System.exit(1);
        }
        System.out.println("module-path test: all " + checks + " checks passed");
    }

    private static void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            FAILURES.add(what);
        }
    }
}
