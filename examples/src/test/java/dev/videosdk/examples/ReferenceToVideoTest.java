package dev.videosdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.PromptRefiner;
import dev.videosdk.PromptUseCase;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RefinementRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference-to-video workflow against the fake provider, with a fake refiner. */
class ReferenceToVideoTest {
    private static final Map<String, String> FAKE = Map.of("VIDEO_PROVIDER", "fake", "FAKE_POLL_INTERVAL_MS", "1");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<RefinementRequest> asked = new CopyOnWriteArrayList<>();
    private Path ring;
    private Path box;

    @BeforeEach
    void images() throws Exception {
        // the CLI judges an image by its first bytes: a PNG and a JPEG signature
        ring = Files.write(dir.resolve("ring.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3});
        box = Files.write(dir.resolve("box.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 4, 5});
    }

    private int run(Map<String, String> env, PromptRefiner refiner, String... args) {
        return ReferenceToVideo.run(args, env, refiner, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void refinesWithTheImagesAndPresetThenGeneratesAndRecordsThePromptSent() throws Exception {
        PromptRefiner refiner = request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(new RefinedPrompt(request.prompt(),
                    "Macro shot: " + request.prompt() + " (" + request.useCase() + ")", "a gold ring and a box"));
        };
        Path target = dir.resolve("ring.mp4");

        int code = run(FAKE, refiner, "The ring turns slowly", "--ref", ring.toString(), "--ref", box.toString(),
                "--use-case", "gemstone-close-up", "--instructions", "no text", "--out", target.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout()).containsExactly("prompt sent: Macro shot: The ring turns slowly (GEMSTONE_CLOSE_UP)",
                target.toAbsolutePath().toString());
        assertThat(new String(Files.readAllBytes(target), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).useCase()).isEqualTo(PromptUseCase.GEMSTONE_CLOSE_UP);
        assertThat(asked.get(0).extraInstructions()).isEqualTo("no text");
        assertThat(asked.get(0).referenceImages()).extracting(m -> m.mimeType()).containsExactly("image/png", "image/jpeg");
    }

    @Test
    void withoutOpenAiKeyThePromptIsSentAsWritten() {
        assertThat(ReferenceToVideo.refinerFor(Map.of()).refine(new dev.videosdk.RefinementRequest("as is", List.of(),
                PromptUseCase.GENERAL, null)).join().refined()).isEqualTo("as is");
        assertThat(ReferenceToVideo.refinerFor(Map.of("OPENAI_API_KEY", "sk-test"))).isInstanceOf(
                dev.videosdk.openai.OpenAiPromptRefiner.class);

        int code = run(FAKE, null, "A hero shot of the shop", "--ref", ring.toString(), "--use-case", "hero-shot",
                "--out", dir.resolve("hero.mp4").toString());

        assertThat(code).isZero();
        assertThat(stdout().get(0)).isEqualTo("prompt sent: A hero shot of the shop");
    }

    @Test
    void aFailingRefinerFallsBackToTheOriginalPrompt() {
        PromptRefiner broken = request -> CompletableFuture.failedFuture(new IllegalStateException("refiner down"));

        int code = run(FAKE, broken, "A product turntable", "--ref", ring.toString(), "--out", dir.resolve("p.mp4").toString());

        assertThat(code).isZero();
        assertThat(stdout().get(0)).isEqualTo("prompt sent: A product turntable");
    }

    @Test
    void badInputExitsTwoWithUsage() {
        assertThat(run(FAKE, null, "No references")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("1 to 3 reference images (--ref) are required, but got 0").contains("usage: ReferenceToVideo");

        err.reset();
        assertThat(run(FAKE, null, "x", "--ref", ring.toString(), "--use-case", "wedding")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("use case must be product-video");
    }
}
