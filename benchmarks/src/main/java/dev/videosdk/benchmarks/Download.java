package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 4: one large asset to disk — {@code VideoClient.download} vs {@code curl -o} vs the
 * JDK's {@code BodyHandlers.ofFile}; heap growth while it runs; and a transfer the stub drops at 50 %.
 */
final class Download {
    /** One way's figures (best of the runs). */
    record Row(String way, long bytes, double seconds, double mibPerS, double ratioToCurl, double peakHeapGrowthMiB,
               double retainedHeapGrowthMiB, long requests, long bytesResent, boolean verified, String note) {
    }

    /** One transfer. */
    interface Transfer {
        void run(String url, Path target) throws Exception;

        /** Seconds the transfer itself took when it was measured elsewhere (a child JVM), else NaN. */
        default double reportedSeconds() {
            return Double.NaN;
        }
    }

    private final StubProcess stub;
    private final Options o;
    private final PrintStream out;

    Download(StubProcess stub, Options o, PrintStream out) {
        this.stub = stub;
        this.o = o;
        this.out = out;
    }

    List<Row> run() throws Exception {
        Files.createDirectories(o.workDir);
        Path target = o.workDir.resolve("download.mp4");
        String url = stub.baseUrl() + "/v1/videos/video_1/content";
        List<Row> rows = new ArrayList<>();
        try (VideoClient client = sdkClient(stub.baseUrl())) {
            Transfer sdk = (u, t) -> client.download(VideoAsset.of(URI.create(u)), t).get(10, TimeUnit.MINUTES);
            HttpClient http = HttpClient.newHttpClient();
            Transfer raw = (u, t) -> {
                HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(u)).build(), HttpResponse.BodyHandlers.ofFile(t));
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode());
                }
            };
            Transfer curl = (u, t) -> {
                Process p = new ProcessBuilder("curl", "-sS", "--fail", "-o", t.toString(), u).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IOException("curl exited with " + p.exitValue());
                }
            };
            boolean haveCurl = !o.skipCurl && curlAvailable();
            // warm up the JIT on a small transfer for each JVM way
            stub.reset(0, 0, 16L << 20, -1);
            sdk.run(url, target);
            raw.run(url, target);
            Files.deleteIfExists(target);
            int runs = o.quick ? 1 : 2;
            Row curlRow = haveCurl ? best("curl -o", curl, url, target, runs, -1) : null;
            Row sdkRow = best("VideoClient.download", sdk, url, target, runs, -1);
            Row rawRow = best("HttpClient ofFile", raw, url, target, runs, -1);
            Row drop = best("VideoClient.download, dropped at 50 %", sdk, url, target, 1, 0.5);
            Row curlSync = haveCurl && !o.quick ? best("curl -o, then fsync (like the SDK)", (u, t) -> {
                curl.run(u, t);
                fsync(t);
            }, url, target, runs, -1) : null;
            Row child = best("VideoClient.download in a -Xmx32m JVM", child(List.of("-Xmx32m")), url, target, runs, -1);
            Row childBig = best("same, -Djdk.httpclient.bufsize=256 KiB", child(List.of("-Xmx32m", "-Djdk.httpclient.bufsize=262144")),
                    url, target, runs, -1);
            double ref = curlRow != null ? curlRow.mibPerS() : Double.NaN;
            List<Row> all = new ArrayList<>();
            for (Row r : new Row[] {curlRow, curlSync, sdkRow, rawRow, drop, child, childBig}) {
                if (r != null) {
                    all.add(r);
                }
            }
            for (Row r : all) {
                rows.add(new Row(r.way(), r.bytes(), r.seconds(), r.mibPerS(), r.mibPerS() / ref, r.peakHeapGrowthMiB(),
                        r.retainedHeapGrowthMiB(), r.requests(), r.bytesResent(), r.verified(), r.note()));
            }
            if (curlRow == null) {
                out.println("note: curl not found; install it (benchmarks/run.sh does) for the reference row");
            }
        }
        Table t = new Table("Scenario 4: download " + (o.downloadBytes >> 20) + " MiB to disk (best of " + (o.quick ? 1 : 2) + ")",
                "way", "MiB/s", "x curl", "seconds", "peak heap growth MiB", "retained growth MiB", "requests", "bytes re-sent",
                "verified");
        for (Row r : rows) {
            t.row(r.way(), r.mibPerS(), r.ratioToCurl(), r.seconds(), r.peakHeapGrowthMiB(), r.retainedHeapGrowthMiB(),
                    r.requests(), r.bytesResent(), r.verified());
        }
        t.print(out);
        ObjectNode json = Table.json("download");
        json.put("bytes", o.downloadBytes).put("dir", o.workDir.toString());
        ArrayNode arr = json.putArray("rows");
        for (Row r : rows) {
            arr.add(Table.JSON.valueToTree(r));
        }
        out.println(json);
        return rows;
    }

    private Row best(String way, Transfer transfer, String url, Path target, int runs, double dropAt) throws Exception {
        Row best = null;
        for (int i = 0; i < runs; i++) {
            Row r = once(way, transfer, url, target, dropAt);
            out.printf("[download] %s: %.0f MiB/s, peak heap +%.1f MiB%n", way, r.mibPerS(), r.peakHeapGrowthMiB());
            if (best == null || r.mibPerS() > best.mibPerS()) {
                best = r;
            }
        }
        return best;
    }

    private Row once(String way, Transfer transfer, String url, Path target, double dropAt) throws Exception {
        Files.deleteIfExists(target);
        stub.reset(0, 0, o.downloadBytes, dropAt);
        StubProcess.Stats before = stub.stats();
        long baseline = Probe.retainedHeap();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(Probe.usedHeap(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        String note = "";
        try {
            transfer.run(url, target);
        } catch (Exception e) {
            note = "failed: " + e;
        }
        double seconds = Double.isNaN(transfer.reportedSeconds()) ? (System.nanoTime() - t0) / 1e9 : transfer.reportedSeconds();
        running.set(false);
        sampler.join();
        boolean child = !Double.isNaN(transfer.reportedSeconds());
        long retained = Probe.retainedHeap();
        long size = Files.exists(target) ? Files.size(target) : 0;
        boolean ok = size == o.downloadBytes && verify(target);
        StubProcess.Stats used = stub.stats().minus(before);
        long resent = used.bytesSent() - o.downloadBytes;
        Files.deleteIfExists(target);
        return new Row(way, size, seconds, o.downloadBytes / 1048576.0 / seconds, Double.NaN,
                child ? Double.NaN : (peak.get() - baseline) / 1048576.0, child ? Double.NaN : (retained - baseline) / 1048576.0, used.content(), resent, ok, note);
    }

    /** Checks the pattern (byte at p is p % 251, after the ftyp header) at a few offsets, including around the middle. */
    private boolean verify(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            for (long p : new long[] {StubServer.FTYP.length, len / 2 - 1, len / 2, len / 2 + 1, len / 3, len - 1}) {
                f.seek(p);
                if (f.read() != (int) (p % 251)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void fsync(Path file) throws IOException {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            c.force(false);
        }
    }

    /** The SDK download run in a child JVM with these options (its heap cannot grow past -Xmx). */
    private static Transfer child(List<String> jvmOptions) {
        return new Transfer() {
            private double seconds = Double.NaN;

            @Override
            public void run(String u, Path t) throws Exception {
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(jvmOptions);
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Download.class.getName(), u, t.toString()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (p.waitFor() != 0 || !output.contains("SECONDS ")) {
                    throw new IOException("child JVM failed: " + output);
                }
                seconds = Double.parseDouble(output.substring(output.indexOf("SECONDS ") + 8).trim());
            }

            @Override
            public double reportedSeconds() {
                return seconds;
            }
        };
    }

    /** Child JVM: downloads {@code args[0]} to {@code args[1]} with a default {@link VideoClient}. */
    public static void main(String[] args) throws Exception {
        try (VideoClient client = sdkClient("http://127.0.0.1")) {
            long t0 = System.nanoTime();
            client.download(VideoAsset.of(URI.create(args[0])), Path.of(args[1])).get(10, TimeUnit.MINUTES);
            System.out.println("SECONDS " + (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A client with the openai provider pointed at the stub; downloads of plain URLs need no key. */
    static VideoClient sdkClient(String stubUrl) {
        return VideoClient.builder().env(Map.of("OPENAI_API_KEY", "bench-key", "OPENAI_BASE_URL", stubUrl + "/v1"))
                .defaultProvider("openai").maxDownloadBytes(8L << 30).build();
    }

    static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
