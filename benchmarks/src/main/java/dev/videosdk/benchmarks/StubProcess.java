package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The stub in a child JVM, and its admin calls (plain {@link HttpURLConnection}: no client threads). */
final class StubProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;

    private StubProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Forks {@code java -cp <our class path> StubServer threads} and waits for its port. */
    static StubProcess start(int threads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4",
                "-cp", System.getProperty("java.class.path"), StubServer.class.getName(), Integer.toString(threads)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.startsWith("STUB_PORT ")) {
            p.destroy();
            throw new IOException("stub did not start: " + line);
        }
        return new StubProcess(p, "http://127.0.0.1:" + line.substring("STUB_PORT ".length()).trim());
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** Clears jobs and counters and sets the job-duration range and asset. */
    Stats reset(long minMs, long maxMs, long assetBytes, double dropAt) {
        return Stats.of(get("/admin/reset?minMs=" + minMs + "&maxMs=" + maxMs + "&assetBytes=" + assetBytes + "&dropAt=" + dropAt));
    }

    Stats stats() {
        return Stats.of(get("/admin/stats"));
    }

    /** Server-side completion instants (epoch µs) by job number; 0 for jobs not complete. */
    long[] completions(int jobs) {
        long[] at = new long[jobs + 1];
        for (String line : get("/admin/completions").split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            int n = Integer.parseInt(line.substring(0, sp));
            if (n <= jobs) {
                at[n] = Long.parseLong(line.substring(sp + 1));
            }
        }
        return at;
    }

    private String get(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stub admin call " + path + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    /** The stub's counters. */
    record Stats(long creates, long status, long content, long bytesSent, long cpuNanos, int threads) {
        static Stats of(String json) {
            try {
                JsonNode n = JSON.readTree(json);
                return new Stats(n.get("creates").asLong(), n.get("status").asLong(), n.get("content").asLong(),
                        n.get("bytesSent").asLong(), n.get("cpuNanos").asLong(), n.get("threads").asInt());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Stats minus(Stats before) {
            return new Stats(creates - before.creates, status - before.status, content - before.content,
                    bytesSent - before.bytesSent, cpuNanos - before.cpuNanos, threads);
        }
    }
}
