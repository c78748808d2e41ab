package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.MediaInput;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code generate "prompt" [--provider id] [--image url|file]... [--duration s] [--aspect w:h]
 * [--model id] [--out file.mp4]}: generates one video, shows progress on stderr, writes the MP4
 * and prints its path. Exit 0 ok, 2 bad input, 1 provider failure. Ctrl-C cancels the job.
 * The provider is {@code --provider}, else {@code VIDEO_PROVIDER}, else {@code fake}.
 */
public final class GenerateCli {
    static final String USAGE = "usage: generate \"<prompt>\" [--provider <id>] [--image <url|file>]... "
            + "[--duration <seconds>] [--aspect <w:h>] [--model <id>] [--out <file.mp4>]";

    private GenerateCli() {
    }

    /** Runs the CLI with the process environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, true));
    }

    /** Runs the CLI; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean cancelOnExit) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<String, String> settings = new HashMap<>(env);
        String provider = a.provider != null ? a.provider : env.getOrDefault("VIDEO_PROVIDER", "fake");
        try (VideoClient client = VideoClient.builder().env(settings).defaultProvider(provider).build()) {
            VideoRequest request = a.toRequest();
            ProgressBar bar = new ProgressBar(err);
            CompletableFuture<VideoResult> generation = client.generate(request,
                    GenerateOptions.builder().onProgress(bar::show).build());
            Thread cancelHook = new Thread(() -> {
                if (!generation.isDone()) {
                    err.println("\ncancelling...");
                    generation.cancel(true);
                }
            }, "videosdk-cli-cancel");
            if (cancelOnExit) {
                Runtime.getRuntime().addShutdownHook(cancelHook);
            }
            VideoResult result = generation.join();
            bar.done();
            Path target = client.download(result.video(), a.out).join();
            out.println(target.toAbsolutePath());
            if (cancelOnExit) {
                Runtime.getRuntime().removeShutdownHook(cancelHook);
            }
            return 0;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println();
            if (cause instanceof InvalidRequestException || cause instanceof ConfigurationException
                    || cause instanceof IllegalArgumentException) {
                err.println("error: " + cause.getMessage());
                return 2;
            }
            if (cause instanceof CancellationException) {
                err.println("cancelled");
                return 1;
            }
            if (cause instanceof VideoException v) {
                err.println("failed: " + v.getMessage() + v.requestId().map(id -> " (request id " + id + ")").orElse(""));
                return 1;
            }
            err.println("failed: " + cause);
            return 1;
        }
    }

    /** The parsed command line. */
    static final class Arguments {
        String prompt;
        String provider;
        final List<String> images = new ArrayList<>();
        Integer duration;
        AspectRatio aspect;
        String model;
        Path out = Path.of("video.mp4");

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (a.prompt != null) {
                        throw new IllegalArgumentException("only one prompt may be given; quote it: \"" + arg + "\"");
                    }
                    a.prompt = arg;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--provider" -> a.provider = value;
                    case "--image" -> a.images.add(value);
                    case "--duration" -> a.duration = parseSeconds(value);
                    case "--aspect" -> a.aspect = AspectRatio.parse(value);
                    case "--model" -> a.model = value;
                    case "--out" -> a.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (a.prompt == null || a.prompt.isBlank()) {
                throw new IllegalArgumentException("a prompt is required");
            }
            return a;
        }

        private static int parseSeconds(String value) {
            try {
                int s = Integer.parseInt(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
                if (s < 1) {
                    throw new NumberFormatException();
                }
                return s;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--duration must be a whole number of seconds, but was " + value);
            }
        }

        VideoRequest toRequest() {
            VideoRequest.Builder b = VideoRequest.text(prompt);
            for (String image : images) {
                b.image(image.startsWith("http://") || image.startsWith("https://")
                        ? MediaInput.url(image) : MediaInput.file(Path.of(image)));
            }
            if (duration != null) b.duration(Duration.ofSeconds(duration));
            if (aspect != null) b.aspectRatio(aspect);
            if (model != null) b.model(model);
            return b.build();
        }
    }

    /** A one-line progress bar: state, percent, elapsed. */
    static final class ProgressBar {
        private final PrintStream err;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        void show(ProgressEvent e) {
            int percent = e.percent() == null ? 0 : e.percent();
            int filled = percent / 5;
            err.printf("\r[%-20s] %3d%% %-9s %5.1fs  %s", "#".repeat(filled), percent, e.state(),
                    e.elapsed().toMillis() / 1000.0, e.job().id());
            err.flush();
        }

        void done() {
            err.println();
        }
    }
}
