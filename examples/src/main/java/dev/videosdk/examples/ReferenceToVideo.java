package dev.videosdk.examples;

import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.PromptRefiner;
import dev.videosdk.PromptUseCase;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

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
 * the OpenAI one when {@code OPENAI_API_KEY} is set and the {@code video-sdk-openai} module is on the
 * class path, else the prompt is sent as written. Exit 0 ok, 2 bad input, 1 provider failure.
 */
public final class ReferenceToVideo {
    static final String USAGE = "usage: ReferenceToVideo \"<prompt>\" --ref <image>... [--video <uri>] "
            + "[--use-case product-video|hero-image|gemstone-close-up|luxury-brand|general] "
            + "[--instructions <text>] [--provider <id>] [--out <file.mp4>]";
    private static final String OPENAI_REFINER = "dev.videosdk.openai.OpenAiPromptRefiner";

    private ReferenceToVideo() {
    }

    /** Runs the workflow with the process environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), null, System.out, System.err));
    }

    /** Runs the workflow; {@code refiner} null picks one from {@code env}. Returns the exit code. */
    static int run(String[] args, Map<String, String> env, PromptRefiner refiner, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        PromptRefiner chosen = refiner != null ? refiner : refinerFor(env, err);
        String provider = a.provider != null ? a.provider : env.getOrDefault("VIDEO_PROVIDER", "fake");
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider(provider).promptRefiner(chosen).build()) {
            VideoRequest.Builder request = VideoRequest.text(a.prompt).durationSeconds(8); // Veo needs 8 s with references
            a.references.forEach(r -> request.referenceImage(media(r)));
            if (a.video != null) {
                request.referenceVideo(media(a.video));
            }
            VideoResult result = client.generate(request.build(), GenerateOptions.builder()
                    .refinePrompt(a.useCase, a.instructions)
                    .refineFallbackToOriginal(true)
                    .onProgress(p -> err.println(p.state() + (p.percent() == null ? "" : " " + p.percent() + "%")))
                    .build()).join();
            out.println("prompt sent: " + result.promptSent());
            out.println(client.download(result.video(), a.out).join().toAbsolutePath());
            return 0;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println("error: " + cause.getMessage());
            boolean badInput = cause instanceof dev.videosdk.InvalidRequestException
                    || cause instanceof dev.videosdk.ConfigurationException || cause instanceof IllegalArgumentException;
            return badInput ? 2 : 1;
        }
    }

    /** The OpenAI refiner when configured and present, else the identity refiner. */
    static PromptRefiner refinerFor(Map<String, String> env, PrintStream err) {
        if (env.getOrDefault("OPENAI_API_KEY", "").isBlank()) {
            return PromptRefiner.identity();
        }
        try {
            Object refiner = Class.forName(OPENAI_REFINER).getMethod("fromEnv", Map.class).invoke(null, env);
            return (PromptRefiner) refiner;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            err.println("note: the OpenAI prompt refiner is not available (" + e + "); sending the prompt as written");
            return PromptRefiner.identity();
        }
    }

    private static MediaInput media(String value) {
        return value.matches("(?i)(https?|gs|data):.*") ? MediaInput.url(value) : MediaInput.file(Path.of(value));
    }

    /** Parsed command line. */
    private static final class Arguments {
        String prompt;
        final List<String> references = new ArrayList<>();
        String video;
        PromptUseCase useCase = PromptUseCase.GENERAL;
        String instructions;
        String provider;
        Path out = Path.of("reference.mp4");

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (a.prompt != null) {
                        throw new IllegalArgumentException("only one prompt is allowed, but got a second: " + arg);
                    }
                    a.prompt = arg;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--ref" -> a.references.add(value);
                    case "--video" -> a.video = value;
                    case "--use-case" -> a.useCase = useCase(value);
                    case "--instructions" -> a.instructions = value;
                    case "--provider" -> a.provider = value;
                    case "--out" -> a.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (a.prompt == null || a.prompt.isBlank()) {
                throw new IllegalArgumentException("a prompt is required");
            }
            if (a.references.isEmpty() || a.references.size() > 3) {
                throw new IllegalArgumentException("1 to 3 reference images (--ref) are required, but got " + a.references.size());
            }
            return a;
        }

        private static PromptUseCase useCase(String value) {
            try {
                return PromptUseCase.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("use case must be product-video, hero-image, gemstone-close-up, "
                        + "luxury-brand or general, but was " + value);
            }
        }
    }
}
