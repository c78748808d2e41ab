package dev.videosdk.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates tiny test videos with the same FFmpeg the SDK found (lavfi sources), so no media file is
 * committed. Tests use the JAVE static FFmpeg from Maven Central (test scope) unless FFmpeg is on
 * the PATH.
 */
final class TestMedia {
    private TestMedia() {
    }

    /** Runs {@code ffmpeg -y -loglevel error <args> <out>} and returns {@code out}. */
    static Path make(Ffmpeg ffmpeg, Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.location().ffmpeg().toString(),
                "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + cmd + "\n" + log);
        }
        return out;
    }

    /** An H.264/AAC MP4 with a test pattern and a sine tone. */
    static Path mp4WithAudio(Ffmpeg f, Path out, int w, int h, int fps, double seconds)
            throws IOException, InterruptedException {
        return make(f, out, "-f", "lavfi", "-i", "testsrc=size=" + w + "x" + h + ":rate=" + fps + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** A silent H.264 MP4 of a test pattern. */
    static Path mp4(Ffmpeg f, Path out, int w, int h, int fps, double seconds) throws IOException, InterruptedException {
        return make(f, out, "-f", "lavfi", "-i", "testsrc=size=" + w + "x" + h + ":rate=" + fps + ":duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** A 1.2 s H.264 MP4 of three 0.4 s scenes: red, white, blue (scene changes at 0.4 and 0.8 s). */
    static Path threeScenes(Ffmpeg f, Path out) throws IOException, InterruptedException {
        return make(f, out,
                "-f", "lavfi", "-i", "color=c=red:size=160x90:rate=25:duration=0.4",
                "-f", "lavfi", "-i", "color=c=white:size=160x90:rate=25:duration=0.4",
                "-f", "lavfi", "-i", "color=c=blue:size=160x90:rate=25:duration=0.4",
                "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1[v]", "-map", "[v]",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }
}
