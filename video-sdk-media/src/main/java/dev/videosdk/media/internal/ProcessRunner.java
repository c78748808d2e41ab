package dev.videosdk.media.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one FFmpeg process from an argument list (never a shell) on the calling thread. Stderr goes
 * to a temporary file, so the caller's single thread can read stdout without a second reader
 * thread; the last lines of stderr are kept for error messages.
 */
public final class ProcessRunner {
    /** Stderr lines quoted in errors. */
    public static final int TAIL_LINES = 8;
    private static final int TAIL_BYTES = 64 * 1024;

    /** The end of a process. */
    public record Outcome(int exitCode, byte[] stdout, List<String> stderrTail) {
    }

    private ProcessRunner() {
    }

    /**
     * Starts {@code command}, hands the process to {@code onStart} (so a canceller can kill it),
     * then either feeds stdout line by line to {@code stdoutLines} or, when that is null, collects
     * stdout up to {@code maxStdout} bytes; waits for the exit. Keeps the last {@code stderrLines}
     * lines of stderr (from its last 64 KiB).
     */
    public static Outcome run(List<String> command, Consumer<Process> onStart, Consumer<String> stdoutLines,
                              long maxStdout, int stderrLines) throws IOException, InterruptedException {
        Path err = Files.createTempFile("videosdk-ffmpeg-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectError(err.toFile());
            Process p = pb.start();
            byte[] out = new byte[0];
            try {
                onStart.accept(p);
                if (stdoutLines != null) {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            stdoutLines.accept(line);
                        }
                    }
                } else {
                    out = readBounded(p.getInputStream(), maxStdout);
                }
                int code = p.waitFor();
                return new Outcome(code, out, tail(err, stderrLines));
            } finally {
                if (p.isAlive()) {
                    kill(p);
                }
            }
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Kills a process and its descendants at once. */
    public static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (buf.size() + (long) n > max) {
                    throw new IOException("ffmpeg wrote more than " + max + " bytes to stdout");
                }
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        }
    }

    static List<String> tail(Path file, int maxLines) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long start = Math.max(0, len - TAIL_BYTES);
            byte[] b = new byte[(int) (len - start)];
            f.seek(start);
            f.readFully(b);
            String[] lines = new String(b, StandardCharsets.UTF_8).split("\r?\n|\r");
            List<String> kept = new ArrayList<>();
            for (int i = lines.length - 1; i >= 0 && kept.size() < maxLines; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !(start > 0 && i == 0)) {
                    kept.add(0, line.length() > 300 ? line.substring(0, 300) + "…" : line);
                }
            }
            return kept;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
