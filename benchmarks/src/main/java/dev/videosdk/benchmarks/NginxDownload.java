package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6: one large MP4 from nginx on loopback to disk, the SDK against curl in the same run
 * (issue 12, ADR 0008). Every JVM way runs in its own {@code -Xmx32m} JVM that reports its wall
 * time, process CPU time, GC count and heap growth around the transfer. Besides the SDK, the
 * candidate download paths are measured the same way, so the choice in ADR 0008 can be checked:
 * the JDK client's reactive body into a file ({@code BodyHandlers.ofFile}), the JDK client's
 * {@code InputStream} body with 1 MiB reads, and {@code HttpURLConnection} with 1 MiB reads.
 *
 * <p>Run: {@code java -cp ... dev.videosdk.benchmarks.NginxDownload [--mib=1024] [--runs=3]}; needs
 * {@code nginx} and {@code curl} on the PATH (Debian: {@code apt-get install nginx-light curl}).
 */
public final class NginxDownload {
    private static final byte[] FTYP = StubServer.FTYP;
    private static final int CHUNK = 1 << 20;

    /** One way's figures (best wall time of the runs; CPU, GCs and heap from that run). */
    record Row(String way, double seconds, double mibPerS, double ratioToCurl, double ratioToCurlFsync, double cpuSecondsPerGiB,
               double gcsPerGiB, double heapGrowthMiB, boolean verified) {
    }

    private NginxDownload() {
    }

    public static void main(String[] args) throws Exception {
        int mib = 1024;
        int runs = 3;
        for (String a : args) {
            if (a.startsWith("--mib=")) {
                mib = Integer.parseInt(a.substring(6));
            } else if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--child=")) {
                child(a.substring(8), args[args.length - 2], Path.of(args[args.length - 1]));
                return;
            }
        }
        run(System.out, mib, runs);
    }

    static List<Row> run(PrintStream out, int mib, int runs) throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "videosdk-nginx-bench");
        Files.createDirectories(dir.resolve("www"));
        long bytes = (long) mib << 20;
        writeAsset(dir.resolve("www/video.mp4"), bytes);
        writeAsset(dir.resolve("www/warm.mp4"), 32L << 20);
        Path target = dir.resolve("download.mp4");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process nginx = startNginx(dir, port);
        try {
            String url = "http://127.0.0.1:" + port + "/video.mp4";
            Map<String, List<Row>> all = new LinkedHashMap<>();
            String[] ways = System.getProperty("bench.ways") != null ? System.getProperty("bench.ways").split(";")
                    : new String[] {"curl -o", "curl -o, then fsync", "VideoClient.download (-Xmx32m)", "HttpURLConnection 1 MiB reads (-Xmx32m)",
                "HttpURLConnection 1 MiB reads, 30 s read timeout (-Xmx32m)", "HttpClient ofInputStream 1 MiB reads (-Xmx32m)",
                "HttpClient ofFile (-Xmx32m)"};
            for (int r = 0; r < runs; r++) {
                for (String way : ways) { // interleaved, so drift on a shared machine hits every way alike
                    Files.deleteIfExists(target);
                    Row row = once(way, url, target, bytes);
                    out.printf("[nginx-download] run %d %s: %.0f MiB/s, %.2f CPU s/GiB, %.0f GCs/GiB, heap +%.1f MiB%s%n", r + 1, way,
                            row.mibPerS(), row.cpuSecondsPerGiB(), row.gcsPerGiB(), row.heapGrowthMiB(), row.verified() ? "" : " NOT VERIFIED");
                    all.computeIfAbsent(way, k -> new ArrayList<>()).add(row);
                }
            }
            Files.deleteIfExists(target);
            List<Row> best = new ArrayList<>();
            all.forEach((way, rows) -> best.add(rows.stream().max((a, b) -> Double.compare(a.mibPerS(), b.mibPerS())).orElseThrow()));
            double curl = best.get(0).mibPerS();
            double curlSync = best.get(1).mibPerS();
            List<Row> rows = best.stream().map(r -> new Row(r.way(), r.seconds(), r.mibPerS(), r.mibPerS() / curl, r.mibPerS() / curlSync,
                    r.cpuSecondsPerGiB(), r.gcsPerGiB(), r.heapGrowthMiB(), r.verified())).toList();
            Table t = new Table("Scenario 6: download " + mib + " MiB from nginx on loopback (best of " + runs + ")",
                    "way", "MiB/s", "x curl", "x curl+fsync", "seconds", "CPU s per GiB", "GCs per GiB", "heap growth MiB", "verified");
            for (Row r : rows) {
                t.row(r.way(), r.mibPerS(), r.ratioToCurl(), r.ratioToCurlFsync(), r.seconds(), r.cpuSecondsPerGiB(), r.gcsPerGiB(),
                        r.heapGrowthMiB(), r.verified());
            }
            t.print(out);
            ObjectNode json = Table.json("nginx-download");
            json.put("bytes", bytes);
            ArrayNode arr = json.putArray("rows");
            rows.forEach(r -> arr.add(Table.JSON.valueToTree(r)));
            out.println(json);
            return rows;
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Row once(String way, String url, Path target, long bytes) throws Exception {
        double gib = bytes / (double) (1L << 30);
        long t0 = System.nanoTime();
        if (way.startsWith("curl")) {
            // `times` prints the shell's children's user and system CPU on its second line
            Process p = new ProcessBuilder("bash", "-c", "curl -sS --fail -o \"$1\" \"$2\" && times", "sh", target.toString(), url)
                    .redirectErrorStream(true).start();
            String times = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("curl failed: " + times);
            }
            if (way.contains("fsync")) {
                try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    c.force(false);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = childCpu(times);
            return new Row(way, s, bytes / 1048576.0 / s, Double.NaN, Double.NaN, cpu / gib, 0, 0, verify(target, bytes));
        }
        String kind = way.startsWith("VideoClient") ? "sdk" : way.startsWith("HttpURLConnection") && way.contains("timeout")
                ? "urlconnection-timeout" : way.startsWith("HttpURLConnection") ? "urlconnection"
                : way.contains("ofInputStream") ? "inputstream" : "offile";
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), NginxDownload.class.getName(), "--child=" + kind, url, target.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !output.contains("RESULT ")) {
            throw new IOException(way + ": child JVM failed: " + output);
        }
        String[] f = output.substring(output.indexOf("RESULT ") + 7).trim().split("\\s+");
        double s = Double.parseDouble(f[0]);
        return new Row(way, s, bytes / 1048576.0 / s, Double.NaN, Double.NaN, Double.parseDouble(f[1]) / gib,
                Double.parseDouble(f[2]) / gib, Double.parseDouble(f[3]), verify(target, bytes));
    }

    /** Child JVM: one warm-up transfer of 32 MiB, then the measured one; prints seconds, CPU s, GCs, heap growth MiB. */
    private static void child(String kind, String url, Path target) throws Exception {
        String warm = url.replace("/video.mp4", "/warm.mp4");
        try (VideoClient client = kind.equals("sdk") ? Download.sdkClient("http://127.0.0.1") : null) {
            transfer(kind, client, warm, target);
            Files.deleteIfExists(target);
            System.gc();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP).toList();
            long usedBefore = heap.stream().mapToLong(m -> m.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcs0 = gcCount();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            transfer(kind, client, url, target);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long gcs = gcCount() - gcs0;
            long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
            System.out.printf("RESULT %.4f %.4f %d %.2f%n", seconds, cpu, gcs, Math.max(0, peak - usedBefore) / 1048576.0);
        }
    }

    /** User + system seconds from the second line of bash's {@code times} ({@code 0m0.120s 0m0.450s}). */
    private static double childCpu(String times) {
        String[] lines = times.trim().split("\n");
        double sum = 0;
        for (String part : lines[lines.length - 1].trim().split("\\s+")) {
            int m = part.indexOf('m');
            sum += Double.parseDouble(part.substring(0, m)) * 60 + Double.parseDouble(part.substring(m + 1, part.length() - 1));
        }
        return sum;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static void transfer(String kind, VideoClient client, String url, Path target) throws Exception {
        switch (kind) {
            case "sdk" -> client.download(VideoAsset.of(URI.create(url)), target).get(10, TimeUnit.MINUTES);
            case "urlconnection", "urlconnection-timeout" -> {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (kind.endsWith("timeout")) {
                    c.setReadTimeout(30_000);
                }
                try (InputStream in = c.getInputStream(); FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    copy(in, out);
                    out.force(false);
                }
            }
            case "inputstream" -> {
                HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body(); FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    copy(in, out);
                    out.force(false);
                }
            }
            default -> {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(target));
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    out.force(false);
                }
            }
        }
    }

    private static void copy(InputStream in, FileChannel out) throws IOException {
        byte[] b = new byte[CHUNK];
        int n;
        while ((n = in.readNBytes(b, 0, CHUNK)) > 0) {
            ByteBuffer buf = ByteBuffer.wrap(b, 0, n);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        }
    }

    /** An MP4-looking file: an {@code ftyp} box, then byte p = p % 251. */
    private static void writeAsset(Path file, long bytes) throws IOException {
        if (Files.exists(file) && Files.size(file) == bytes) {
            return;
        }
        byte[] block = new byte[251 * 4096];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i % 251);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            long p = 0;
            while (p < bytes) {
                int n = (int) Math.min(block.length, bytes - p);
                if (p == 0) {
                    byte[] first = block.clone();
                    System.arraycopy(FTYP, 0, first, 0, FTYP.length);
                    out.write(first, 0, n);
                } else {
                    out.write(block, 0, n);
                }
                p += n;
            }
        }
    }

    private static boolean verify(Path file, long bytes) throws IOException {
        if (!Files.exists(file) || Files.size(file) != bytes) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            for (long p : new long[] {FTYP.length, bytes / 2 - 1, bytes / 2, bytes / 3, bytes - 1}) {
                f.seek(p);
                if (f.read() != (int) (p % 251)) {
                    return false;
                }
            }
            f.seek(4);
            return f.read() == 'f';
        }
    }

    /** Starts nginx in the foreground with a private config serving {@code dir/www} on {@code port}. */
    private static Process startNginx(Path dir, int port) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        String conf = "daemon off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("logs/error.log")
                + ";\nevents { worker_connections 64; }\nhttp {\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
                + " types { video/mp4 mp4; }\n client_body_temp_path " + dir.resolve("tmp") + ";\n server {\n  listen 127.0.0.1:" + port
                + ";\n  root " + dir.resolve("www") + ";\n }\n}\n";
        Files.createDirectories(dir.resolve("tmp"));
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder("nginx", "-c", confFile.toString(), "-p", dir.toString(), "-e", dir.resolve("logs/error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < giveUp) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                if (s.isConnected()) {
                    return p;
                }
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("nginx exited: " + Files.readString(dir.resolve("logs/stdout.log")));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        p.destroy();
        throw new IOException("nginx did not listen on " + port);
    }
}
