package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.JobState;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.VideoProviderFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code generate "prompt" [--provider id] [--image url|file]... [--duration s] [--aspect w:h]
 * [--model id] [--out file.mp4] [--force]}, or {@code generate --resume <job token> [--out file.mp4]}:
 * generates one video, shows progress on stderr, writes the MP4 and prints its path. Exit 0 ok, 2 bad
 * input (nothing is sent), 1 provider failure. Ctrl-C cancels the job at the provider and waits (at
 * most {@value #CANCEL_WAIT_SECONDS} s) for the provider to confirm. The provider is {@code --provider},
 * else {@code VIDEO_PROVIDER}, else {@code fake}.
 */
public final class GenerateCli {
    static final String USAGE = "usage: generate \"<prompt>\" [--provider <id>] [--image <url|file>]... "
            + "[--duration <seconds>] [--aspect <w:h>] [--model <id>] [--out <file.mp4>] [--force]\n"
            + "       generate --resume <job token> [--provider <id>] [--out <file.mp4>] [--force]\n"
            + "       generate --help";
    static final String SHORT_USAGE = "usage: generate \"<prompt>\" [options]; generate --help lists them";
    static final int CANCEL_WAIT_SECONDS = 10;

    /** The settings of each provider this repository ships, for --help and for error hints. */
    static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("fake", "FAKE_POLL_INTERVAL_MS (in-memory, no key; the default here)");
        VARIABLES.put("openai", "OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_VIDEO_PROFILE, OPENAI_VIDEO_MODEL");
        VARIABLES.put("kling", "KLING_ACCESS_KEY + KLING_SECRET_KEY, or KLING_API_KEY; KLING_API_URL");
        VARIABLES.put("kie", "KIE_API_KEY, KIE_BASE_URL");
        VARIABLES.put("veo", "GEMINI_API_KEY (or GOOGLE_API_KEY), GEMINI_BASE_URL");
        VARIABLES.put("veo-vertex", "GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION, GOOGLE_CLOUD_ACCESS_TOKEN, VEO_STORAGE_URI");
        VARIABLES.put("sora-proxy", "SORA_API_KEY, SORA_BASE_URL");
    }

    private GenerateCli() {
    }

    /** Runs the CLI with the process environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, VideoClient.environment(), System.out, System.err, true));
    }

    /**
     * Runs the CLI; returns the exit code. {@code interactive}: a real process (Ctrl-C hook, a progress
     * bar when there is a terminal); tests pass {@code false} and get one line per state change.
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean interactive) {
        if (Set.of(args).contains("--help") || Set.of(args).contains("-h")) {
            help(out);
            return CommandLine.OK;
        }
        CommandLine line;
        VideoRequest request = null;
        VideoJob resume = null;
        Path target;
        try {
            line = CommandLine.parse(args, Set.of("provider", "image", "duration", "aspect", "model", "out", "resume"),
                    Set.of("force"));
            if (line.value("resume").isPresent()) {
                if (line.prompt() != null) {
                    throw new IllegalArgumentException("--resume takes no prompt");
                }
                resume = VideoJob.fromToken(line.value("resume").get());
            } else if (line.prompt() == null) {
                throw new IllegalArgumentException("a prompt is required");
            } else {
                request = toRequest(line);
            }
            target = checkTarget(line.value("out").orElse("video.mp4"), line.has("force"));
        } catch (IllegalArgumentException | VideoException e) {
            err.println("error: " + e.getMessage());
            err.println(SHORT_USAGE);
            return CommandLine.BAD_INPUT;
        }
        String source = line.value("provider").isPresent() ? "--provider" : "VIDEO_PROVIDER";
        String provider = line.value("provider").orElse(env.getOrDefault("VIDEO_PROVIDER", "fake"));
        VideoClient client;
        CliEvents events = new CliEvents();
        try {
            client = VideoClient.builder().env(env).defaultProvider(provider).eventListener(events).build();
        } catch (ConfigurationException e) {
            err.println("error: " + e.getMessage().replace("(from defaultProvider)", "(from " + source + ")"));
            return CommandLine.BAD_INPUT;
        }
        try (client) {
            return generate(client, events, request, resume, target, out, err, interactive, env);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuthenticationException a) {
                err.println("\nfailed: " + a.getMessage());
                err.println("check " + VARIABLES.getOrDefault(a.provider(), "the provider's key variable"));
                return CommandLine.FAILED;
            }
            return CommandLine.report(e, err);
        }
    }

    private static int generate(VideoClient client, CliEvents events, VideoRequest request, VideoJob resume, Path target,
                                PrintStream out, PrintStream err, boolean interactive, Map<String, String> env) {
        AtomicReference<VideoJob> job = events.job;
        job.set(resume);
        // the launcher says whether stderr is a terminal (test -t 2); Java alone only knows about stdin/stdout
        boolean terminal = Boolean.parseBoolean(System.getProperty("generate.stderrTerminal",
                String.valueOf(System.console() != null)));
        Progress progress = interactive && terminal ? new ProgressBar(err, ProgressBar.terminalWidth(env)) : new StateLines(err);
        events.progress = progress;
        CompletableFuture<VideoResult> generation = resume != null ? client.await(resume) : client.generate(request);
        Thread cancelHook = new Thread(() -> cancelOnExit(client, generation, job.get(), err), "videosdk-cli-cancel");
        if (interactive) {
            Runtime.getRuntime().addShutdownHook(cancelHook);
        }
        try {
            VideoResult result = generation.join();
            progress.done();
            try {
                out.println(client.download(result.video(), target).join().toAbsolutePath());
            } catch (CompletionException e) {
                err.println("the video is ready, but the download failed: " + e.getCause().getMessage());
                err.println("fetch it later (while the provider keeps it) with:");
                err.println("  generate --resume " + result.job().toToken() + " --out " + target);
                return CommandLine.FAILED;
            }
            return CommandLine.OK;
        } finally {
            if (interactive) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cancelHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it reports the cancel
                }
            }
        }
    }

    /**
     * The CLI's view of the client's events (LIFECYCLE.md §6): the job as soon as the provider accepts it (so
     * Ctrl-C can cancel it before its first status check), and every progress report for the bar.
     */
    static final class CliEvents implements dev.videosdk.VideoEventListener {
        final AtomicReference<VideoJob> job = new AtomicReference<>();
        volatile Progress progress;

        @Override
        public void createFinished(dev.videosdk.RunInfo run, dev.videosdk.CreateOutcome outcome, VideoException error,
                                   java.time.Duration duration) {
            if (run.job() != null) {
                job.set(run.job());
            }
        }

        @Override
        public void progress(dev.videosdk.RunInfo run, ProgressEvent event) {
            job.set(event.job());
            Progress p = progress;
            if (p != null) {
                p.show(event);
            }
        }
    }

    /** Ctrl-C: cancel the job at the provider and wait, bounded, until it confirms. */
    private static void cancelOnExit(VideoClient client, CompletableFuture<VideoResult> generation, VideoJob job,
                                     PrintStream err) {
        if (generation.isDone()) {
            return;
        }
        if (job == null) {
            err.println("\ncancelling: the job was not accepted yet; if the provider accepts it, the SDK cancels it there");
            generation.cancel(true);
            client.close(); // waits (bounded by the close timeout) for that remote cancel before the JVM exits
            return;
        }
        err.println("\ncancelling job " + job.id() + " at " + job.provider() + "; waiting up to " + CANCEL_WAIT_SECONDS
                + " s for the provider to confirm...");
        try {
            client.cancel(job).get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            err.println("cancelled at the provider");
        } catch (TimeoutException e) {
            err.println("the provider did not confirm within " + CANCEL_WAIT_SECONDS + " s; the job may still run and be billed;"
                    + " job token: " + job.toToken());
        } catch (ExecutionException e) {
            err.println("the provider did not cancel: " + e.getCause().getMessage() + "; job token: " + job.toToken());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        generation.cancel(true);
    }

    private static void help(PrintStream out) {
        out.println(USAGE);
        out.println();
        out.println("Generates one video, shows progress on stderr, writes the MP4 (default video.mp4) and prints its path.");
        out.println("Exit 0 ok, 2 bad input (nothing sent), 1 provider failure. Ctrl-C cancels the job at the provider.");
        out.println("The provider is --provider, else VIDEO_PROVIDER, else fake.");
        out.println();
        out.println("providers found:");
        Set<String> found = new TreeSet<>();
        ServiceLoader.load(VideoProviderFactory.class).forEach(f -> found.add(f.id()));
        for (String id : found) {
            out.printf("  %-11s %s%n", id, VARIABLES.getOrDefault(id, "see the provider module's README"));
        }
    }

    /**
     * Checks {@code --out} before anything is sent: not a directory, in an existing writable directory,
     * and not an existing file unless {@code force}.
     */
    static Path checkTarget(String value, boolean force) {
        Path target = Path.of(value).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + value + " is a directory; give a file name, e.g. "
                    + target.resolve("video.mp4"));
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + value + ": " + (Files.exists(dir) ? dir + " is a file, not a directory"
                    : "the directory " + dir + " does not exist"));
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + value + ": cannot write in " + dir);
        }
        if (Files.exists(target) && !force) {
            throw new IllegalArgumentException("--out " + value + " exists; pass --force to overwrite it");
        }
        return target;
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

    /** Where progress goes. */
    interface Progress {
        void show(ProgressEvent e);

        void done();
    }

    /** Not a terminal: one line per state change. */
    static final class StateLines implements Progress {
        private final PrintStream err;
        private JobState last;

        StateLines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void show(ProgressEvent e) {
            if (e.state() != last) {
                last = e.state();
                err.println(e.state() + (e.progress() == null ? "" : " " + e.progress() + "%") + " after "
                        + e.elapsed().toSeconds() + " s, job " + e.job().id());
            }
        }

        @Override
        public void done() {
            // every state change already ended its line
        }
    }

    /** A terminal: one line redrawn in place, never wider than the terminal. */
    static final class ProgressBar implements Progress {
        private final PrintStream err;
        private final int width;

        ProgressBar(PrintStream err, int width) {
            this.err = err;
            this.width = width;
        }

        @Override
        public void show(ProgressEvent e) {
            err.print("\r" + line(e, width) + "\033[K");
            err.flush();
        }

        @Override
        public void done() {
            err.println();
        }

        /** The bar for {@code e}, at most {@code width - 1} characters (the last column would wrap). */
        static String line(ProgressEvent e, int width) {
            int percent = e.progress() == null ? 0 : e.progress();
            String text = String.format("[%-20s] %3d%% %-9s %5.1fs  %s", "#".repeat(percent / 5), percent, e.state(),
                    e.elapsed().toMillis() / 1000.0, e.job().id());
            int max = Math.max(10, width - 1);
            return text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }

        /** The terminal's width: {@code COLUMNS}, else {@code stty size} on /dev/tty, else 80. */
        static int terminalWidth(Map<String, String> env) {
            try {
                return Integer.parseInt(env.get("COLUMNS").trim());
            } catch (RuntimeException notSet) {
                // ask the terminal
            }
            try {
                Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
                String answer = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Integer.parseInt(answer.split("\\s+")[1]);
                }
            } catch (Exception e) {
                // no terminal, no stty
            }
            return 80;
        }
    }
}
