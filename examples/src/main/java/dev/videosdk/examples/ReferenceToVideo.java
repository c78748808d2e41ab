package dev.videosdk.examples;

import dev.videosdk.GenerateOptions;
import dev.videosdk.PromptRefiner;
import dev.videosdk.PromptUseCase;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.openai.OpenAiPromptRefiner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reference-to-video workflow: 1–3 reference images (and optionally a video) → a
 * {@link PromptRefiner} with a use-case preset and extra instructions → a video generated with the
 * images as references. Prints the prompt actually sent, then the MP4 path.
 *
 * <pre>
 * ReferenceToVideo "The ring turns slowly on black velvet" --ref ring.png --ref box.jpg
 *     [--video &lt;uri&gt;] [--use-case gemstone-close-up] [--instructions "no text"] [--provider veo] [--out ring.mp4]
 * </pre>
 *
 * <p>The provider is {@code --provider}, else {@code VIDEO_PROVIDER}, else {@code fake}. The refiner is
 * the OpenAI one when {@code OPENAI_API_KEY} is set, else the prompt is sent as written (a refiner
 * failure also falls back to it). Exit 0 ok, 2 bad input, 1 provider failure.
 */
public final class ReferenceToVideo {
    static final String USAGE = "usage: ReferenceToVideo \"<prompt>\" --ref <image>... [--video <uri>] "
            + "[--use-case product-video|hero-shot|gemstone-close-up|luxury-brand|general] "
            + "[--instructions <text>] [--provider <id>] [--out <file.mp4>]";

    private ReferenceToVideo() {
    }

    /** Runs the workflow with the process environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, VideoClient.environment(), null, System.out, System.err));
    }

    /** Runs the workflow; {@code refiner} null picks one from {@code env}. Returns the exit code. */
    static int run(String[] args, Map<String, String> env, PromptRefiner refiner, PrintStream out, PrintStream err) {
        CommandLine line;
        PromptUseCase useCase;
        try {
            line = CommandLine.parse(args, Set.of("ref", "video", "use-case", "instructions", "provider", "out"));
            if (line.values("ref").isEmpty() || line.values("ref").size() > 3) {
                throw new IllegalArgumentException("1 to 3 reference images (--ref) are required, but got " + line.values("ref").size());
            }
            useCase = useCase(line.value("use-case").orElse("general"));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return CommandLine.BAD_INPUT;
        }
        PromptRefiner chosen = refiner != null ? refiner : refinerFor(env);
        String provider = line.value("provider").orElse(env.getOrDefault("VIDEO_PROVIDER", "fake"));
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider(provider).promptRefiner(chosen).build()) {
            VideoRequest.Builder request = VideoRequest.text(line.prompt()).durationSeconds(8); // Veo needs 8 s with references
            line.values("ref").forEach(r -> request.referenceImage(CommandLine.media(r)));
            line.value("video").ifPresent(v -> request.referenceVideo(CommandLine.video(v)));
            VideoResult result = client.generate(request.build(), GenerateOptions.builder()
                    .refinePrompt(useCase, line.value("instructions").orElse(null))
                    .refineFallbackToOriginal(true)
                    .onProgress(p -> err.println(p.state() + (p.progress() == null ? "" : " " + p.progress() + "%")))
                    .build()).join();
            out.println("prompt sent: " + result.promptSent());
            out.println(client.download(result.video(), Path.of(line.value("out").orElse("reference.mp4"))).join().toAbsolutePath());
            return CommandLine.OK;
        } catch (RuntimeException e) {
            return CommandLine.report(e, err);
        }
    }

    /** The OpenAI refiner when {@code OPENAI_API_KEY} is set, else the identity refiner. */
    static PromptRefiner refinerFor(Map<String, String> env) {
        return env.getOrDefault("OPENAI_API_KEY", "").isBlank() ? PromptRefiner.identity() : OpenAiPromptRefiner.fromEnv(env);
    }

    private static PromptUseCase useCase(String value) {
        try {
            return PromptUseCase.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("use case must be product-video, hero-shot, gemstone-close-up, "
                    + "luxury-brand or general, but was " + value);
        }
    }
}
