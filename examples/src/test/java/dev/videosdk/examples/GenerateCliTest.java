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
}
