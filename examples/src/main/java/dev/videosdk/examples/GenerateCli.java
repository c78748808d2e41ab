package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
        System.exit(run(args, VideoClient.environment(), System.out, System.err, true));
    }

    /** Runs the CLI; returns the exit code. */
    @SuppressWarnings("try") // the Ctrl-C hook closes the client itself, so the remote cancel is sent before the JVM exits
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean cancelOnExit) {
        CommandLine line;
        VideoRequest request;
        try {
            line = CommandLine.parse(args, Set.of("provider", "image", "duration", "aspect", "model", "out"));
            request = toRequest(line);
        } catch (IllegalArgumentException | dev.videosdk.InvalidRequestException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return CommandLine.BAD_INPUT;
        }
        String provider = line.value("provider").orElse(env.getOrDefault("VIDEO_PROVIDER", "fake"));
        Path target = Path.of(line.value("out").orElse("video.mp4"));
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider(provider).build()) {
            ProgressBar bar = new ProgressBar(err);
            CompletableFuture<VideoResult> generation = client.generate(request,
                    GenerateOptions.builder().onProgress(bar::show).build());
            Thread cancelHook = new Thread(() -> {
                if (!generation.isDone()) {
                    err.println("\ncancelling...");
                    generation.cancel(true);
                    client.close(); // waits (bounded) for the remote cancel before the JVM exits
                }
            }, "videosdk-cli-cancel");
            if (cancelOnExit) {
                Runtime.getRuntime().addShutdownHook(cancelHook);
            }
            VideoResult result = generation.join();
            bar.done();
            out.println(client.download(result.video(), target).join().toAbsolutePath());
            if (cancelOnExit) {
                Runtime.getRuntime().removeShutdownHook(cancelHook);
            }
            return CommandLine.OK;
        } catch (RuntimeException e) {
            return CommandLine.report(e, err);
        }
    }

    private static VideoRequest toRequest(CommandLine line) {
        VideoRequest.Builder b = VideoRequest.text(line.prompt());
        line.values("image").forEach(image -> b.image(CommandLine.media(image)));
        line.value("duration").ifPresent(d -> b.duration(Duration.ofSeconds(parseSeconds(d))));
        line.value("aspect").ifPresent(a -> b.aspectRatio(AspectRatio.parse(a)));
        line.value("model").ifPresent(b::model);
        return b.build();
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
