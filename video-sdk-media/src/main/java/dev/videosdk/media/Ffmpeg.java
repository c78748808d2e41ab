package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.VideoException;
import dev.videosdk.media.internal.FfmpegLocator;
import dev.videosdk.media.internal.ImageFit;
import dev.videosdk.media.internal.KeyframePicker;
import dev.videosdk.media.internal.ProbeParser;
import dev.videosdk.media.internal.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Probes, transcodes and thumbnails videos by running FFmpeg as a process (an argument list, never
 * a shell). Thread-safe; create one per application and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * try (Ffmpeg ffmpeg = Ffmpeg.create()) {
 *     MediaInfo out = ffmpeg.transcode(in, Path.of("out.mp4"), TranscodeOptions.defaults()).join();
 *     ffmpeg.thumbnail(Path.of("out.mp4"), Path.of("thumb.jpg"), ThumbnailOptions.defaults()).join();
 * }
 * }</pre>
 *
 * <p><b>Threads</b> (ADR 0900): each operation holds one worker thread of a small bounded pool
 * ({@link Builder#maxConcurrentProcesses}, default 2) while its FFmpeg process runs; more operations
 * wait in FIFO order. FFmpeg itself uses every core, so running more processes at once only adds
 * memory. Timeouts run on one daemon scheduler thread. Listeners run on the worker thread.
 *
 * <p><b>Results</b>: every call returns a {@link CompletableFuture} that completes with the result
 * or fails with a {@link VideoException}: {@link InvalidRequestException} (bad path or option),
 * {@link InvalidMediaException} (not a video, truncated, empty, too large),
 * {@link MediaTimeoutException}, or {@link MediaException} quoting FFmpeg's last stderr lines.
 * Cancelling the future kills the process. A failed, cancelled or timed-out operation leaves
 * nothing under the output name: output is written to a hidden {@code .part} file in the same
 * folder and moved into place when complete.
 *
 * <p><b>Safety</b>: inputs are read through FFmpeg's {@code file} protocol only
 * ({@code -protocol_whitelist file}), so a crafted playlist cannot make FFmpeg fetch URLs.
 */
public final class Ffmpeg implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);

    private final FfmpegLocation location;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Duration defaultTimeout;
    private final long maxInputBytes;
    private final long maxPixels;
    private final Duration maxDuration;
    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Ffmpeg(Builder b) {
        this.location = FfmpegLocator.locate(b.ffmpegPath, b.ffprobePath, b.env, Ffmpeg.class.getClassLoader());
        this.defaultTimeout = b.defaultTimeout;
        this.maxInputBytes = b.maxInputBytes;
        this.maxPixels = b.maxPixels;
        this.maxDuration = b.maxDuration;
        this.pool = new ThreadPoolExecutor(b.maxConcurrent, b.maxConcurrent, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("videosdk-ffmpeg-"));
        this.pool.allowCoreThreadTimeOut(true);
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownsScheduler = false;
        } else {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("videosdk-ffmpeg-timer-"));
            s.setRemoveOnCancelPolicy(true);
            this.scheduler = s;
            this.ownsScheduler = true;
        }
        LOG.debug("using ffmpeg {} (ffprobe {}) from {}", location.ffmpeg(), location.ffprobe(), location.source());
    }

    /** An instance with the defaults: FFmpeg located as in {@link Builder}, 2 processes at once. */
    public static Ffmpeg create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where FFmpeg was found. */
    public FfmpegLocation location() {
        return location;
    }

    /**
     * Reads duration, size, frame rate, codecs and container of a local file (with {@code ffprobe}'s
     * JSON, or {@code ffmpeg -i}'s summary when no {@code ffprobe} was found).
     *
     * @throws InvalidRequestException (in the future) when {@code input} is not a readable file
     */
    public CompletableFuture<MediaInfo> probe(Path input) {
        Path in;
        try {
            in = checkInput(input);
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit("probe", null, onStart -> probeNow(in, onStart));
    }

    /**
     * Transcodes to an H.264 (yuv420p) MP4 with AAC audio when the input has audio, the moov atom
     * first ({@code +faststart}), the options' quality preset and frame rate, scaled down (aspect
     * ratio kept, even dimensions) to the options' maximum size. Completes with the probe of the
     * output; an existing file at {@code output} is replaced only on success.
     */
    public CompletableFuture<MediaInfo> transcode(Path input, Path output, TranscodeOptions options) {
        Objects.requireNonNull(options, "options");
        return submit("transcode", options.timeout(), input, output, (onStart, in, out) -> {
            MediaInfo source = probeNow(in, onStart);
            return writeAtomically(onStart, out, "mp4", part -> {
                List<String> cmd = inputArgs(location.ffmpeg(), in);
                cmd.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
                        "-vf", videoFilter(options),
                        "-c:v", "libx264", "-preset", options.quality().x264Preset(),
                        "-crf", Integer.toString(options.quality().crf()), "-pix_fmt", "yuv420p",
                        "-c:a", "aac", "-b:a", options.quality().audioKbps() + "k",
                        "-movflags", "+faststart", "-f", "mp4", "-progress", "pipe:1", "-nostats",
                        "file:" + part));
                Consumer<String> progress = progressParser("transcode", source.duration(), options.onProgress());
                ProcessRunner.Outcome o = ProcessRunner.run(cmd, onStart, progress, 0, ProcessRunner.TAIL_LINES);
                requireSuccess(o, "transcode of " + in.getFileName());
                return probeNow(part, onStart);
            });
        });
    }

    /**
     * Writes a JPEG of one frame (the first by default) of the given size: FFmpeg decodes and scales
     * the frame, the JDK pads or crops it and encodes the JPEG at the options' quality (ImageIO, so
     * "85" means the IJG scale). Completes with {@code output}.
     */
    public CompletableFuture<Path> thumbnail(Path input, Path output, ThumbnailOptions options) {
        Objects.requireNonNull(options, "options");
        return submit("thumbnail", options.timeout(), input, output, (onStart, in, out) -> {
            probeNow(in, onStart);
            List<String> cmd = new ArrayList<>(List.of(location.ffmpeg().toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "error", "-protocol_whitelist", "file"));
            if (!options.at().isZero()) {
                cmd.addAll(List.of("-ss", seconds(options.at())));
            }
            cmd.addAll(List.of("-i", "file:" + in, "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=w=" + options.width() + ":h=" + options.height() + ":force_original_aspect_ratio="
                            + (options.fit() == ThumbnailOptions.Fit.PAD ? "decrease" : "increase")
                            + ":flags=bicubic",
                    "-f", "image2pipe", "-c:v", "png", "-pix_fmt", "rgb24", "pipe:1"));
            long maxPng = 4L * options.width() * options.height() * 4 + (1 << 20);
            ProcessRunner.Outcome o = ProcessRunner.run(cmd, onStart, null, maxPng, ProcessRunner.TAIL_LINES);
            requireSuccess(o, "thumbnail of " + in.getFileName());
            if (o.stdout().length == 0) {
                throw new MediaException("no video frame at " + options.at() + " in " + in.getFileName(),
                        o.stderrTail(), null);
            }
            return writeAtomically(onStart, out, "jpg", part -> {
                ImageFit.writeJpeg(o.stdout(), options.width(), options.height(), options.jpegQuality(), part);
                return out;
            });
        });
    }

    /**
     * Samples up to {@code count} frames (1–16) of a video to describe its motion, camera and pacing
     * (for a prompt refiner): scene changes first (FFmpeg's {@code select='gt(scene,0.3)'}), the rest
     * filled with evenly spaced frames, returned in time order. Decodes the whole video once.
     */
    public CompletableFuture<List<Keyframe>> keyframes(Path input, int count) {
        if (count < 1 || count > 16) {
            return CompletableFuture.failedFuture(TranscodeOptions.invalid("count", count, "1 to 16"));
        }
        Path in;
        try {
            in = checkInput(input);
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit("keyframes", null, run -> {
            MediaInfo info = probeNow(in, run);
            List<String> cmd = new ArrayList<>(List.of(location.ffmpeg().toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "info", "-protocol_whitelist", "file", "-i", "file:" + in, "-map", "0:v:0",
                    "-vf", "select='gt(scene,0.3)',showinfo", "-f", "null", "-"));
            ProcessRunner.Outcome o = ProcessRunner.run(cmd, run, null, 1 << 20, 20_000);
            requireSuccess(o, "scene detection of " + in.getFileName());
            List<Keyframe> frames = new ArrayList<>();
            for (KeyframePicker.Pick pick : KeyframePicker.pick(KeyframePicker.sceneTimes(o.stderrTail()),
                    info.duration(), count)) {
                List<String> grab = new ArrayList<>(List.of(location.ffmpeg().toString(), "-hide_banner", "-nostdin",
                        "-loglevel", "error", "-protocol_whitelist", "file", "-ss", seconds(pick.at()),
                        "-i", "file:" + in, "-map", "0:v:0", "-frames:v", "1",
                        "-vf", "scale=w=768:h=768:force_original_aspect_ratio=decrease",
                        "-f", "image2pipe", "-c:v", "png", "-pix_fmt", "rgb24", "pipe:1"));
                ProcessRunner.Outcome frame = ProcessRunner.run(grab, run, null, 8 << 20, ProcessRunner.TAIL_LINES);
                requireSuccess(frame, "frame at " + pick.at() + " of " + in.getFileName());
                if (frame.stdout().length > 0) {
                    frames.add(new Keyframe(pick.at(), pick.sceneChange(), ImageFit.jpegBytes(frame.stdout(), 85)));
                }
            }
            return List.copyOf(frames);
        });
    }

    /**
     * Fails every running operation (killing its process), stops the worker pool and, if this
     * instance created it, the timer thread. Waits up to 10 s for workers to finish cleaning up.
     */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : running) {
            f.completeExceptionally(new MediaException("Ffmpeg was closed", List.of(), null));
        }
        pool.shutdown();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("FFmpeg workers still running 10 s after close()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Work done on a pool thread; {@code onStart} must receive every process it starts. */
    private interface Work<T> {
        T run(Run onStart) throws IOException, InterruptedException;
    }

    /** One operation: receives its processes (killing them when the operation is already over). */
    private static final class Run implements Consumer<Process> {
        private final CompletableFuture<?> result;
        private final AtomicReference<Process> process = new AtomicReference<>();

        Run(CompletableFuture<?> result) {
            this.result = result;
        }

        @Override
        public void accept(Process p) {
            process.set(p);
            if (result.isDone()) {
                ProcessRunner.kill(p);
            }
        }

        /** True once the caller's future is done (cancelled, timed out, closed): drop the output. */
        boolean abandoned() {
            return result.isDone();
        }
    }

    /** Work reading a checked input and writing a checked output. */
    private interface FileWork<T> {
        T run(Run onStart, Path in, Path out) throws IOException, InterruptedException;
    }

    private <T> CompletableFuture<T> submit(String operation, Duration timeout, Path input, Path output,
                                            FileWork<T> work) {
        Path in;
        Path out;
        try {
            in = checkInput(input);
            out = checkOutput(in, output);
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(operation, timeout, run -> work.run(run, in, out));
    }

    /** Work that writes {@code part}; {@link #writeAtomically} moves it into place. */
    private interface PartWriter<T> {
        T write(Path part) throws IOException, InterruptedException;
    }

    private <T> CompletableFuture<T> submit(String operation, Duration timeout, Work<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new MediaException("Ffmpeg is closed", List.of(), null));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Run run = new Run(result);
        Duration limit = timeout != null ? timeout : defaultTimeout;
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> result.completeExceptionally(new MediaTimeoutException(operation, limit)),
                limit.toNanos(), TimeUnit.NANOSECONDS);
        running.add(result);
        result.whenComplete((v, e) -> {
            running.remove(result);
            timer.cancel(false);
            Process p = run.process.get();
            if (e != null && p != null) {
                ProcessRunner.kill(p);
            }
        });
        try {
            pool.execute(() -> runWork(operation, work, run, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new MediaException("Ffmpeg is closed", List.of(), e));
        }
        return result;
    }

    private static <T> void runWork(String operation, Work<T> work, Run run, CompletableFuture<T> result) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(work.run(run));
        } catch (VideoException e) {
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new MediaException(operation + " interrupted", List.of(), e));
        } catch (IOException | RuntimeException | Error e) {
            result.completeExceptionally(new MediaException(operation + " failed: " + e, List.of(), e));
        }
    }

    private static <T> T writeAtomically(Run run, Path out, String ext, PartWriter<T> writer)
            throws IOException, InterruptedException {
        Path part = out.resolveSibling("." + out.getFileName() + "." + UUID.randomUUID() + ".part." + ext);
        try {
            T value = writer.write(part);
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                throw new MediaException("FFmpeg wrote no output for " + out.getFileName(), List.of(), null);
            }
            if (run.abandoned()) {
                throw new MediaException("abandoned", List.of(), null);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return value;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private MediaInfo probeNow(Path in, Consumer<Process> onStart) throws IOException, InterruptedException {
        long size = Files.size(in);
        if (size == 0) {
            throw new InvalidMediaException(in.getFileName() + " is empty", List.of());
        }
        if (size > maxInputBytes) {
            throw new InvalidMediaException(in.getFileName() + " has " + size + " bytes; the limit is "
                    + maxInputBytes + " (Ffmpeg.builder().maxInputBytes)", List.of());
        }
        MediaInfo info;
        if (location.ffprobe() != null) {
            List<String> cmd = List.of(location.ffprobe().toString(), "-v", "error", "-protocol_whitelist", "file",
                    "-print_format", "json", "-show_format", "-show_streams", "file:" + in);
            ProcessRunner.Outcome o = ProcessRunner.run(cmd, onStart, null, 16 << 20, ProcessRunner.TAIL_LINES);
            if (o.exitCode() != 0) {
                throw new InvalidMediaException("not a media file FFmpeg can read: " + in.getFileName(),
                        o.stderrTail());
            }
            info = ProbeParser.fromFfprobeJson(o.stdout(), size, o.stderrTail());
        } else {
            List<String> cmd = List.of(location.ffmpeg().toString(), "-hide_banner", "-nostdin",
                    "-protocol_whitelist", "file", "-i", "file:" + in);
            ProcessRunner.Outcome o = ProcessRunner.run(cmd, onStart, null, 1 << 20, 400);
            info = ProbeParser.fromFfmpegSummary(o.stderrTail(), size);
        }
        if ((long) info.width() * info.height() > maxPixels) {
            throw new InvalidMediaException(in.getFileName() + " is " + info.width() + "x" + info.height()
                    + "; the limit is " + maxPixels + " pixels (Ffmpeg.builder().maxPixels)", List.of());
        }
        if (info.duration().compareTo(maxDuration) > 0) {
            throw new InvalidMediaException(in.getFileName() + " lasts " + info.duration() + "; the limit is "
                    + maxDuration + " (Ffmpeg.builder().maxDuration)", List.of());
        }
        return info;
    }

    private static List<String> inputArgs(Path ffmpeg, Path in) {
        return new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-protocol_whitelist", "file", "-i", "file:" + in));
    }

    static String videoFilter(TranscodeOptions o) {
        StringBuilder vf = new StringBuilder("fps=").append(o.frameRate());
        if (o.maxWidth() > 0 || o.maxHeight() > 0) {
            String w = o.maxWidth() > 0 ? "'min(iw," + o.maxWidth() + ")'" : "iw";
            String h = o.maxHeight() > 0 ? "'min(ih," + o.maxHeight() + ")'" : "ih";
            vf.append(",scale=w=").append(w).append(":h=").append(h).append(":force_original_aspect_ratio=decrease");
        }
        return vf.append(",scale=w='trunc(iw/2)*2':h='trunc(ih/2)*2',setsar=1,format=yuv420p").toString();
    }

    private static Consumer<String> progressParser(String operation, Duration total, Consumer<MediaProgress> listener) {
        if (listener == null) {
            return line -> { };
        }
        long[] outUs = {0};
        return line -> {
            if (line.startsWith("out_time_us=") || line.startsWith("out_time_ms=")) {
                try {
                    outUs[0] = Math.max(0, Long.parseLong(line.substring(line.indexOf('=') + 1).strip()));
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first frame
                }
            } else if (line.startsWith("progress=")) {
                MediaProgress p = new MediaProgress(operation, Duration.ofNanos(outUs[0] * 1000), total,
                        line.endsWith("end"));
                try {
                    listener.accept(p);
                } catch (RuntimeException e) {
                    LOG.warn("progress listener failed", e);
                }
            }
        };
    }

    private static void requireSuccess(ProcessRunner.Outcome o, String what) {
        if (o.exitCode() != 0) {
            throw new MediaException("ffmpeg failed (exit " + o.exitCode() + ") in " + what, o.stderrTail(), null);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static Path checkInput(Path input) {
        if (input == null) {
            throw InvalidRequestException.local(MediaException.SOURCE, "input", "input is required");
        }
        Path in = input.toAbsolutePath().normalize();
        if (!Files.isRegularFile(in) || !Files.isReadable(in)) {
            throw InvalidRequestException.local(MediaException.SOURCE, "input",
                    "input " + input + " is not a readable local file");
        }
        return in;
    }

    private static Path checkOutput(Path in, Path output) {
        if (output == null) {
            throw InvalidRequestException.local(MediaException.SOURCE, "output", "output is required");
        }
        Path out = output.toAbsolutePath().normalize();
        if (out.equals(in) || Files.isDirectory(out) || out.getFileName() == null) {
            throw InvalidRequestException.local(MediaException.SOURCE, "output",
                    "output " + output + " must be a file path other than the input");
        }
        try {
            if (Files.exists(out) && Files.isSameFile(out, in)) {
                throw InvalidRequestException.local(MediaException.SOURCE, "output",
                        "output " + output + " is the input file");
            }
        } catch (IOException e) {
            throw InvalidRequestException.local(MediaException.SOURCE, "output", "output " + output + ": " + e);
        }
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            throw InvalidRequestException.local(MediaException.SOURCE, "output",
                    "the folder of output " + output + " does not exist");
        }
        return out;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Builds {@link Ffmpeg}. FFmpeg is looked for in order: {@link #ffmpegPath}, {@code ffmpeg} and
     * {@code ffprobe} on the {@code PATH}, then an FFmpeg artifact on the class path (bytedeco's
     * {@code org.bytedeco:ffmpeg} with the platform classifier, or JAVE's
     * {@code ws.schild:jave-nativebin-*}); see the README for the licence of each.
     */
    public static final class Builder {
        private Path ffmpegPath;
        private Path ffprobePath;
        private Map<String, String> env = dev.videosdk.VideoClient.environment(); // the one place the SDK reads it
        private int maxConcurrent = 2;
        private ScheduledExecutorService scheduler;
        private Duration defaultTimeout = Duration.ofMinutes(10);
        private long maxInputBytes = 4L << 30;
        private long maxPixels = 8192L * 8192L;
        private Duration maxDuration = Duration.ofHours(2);

        private Builder() {
        }

        /** The {@code ffmpeg} executable to use (skips the search). */
        public Builder ffmpegPath(Path path) {
            this.ffmpegPath = path;
            return this;
        }

        /** The {@code ffprobe} executable to use with {@link #ffmpegPath}; optional. */
        public Builder ffprobePath(Path path) {
            this.ffprobePath = path;
            return this;
        }

        /** The environment whose {@code PATH} is searched (default: the process environment). */
        public Builder env(Map<String, String> environment) {
            this.env = Map.copyOf(environment);
            return this;
        }

        /** FFmpeg processes run at once (default 2, range 1–64); more operations wait in FIFO order. */
        public Builder maxConcurrentProcesses(int n) {
            if (n < 1 || n > 64) {
                throw TranscodeOptions.invalid("maxConcurrentProcesses", n, "1 to 64");
            }
            this.maxConcurrent = n;
            return this;
        }

        /** The scheduler for timeouts (default: one daemon thread owned by the instance); never shut down by it. */
        public Builder scheduler(ScheduledExecutorService timers) {
            this.scheduler = timers;
            return this;
        }

        /** Timeout of an operation whose options set none (default 10 minutes). */
        public Builder defaultTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw TranscodeOptions.invalid("defaultTimeout", timeout, "a positive duration");
            }
            this.defaultTimeout = timeout;
            return this;
        }

        /** Largest input file accepted, in bytes (default 4 GiB). */
        public Builder maxInputBytes(long bytes) {
            this.maxInputBytes = positive("maxInputBytes", bytes);
            return this;
        }

        /** Largest input frame accepted, width × height (default 8192 × 8192). */
        public Builder maxPixels(long pixels) {
            this.maxPixels = positive("maxPixels", pixels);
            return this;
        }

        /** Longest input accepted (default 2 hours). */
        public Builder maxDuration(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw TranscodeOptions.invalid("maxDuration", d, "a positive duration");
            }
            this.maxDuration = d;
            return this;
        }

        private static long positive(String name, long v) {
            if (v < 1) {
                throw TranscodeOptions.invalid(name, v, "a positive number");
            }
            return v;
        }

        /**
         * Locates FFmpeg and creates the instance.
         *
         * @throws dev.videosdk.ConfigurationException when FFmpeg cannot be found
         */
        public Ffmpeg build() {
            return new Ffmpeg(this);
        }
    }
}
