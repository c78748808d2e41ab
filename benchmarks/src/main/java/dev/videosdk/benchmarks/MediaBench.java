package dev.videosdk.benchmarks;

import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.Quality;
import dev.videosdk.media.ThumbnailOptions;
import dev.videosdk.media.TranscodeOptions;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 17's measurement: transcode and thumbnail of a generated 10 s 1080p clip through
 * {@link Ffmpeg} against the same FFmpeg command run directly with {@link ProcessBuilder}, in
 * alternating rounds. CPU is this JVM's CPU plus that of its reaped children
 * ({@code /proc/self/stat} cutime + cstime), so FFmpeg's own CPU is counted on both sides.
 *
 * <pre>java -cp ... dev.videosdk.benchmarks.MediaBench [rounds]</pre>
 *
 * Needs FFmpeg on the PATH or an FFmpeg artifact on the class path (the benchmarks module has
 * JAVE's static build as a runtime dependency).
 */
public final class MediaBench {
    private MediaBench() {
    }

    private interface Action {
        void run() throws Exception;
    }

    private record Sample(double wallMs, double cpuMs) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("media-bench");
        try (Ffmpeg ffmpeg = Ffmpeg.create()) {
            String ff = ffmpeg.location().ffmpeg().toString();
            Path clip = dir.resolve("clip1080.mp4");
            exec(List.of(ff, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                    "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=10",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=10", "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString()));
            Quality q = Quality.LOW;
            // the command Ffmpeg.transcode runs (see Ffmpeg.transcode and Ffmpeg.videoFilter)
            List<String> direct = List.of(ff, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                    "-protocol_whitelist", "file", "-i", "file:" + clip, "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
                    "-vf", "fps=30,scale=w='trunc(iw/2)*2':h='trunc(ih/2)*2',setsar=1,format=yuv420p",
                    "-c:v", "libx264", "-preset", q.x264Preset(), "-crf", Integer.toString(q.crf()),
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", q.audioKbps() + "k", "-movflags", "+faststart",
                    "-f", "mp4", "-progress", "pipe:1", "-nostats", "file:" + dir.resolve("direct.mp4"));
            // the frame Ffmpeg.thumbnail asks for, written by FFmpeg itself (the SDK adds ImageIO's JPEG)
            List<String> directThumb = List.of(ff, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                    "-protocol_whitelist", "file", "-i", "file:" + clip, "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=w=1280:h=720:force_original_aspect_ratio=decrease:flags=bicubic",
                    "-f", "image2", "-c:v", "png", "-pix_fmt", "rgb24", dir.resolve("direct.png").toString());
            TranscodeOptions options = TranscodeOptions.builder().quality(q).build();
            List<Sample> tDirect = new ArrayList<>();
            List<Sample> tSdk = new ArrayList<>();
            List<Sample> pDirect = new ArrayList<>();
            List<Sample> pSdk = new ArrayList<>();
            for (int i = 0; i <= rounds; i++) {
                boolean warmup = i == 0;
                Sample a = measure(() -> exec(direct));
                Sample b = measure(() -> ffmpeg.transcode(clip, dir.resolve("sdk.mp4"), options).join());
                Sample c = measure(() -> exec(directThumb));
                Sample d = measure(() -> ffmpeg.thumbnail(clip, dir.resolve("sdk.jpg"), ThumbnailOptions.defaults())
                        .join());
                if (!warmup) {
                    tDirect.add(a);
                    tSdk.add(b);
                    pDirect.add(c);
                    pSdk.add(d);
                }
            }
            System.out.println("FFmpeg: " + ffmpeg.location().source() + ", " + rounds + " rounds after 1 warm-up,"
                    + " medians; transcode preset " + q);
            System.out.println("| operation | direct wall ms | SDK wall ms | wall overhead | direct CPU ms | SDK CPU ms"
                    + " | CPU overhead |");
            System.out.println("|---|---|---|---|---|---|---|");
            row("transcode 10 s 1080p", tDirect, tSdk);
            row("thumbnail 1280x720", pDirect, pSdk);
        }
    }

    private static void row(String name, List<Sample> direct, List<Sample> sdk) {
        double dw = median(direct.stream().mapToDouble(Sample::wallMs).toArray());
        double sw = median(sdk.stream().mapToDouble(Sample::wallMs).toArray());
        double dc = median(direct.stream().mapToDouble(Sample::cpuMs).toArray());
        double sc = median(sdk.stream().mapToDouble(Sample::cpuMs).toArray());
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %+.1f %% | %.0f | %.0f | %+.1f %% |%n",
                name, dw, sw, 100 * (sw - dw) / dw, dc, sc, 100 * (sc - dc) / dc);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Sample measure(Action action) throws Exception {
        long wall = System.nanoTime();
        double cpu = cpuMs();
        action.run();
        return new Sample((System.nanoTime() - wall) / 1e6, cpuMs() - cpu);
    }

    /** This JVM's CPU plus its reaped children's, in ms. */
    private static double cpuMs() throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long childTicks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (fields 16, 17)
        return os.getProcessCpuTime() / 1e6 + childTicks * 10.0; // USER_HZ = 100
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + cmd);
        }
    }
}
