package dev.videosdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CommandLine.imageType(png, png.length)).isEqualTo("image/png");
        assertThat(CommandLine.imageType(jpeg, jpeg.length)).isEqualTo("image/jpeg");
        assertThat(CommandLine.imageType(webp, webp.length)).isEqualTo("image/webp");
        assertThat(CommandLine.imageType("GIF89a".getBytes(StandardCharsets.US_ASCII), 6)).isEqualTo("image/gif");
        assertThat(CommandLine.imageType(png, 3)).isNull();
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
}
