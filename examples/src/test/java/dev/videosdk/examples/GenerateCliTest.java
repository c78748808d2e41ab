package dev.videosdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCliTest {
    private static final Map<String, String> FAST_FAKE = Map.of("FAKE_POLL_INTERVAL_MS", "1");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return GenerateCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generate_withFake_writesMp4PrintsPathAndShowsProgress() throws Exception {
        Path target = dir.resolve("cat.mp4");

        int code = run(FAST_FAKE, "A calico cat playing piano", "--duration", "4", "--aspect", "16:9", "--out", target.toString());

        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo(target.toAbsolutePath().toString());
        byte[] mp4 = Files.readAllBytes(target);
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(stderr()).contains("RUNNING").contains("100%").contains("SUCCEEDED");
    }

    @Test
    void badInput_exitsTwoWithClearMessageAndNoStackTrace() {
        assertThat(run(FAST_FAKE, "x", "--duration", "7", "--out", dir.resolve("a.mp4").toString())).isEqualTo(2);
        assertThat(stderr()).contains("fake does not support duration 7s; allowed: [4s, 5s, 8s, 10s, 12s]").doesNotContain("\tat ");

        err.reset();
        assertThat(run(FAST_FAKE, "--duration", "4")).isEqualTo(2);
        assertThat(stderr()).contains("a prompt is required").contains("usage: generate");

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--aspect", "wide")).isEqualTo(2);
        assertThat(stderr()).contains("aspect ratio must be like 16:9, but was wide");

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--provider", "nope")).isEqualTo(2);
        assertThat(stderr()).contains("unknown video provider 'nope'");
    }

    @Test
    void missingProviderKey_exitsTwoNamingTheVariable() {
        assertThat(run(Map.of(), "x", "--provider", "openai", "--out", dir.resolve("o.mp4").toString())).isEqualTo(2);
        assertThat(stderr()).contains("OPENAI_API_KEY").doesNotContain("\tat ");
    }

    @Test
    void help_printsUsageProvidersAndVariables_exitsZero_andSendsNothing() {
        for (String flag : new String[] {"--help", "-h"}) {
            out.reset();
            assertThat(run(FAST_FAKE, flag)).isZero();
            assertThat(stdout()).startsWith("usage: generate").contains("providers found:")
                    .contains("fake").contains("openai").contains("OPENAI_API_KEY").contains("KLING_ACCESS_KEY");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void unknownDashArgument_exitsTwo_butAPromptAfterDoubleDashIsAllowed() {
        assertThat(run(FAST_FAKE, "x", "-v")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option -v");

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--verbose")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --verbose");

        CommandLine line = CommandLine.parse(new String[] {"--out", "a.mp4", "--", "-a prompt with a dash"},
                java.util.Set.of("out"), java.util.Set.of());
        assertThat(line.prompt()).isEqualTo("-a prompt with a dash");
        assertThat(line.value("out")).contains("a.mp4");
    }

    @Test
    void out_isCheckedBeforeAnythingIsSent() throws Exception {
        assertThat(run(FAST_FAKE, "x", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("is a directory");

        err.reset();
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(run(FAST_FAKE, "x", "--out", file.resolve("v.mp4").toString())).isEqualTo(2);
        assertThat(stderr()).contains("is a file, not a directory");

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--out", dir.resolve("missing/v.mp4").toString())).isEqualTo(2);
        assertThat(stderr()).contains("does not exist");

        err.reset();
        Path existing = Files.writeString(dir.resolve("old.mp4"), "keep me");
        assertThat(run(FAST_FAKE, "x", "--out", existing.toString())).isEqualTo(2);
        assertThat(stderr()).contains("exists; pass --force");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(stderr()).doesNotContain("QUEUED").doesNotContain("RUNNING"); // nothing was submitted

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--out", existing.toString(), "--force")).isZero();
        assertThat(new String(Files.readAllBytes(existing), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void image_isJudgedByItsBytesNotItsName_andTheFileIsNamed() throws Exception {
        Path fakePng = Files.writeString(dir.resolve("cat.png"), "not an image");
        assertThat(run(FAST_FAKE, "x", "--image", fakePng.toString(), "--out", dir.resolve("i.mp4").toString())).isEqualTo(2);
        assertThat(stderr()).contains(fakePng.toString()).contains("is not a PNG, JPEG, WebP or GIF image");

        err.reset();
        assertThat(run(FAST_FAKE, "x", "--image", dir.resolve("nope.jpg").toString())).isEqualTo(2);
        assertThat(stderr()).contains("nope.jpg: no such file");

        // judged by its bytes (MediaInput.sniffMimeType), not its name: PNG bytes in a .dat file are an image
        Path realPng = Files.write(dir.resolve("picture.dat"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'});
        err.reset();
        assertThat(run(FAST_FAKE, "x", "--image", realPng.toString(), "--out", dir.resolve("png.mp4").toString()))
                .as(stderr()).isZero();
    }

    @Test
    void unknownProvider_namesTheFlagOrVariableItCameFrom() {
        assertThat(run(FAST_FAKE, "x", "--provider", "foo")).isEqualTo(2);
        assertThat(stderr()).contains("unknown video provider 'foo' (from --provider)").doesNotContain("defaultProvider");

        err.reset();
        assertThat(run(Map.of("VIDEO_PROVIDER", "bar"), "x")).isEqualTo(2);
        assertThat(stderr()).contains("unknown video provider 'bar' (from VIDEO_PROVIDER)");
    }

    @Test
    void notATerminal_oneLinePerStateChange() {
        assertThat(run(FAST_FAKE, "x", "--out", dir.resolve("s.mp4").toString())).isZero();

        assertThat(stderr().lines()).hasSize(3);
        assertThat(stderr().lines().map(l -> l.split(" ")[0])).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(stderr()).doesNotContain("\r");
    }

    @Test
    void progressBar_neverWiderThanTheTerminal() {
        dev.videosdk.VideoJob job = dev.videosdk.VideoJob.of("fake", "x".repeat(55), "m", java.time.Instant.EPOCH);
        dev.videosdk.ProgressEvent e = new dev.videosdk.ProgressEvent(job, dev.videosdk.JobState.RUNNING, 3, 10, 40,
                java.time.Duration.ofSeconds(12), null);

        assertThat(GenerateCli.ProgressBar.line(e, 80)).hasSizeLessThanOrEqualTo(79).endsWith("…");
        assertThat(GenerateCli.ProgressBar.line(e, 40)).hasSizeLessThanOrEqualTo(39).startsWith("[########");
        assertThat(GenerateCli.ProgressBar.line(e, 200)).endsWith("x".repeat(55));
    }

    @Test
    void resume_takesAJobToken_andRejectsABadOneBeforeSending() {
        assertThat(run(FAST_FAKE, "--resume", "not-a-token")).isEqualTo(2);
        assertThat(stderr()).contains("usage: generate");

        err.reset();
        String token = dev.videosdk.VideoJob.of("fake", "fake-404", "fake-1", java.time.Instant.EPOCH).toToken();
        assertThat(run(FAST_FAKE, "--resume", token, "--out", dir.resolve("r.mp4").toString())).isEqualTo(1);
        assertThat(stderr()).contains("fake-404 does not exist"); // a fresh fake knows no job: the wait was tried
    }

    @Test
    void ctrlC_printsOnlyTheCancelLines_andExits130() throws Exception {
        CompletableFuture<Thread> hook = new CompletableFuture<>();
        GenerateCli.ShutdownHooks recorder = new GenerateCli.ShutdownHooks() {
            @Override
            public void add(Thread h) {
                hook.complete(h);
            }

            @Override
            public void remove(Thread h) {
                // the recorded hook is run by the test, as the JVM would on Ctrl-C
            }
        };
        Map<String, String> slowFake = Map.of("FAKE_POLL_INTERVAL_MS", "600000"); // never finishes on its own
        String[] args = {"x", "--out", dir.resolve("c.mp4").toString()};

        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> GenerateCli.run(args, slowFake,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                recorder));
        GenerateCli.CancelOnExit cancel = (GenerateCli.CancelOnExit) hook.get(10, TimeUnit.SECONDS);
        cancel.accepted().get(10, TimeUnit.SECONDS);
        cancel.run(); // Ctrl-C: the hook's body, on this thread

        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(GenerateCli.CANCELLED);
        assertThat(stderr()).contains("cancelling job fake-").endsWith("cancelled at the provider" + System.lineSeparator())
                .doesNotContain("failed").doesNotContain("cancelled by the caller");
        assertThat(stdout()).isEmpty();
        assertThat(dir.resolve("c.mp4")).doesNotExist();
    }

    @Test
    void out_whereNoFileCanBeCreated_isRefusedBeforeSending_evenForRoot() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");

        assertThat(run(FAST_FAKE, "x", "--out", "/proc/x.mp4")).isEqualTo(2);

        assertThat(stderr()).contains("--out /proc/x.mp4: cannot create a file in /proc").doesNotContain("/proc/.generate-")
                .doesNotContain("QUEUED").doesNotContain("RUNNING");
    }

    @Test
    void help_listsEachProvidersVariables_fromItsFactory() {
        assertThat(run(FAST_FAKE, "--help")).isZero();

        assertThat(stdout()).contains("RUNWAY_API_KEY").contains("FAL_KEY").contains("PIKA_API_KEY").contains("SORA_API_KEY")
                .contains("GEMINI_API_KEY").contains("GOOGLE_CLOUD_PROJECT").contains("KIE_API_KEY").contains("FAKE_POLL_INTERVAL_MS")
                .doesNotContain("see the provider module's README");
        assertThat(GenerateCli.variables()).containsKeys("fake", "openai", "kling", "kie", "veo", "veo-vertex", "sora-proxy",
                "runway", "fal", "pika").allSatisfy((id, names) -> assertThat(names).isNotEmpty());
    }

    @Test
    void authHint_onceOnly_whenTheProviderNamesTheVariablesAlready() {
        // Kling's 401 message ends with its own hint (KlingErrors); a second "check" line repeated it
        assertThat(GenerateCli.authHint("kling", "HTTP 401: invalid token; check KLING_ACCESS_KEY / KLING_SECRET_KEY"
                + " (or KLING_API_KEY)")).isEmpty();
        assertThat(GenerateCli.authHint("runway", "HTTP 401: bad key")).hasValueSatisfying(hint ->
                assertThat(hint).startsWith("check RUNWAY_API_KEY, RUNWAYML_API_SECRET"));
        assertThat(GenerateCli.authHint("nope", "HTTP 401")).contains("check the provider's key variable");
    }

    @Test
    void klingUnauthorized_printsTheKeyHintOnce() throws Exception {
        // Kling answers a bad key with HTTP 401 and its code 1000 (KlingErrors maps 1000-1099 to AuthenticationException)
        com.sun.net.httpserver.HttpServer kling = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        kling.createContext("/", exchange -> {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = "{\"code\":1000,\"message\":\"Authentication failed\",\"request_id\":\"req-1\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        kling.start();
        try {
            Map<String, String> env = Map.of("KLING_API_KEY", "test-key",
                    "KLING_API_URL", "http://127.0.0.1:" + kling.getAddress().getPort());

            assertThat(run(env, "x", "--provider", "kling", "--out", dir.resolve("k.mp4").toString())).isEqualTo(1);

            assertThat(paths).containsExactly("POST /v1/videos/text2video");
            assertThat(stderr()).contains("failed: ").contains("Authentication failed").doesNotContain("test-key");
            assertThat(stderr().split("check KLING_", -1)).hasSize(2); // the hint exactly once
        } finally {
            kling.stop(0);
        }
    }

    @Test
    void anOptionAfterDoubleDash_saysOptionsGoBeforeIt() {
        assertThat(run(FAST_FAKE, "--", "-dash", "--out", "x.mp4")).isEqualTo(2);

        assertThat(stderr()).contains("options go before --").contains("--out").doesNotContain("quote it");
        err.reset();
        assertThat(run(FAST_FAKE, "a", "b")).isEqualTo(2);
        assertThat(stderr()).contains("only one prompt may be given; quote it: \"b\"");
    }

    @Test
    void launcher_rebuildsOnlyForModulesTheCommandUses_andOnceOnly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
        Path root = dir.resolve("repo");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("mvn.log");
        Files.createDirectories(root.resolve("examples/target"));
        Files.copy(Path.of("..", "generate"), root.resolve("generate"));
        Files.copy(Path.of("pom.xml"), root.resolve("examples/pom.xml"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path core = write(root.resolve("video-sdk-core/src/main/java/A.java"));
        Path jobs = write(root.resolve("video-sdk-jobs/src/main/java/B.java")); // examples does not depend on jobs
        Path jar = write(root.resolve("examples/target/generate.jar"));
        // stubs: a Maven that leaves an up-to-date jar alone (as the real one does), a java that does nothing
        script(bin.resolve("mvn"), "echo build >> '" + log + "'");
        script(bin.resolve("java"), "exit 0");
        java.time.Instant now = java.time.Instant.now();
        try (java.util.stream.Stream<Path> all = Files.walk(root)) { // directories too: a deleted source changes its directory
            for (Path p : all.toList()) {
                age(p, now.minusSeconds(7200));
            }
        }
        age(jar, now.minusSeconds(3600));

        assertThat(launch(root, bin)).isZero();
        age(jobs, now.minusSeconds(60));
        assertThat(launch(root, bin)).isZero();
        assertThat(log).doesNotExist();

        age(core, now.minusSeconds(60));
        assertThat(launch(root, bin)).isZero();
        assertThat(launch(root, bin)).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("build");
    }

    private static Path write(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    private static void script(Path file, String body) throws java.io.IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private static void age(Path file, java.time.Instant modified) throws java.io.IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
    }

    private static int launch(Path root, Path bin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", root.resolve("generate").toString(), "--help").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + "/usr/bin:/bin");
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
