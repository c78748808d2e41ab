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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code generate "prompt" [--provider id] [--image url|file]... [--duration s] [--aspect w:h]
 * [--model id] [--out file.mp4] [--force]}, or {@code generate --resume <job token> [--out file.mp4]}:
 * generates one video, shows progress on stderr, writes the MP4 and prints its path. Exit 0 ok, 2 bad
 * input (nothing is sent), 1 provider failure, 130 after Ctrl-C. Ctrl-C cancels the job at the provider and waits (at
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
    /** Exit code after Ctrl-C (128 + SIGINT), the one the JVM exits with when the signal ends it. */
    static final int CANCELLED = 130;

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
        return run(args, env, out, err, interactive, interactive ? ShutdownHooks.RUNTIME : ShutdownHooks.NONE);
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream, boolean)}, with the Ctrl-C hook registered on {@code hooks}. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean interactive,
                   ShutdownHooks hooks) {
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
            return generate(client, events, request, resume, target, out, err, interactive, env, hooks);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuthenticationException a) {
                err.println("\nfailed: " + a.getMessage());
                authHint(a.provider(), a.getMessage()).ifPresent(err::println);
                return CommandLine.FAILED;
            }
            return CommandLine.report(e, err);
        }
    }

    private static int generate(VideoClient client, CliEvents events, VideoRequest request, VideoJob resume, Path target,
                                PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
                                ShutdownHooks hooks) {
        if (resume != null) {
            events.job.set(resume);
            events.accepted.complete(resume);
        }
        // the launcher says whether stderr is a terminal (test -t 2); Java alone only knows about stdin/stdout
        boolean terminal = Boolean.parseBoolean(System.getProperty("generate.stderrTerminal",
                String.valueOf(System.console() != null)));
        Progress progress = interactive && terminal ? new ProgressBar(err, ProgressBar.terminalWidth(env)) : new StateLines(err);
        events.progress = progress;
        CompletableFuture<VideoResult> generation = resume != null ? client.await(resume) : client.generate(request);
        CancelOnExit cancelHook = new CancelOnExit(client, generation, events, err);
        hooks.add(cancelHook);
        try {
            VideoResult result;
            try {
                result = generation.join();
            } catch (RuntimeException e) {
                if (cancelHook.awaitIfStarted()) {
                    return CANCELLED; // the hook reports the cancel; a second report here would race its lines
                }
                throw e;
            }
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
            hooks.remove(cancelHook);
        }
    }

    /**
     * The CLI's view of the client's events (LIFECYCLE.md §6): the job as soon as the provider accepts it (so
     * Ctrl-C can cancel it before its first status check), and every progress report for the bar.
     */
    static final class CliEvents implements dev.videosdk.VideoEventListener {
        final AtomicReference<VideoJob> job = new AtomicReference<>();
        /** Completes with the job once the provider has accepted it. */
        final CompletableFuture<VideoJob> accepted = new CompletableFuture<>();
        volatile Progress progress;

        @Override
        public void createFinished(dev.videosdk.RunInfo run, dev.videosdk.CreateOutcome outcome, VideoException error,
                                   java.time.Duration duration) {
            if (run.job() != null) {
                job.set(run.job());
                accepted.complete(run.job());
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

    /** Where the Ctrl-C hook goes: the JVM's shutdown hooks, or (tests) a recorder that runs it on demand. */
    interface ShutdownHooks {
        /** The JVM's hooks. */
        ShutdownHooks RUNTIME = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it reports the cancel
                }
            }
        };
        /** No hook (tests without Ctrl-C). */
        ShutdownHooks NONE = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
            }

            @Override
            public void remove(Thread hook) {
            }
        };

        void add(Thread hook);

        void remove(Thread hook);
    }

    /**
     * Ctrl-C: cancel the job at the provider and wait, bounded, until it confirms. Once it has started, only
     * its lines are printed: the main thread, whose wait fails with the cancel, waits for it and stays silent.
     */
    static final class CancelOnExit extends Thread {
        private final VideoClient client;
        private final CompletableFuture<VideoResult> generation;
        private final CliEvents events;
        private final PrintStream err;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);

        CancelOnExit(VideoClient client, CompletableFuture<VideoResult> generation, CliEvents events, PrintStream err) {
            super("videosdk-cli-cancel");
            this.client = client;
            this.generation = generation;
            this.events = events;
            this.err = err;
        }

        /** Completes once the provider has accepted the job (tests press Ctrl-C then). */
        CompletableFuture<VideoJob> accepted() {
            return events.accepted;
        }

        /** Whether the hook has started; if so, returns once it has finished (it is bounded by the cancel wait). */
        boolean awaitIfStarted() {
            if (!started.get()) {
                return false;
            }
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }

        @Override
        public void run() {
            started.set(true); // before the cancel can fail the generation: the main thread then leaves the report to us
            try {
                if (!generation.isDone()) {
                    cancel(events.job.get());
                }
            } finally {
                finished.countDown();
            }
        }

        private void cancel(VideoJob accepted) {
            if (accepted == null) {
                err.println("\ncancelling: the job was not accepted yet; if the provider accepts it, the SDK cancels it there");
                generation.cancel(true);
                client.close(); // waits (bounded by the close timeout) for that remote cancel before the JVM exits
                return;
            }
            err.println("\ncancelling job " + accepted.id() + " at " + accepted.provider() + "; waiting up to "
                    + CANCEL_WAIT_SECONDS + " s for the provider to confirm...");
            try {
                client.cancel(accepted).get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
                err.println("cancelled at the provider");
            } catch (TimeoutException e) {
                err.println("the provider did not confirm within " + CANCEL_WAIT_SECONDS + " s; the job may still run and be billed;"
                        + " job token: " + accepted.toToken());
            } catch (ExecutionException e) {
                err.println("the provider did not cancel: " + e.getCause().getMessage() + "; job token: " + accepted.toToken());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            generation.cancel(true);
        }
    }

    private static void help(PrintStream out) {
        out.println(USAGE);
        out.println();
        out.println("Generates one video, shows progress on stderr, writes the MP4 (default video.mp4) and prints its path.");
        out.println("Exit 0 ok, 2 bad input (nothing sent), 1 provider failure, 130 after Ctrl-C, which cancels the job at the");
        out.println("provider.");
        out.println("The provider is --provider, else VIDEO_PROVIDER, else fake.");
        out.println();
        out.println("providers found:");
        variables().forEach((id, names) -> out.printf("  %-11s %s%n", id,
                names.isEmpty() ? "see the provider module's README" : String.join(", ", names)));
    }

    /** The "check VARIABLES" line after a 401, unless the provider's message already names one of them (Kling's does). */
    static Optional<String> authHint(String provider, String message) {
        List<String> names = variables().getOrDefault(provider, List.of());
        if (names.stream().anyMatch(message::contains)) {
            return Optional.empty();
        }
        return Optional.of("check " + (names.isEmpty() ? "the provider's key variable" : String.join(", ", names)));
    }

    /**
     * Each provider found on the class path, by id, with the environment variables its factory reads
     * ({@link VideoProviderFactory#environmentVariables()}: the one source of these names).
     */
    static Map<String, List<String>> variables() {
        Map<String, List<String>> found = new TreeMap<>();
        ServiceLoader.load(VideoProviderFactory.class).forEach(f -> found.put(f.id(), f.environmentVariables()));
        return found;
    }

    /**
     * Checks {@code --out} before anything is sent: not a directory, in an existing directory where a file
     * can be created (tried with a temporary file, deleted again), and not an existing file unless {@code force}.
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
        try { // Files.isWritable says yes to root even where nothing can be written (/proc, a read-only mount)
            Files.delete(Files.createTempFile(dir, ".generate-", ".probe"));
        } catch (IOException e) {
            String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage(); // not its message: the path
            throw new IllegalArgumentException("--out " + value + ": cannot create a file in " + dir
                    + (why == null ? "" : " (" + why + ")"));
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
