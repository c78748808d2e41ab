package dev.videosdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A loopback server speaking the OpenAI-style {@code /v1/videos} lifecycle, run in its own JVM so
 * that its threads, heap and CPU never count against the client being measured.
 *
 * <ul>
 *   <li>{@code POST /v1/videos} creates job {@code video_<n>} (n counts from 1 after each reset) with a
 *       duration drawn uniformly from the configured range; answers {@code queued}, progress 0.</li>
 *   <li>{@code GET /v1/videos/{id}}: {@code queued} for the first 10 %, then {@code in_progress} with a
 *       linear {@code progress}, then {@code completed}. The server-side completion instant of a job is
 *       its creation instant plus its duration (no timer needed).</li>
 *   <li>{@code GET /v1/videos/{id}/content}: {@code assetBytes}: an MP4 {@code ftyp} box header, then a fixed pattern (byte at offset p is
 *       {@code p % 251}) with {@code Content-Length}, {@code Accept-Ranges} and {@code Range} support; once
 *       armed, the first response drops the connection at {@code dropAt} of the asset.</li>
 *   <li>{@code /admin/reset?minMs=&maxMs=&assetBytes=&dropAt=&seed=}, {@code /admin/stats},
 *       {@code /admin/completions} (lines {@code n epochMicros} of jobs complete by now).</li>
 * </ul>
 *
 * <p>Run with {@code java -cp ... dev.videosdk.benchmarks.StubServer [threads]}: prints
 * {@code STUB_PORT <port>} and serves until its standard input closes.
 */
public final class StubServer implements AutoCloseable {
    static final int MAX_JOBS = 1 << 20;
    private static final byte[] PATTERN = pattern();
    /** The first bytes of every asset: an MP4 {@code ftyp} box header ({@code isom}). */
    static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};

    private final HttpServer server;
    private final ExecutorService executor;
    private final long epochMicrosAtStart = System.currentTimeMillis() * 1000L;
    private final long nanosAtStart = System.nanoTime();

    private final AtomicInteger jobCount = new AtomicInteger();
    private final AtomicReferenceArray<long[]> jobs = new AtomicReferenceArray<>(MAX_JOBS + 1);
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong statusRequests = new AtomicLong();
    private final AtomicLong contentRequests = new AtomicLong();
    private final AtomicLong otherRequests = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicBoolean dropArmed = new AtomicBoolean();
    private volatile long minMillis = 5_000;
    private volatile long maxMillis = 20_000;
    private volatile long assetBytes = 1024;
    private volatile double dropAt = -1;
    private volatile SplittableRandom random = new SplittableRandom(42);

    /** Starts on a loopback port with {@code threads} handler threads. */
    public StubServer(int threads) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "600");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16_384);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "stub-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(threads, factory);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:1234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private long epochMicros(long nanos) {
        return epochMicrosAtStart + (nanos - nanosAtStart) / 1000L;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            drain(ex.getRequestBody());
            if (path.startsWith("/admin/")) {
                otherRequests.incrementAndGet();
                admin(ex, path);
            } else if (path.equals("/v1/videos") && method.equals("POST")) {
                creates.incrementAndGet();
                create(ex);
            } else if (path.startsWith("/v1/videos/") && path.endsWith("/content") && method.equals("GET")) {
                contentRequests.incrementAndGet();
                content(ex);
            } else if (path.startsWith("/v1/videos/") && method.equals("GET")) {
                statusRequests.incrementAndGet();
                status(ex, path.substring("/v1/videos/".length()));
            } else {
                otherRequests.incrementAndGet();
                json(ex, 404, "{\"error\":{\"message\":\"no route " + method + " " + path + "\",\"type\":\"invalid_request_error\"}}");
            }
        } catch (IOException e) {
            // the client went away, or a deliberate drop; nothing to answer
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard the request body
        }
    }

    private void create(HttpExchange ex) throws IOException {
        int n = jobCount.incrementAndGet();
        if (n > MAX_JOBS) {
            json(ex, 429, "{\"error\":{\"message\":\"stub job table full\",\"type\":\"rate_limit\"}}");
            return;
        }
        long duration = minMillis + (maxMillis > minMillis ? nextLong(maxMillis - minMillis + 1) : 0);
        long now = System.nanoTime();
        jobs.set(n, new long[] {now, now + duration * 1_000_000L});
        json(ex, 200, video(n, "queued", 0, now));
    }

    private synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }

    private void status(HttpExchange ex, String id) throws IOException {
        int n = parseId(id);
        long[] job = n > 0 && n <= MAX_JOBS ? jobs.get(n) : null;
        if (job == null) {
            json(ex, 404, "{\"error\":{\"message\":\"Video not found\",\"type\":\"invalid_request_error\",\"code\":\"not_found\"}}");
            return;
        }
        long now = System.nanoTime();
        long total = job[1] - job[0];
        long elapsed = now - job[0];
        String body;
        if (elapsed >= total) {
            body = video(n, "completed", 100, now);
        } else if (elapsed < total / 10) {
            body = video(n, "queued", 0, now);
        } else {
            body = video(n, "in_progress", (int) (100 * elapsed / total), now);
        }
        json(ex, 200, body);
    }

    static int parseId(String id) {
        if (!id.startsWith("video_")) {
            return -1;
        }
        try {
            return Integer.parseInt(id, "video_".length(), id.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String video(int n, String status, int progress, long nowNanos) {
        long created = epochMicros(jobs.get(n)[0]) / 1_000_000L;
        String completedAt = status.equals("completed") ? Long.toString(epochMicros(jobs.get(n)[1]) / 1_000_000L) : "null";
        return "{\"id\":\"video_" + n + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"" + status
                + "\",\"progress\":" + progress + ",\"created_at\":" + created + ",\"completed_at\":" + completedAt
                + ",\"expires_at\":null,\"prompt\":\"benchmark\",\"size\":\"720x1280\",\"seconds\":\"4\","
                + "\"remixed_from_video_id\":null,\"error\":null}";
    }

    private void content(HttpExchange ex) throws IOException {
        long size = assetBytes;
        long start = 0;
        long end = size - 1;
        String range = ex.getRequestHeaders().getFirst("Range");
        boolean partial = false;
        if (range != null && range.startsWith("bytes=")) {
            String[] se = range.substring(6).split("-", 2);
            start = Long.parseLong(se[0].trim());
            if (se.length > 1 && !se[1].isBlank()) {
                end = Math.min(end, Long.parseLong(se[1].trim()));
            }
            if (start >= size) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            partial = true;
        }
        long length = end - start + 1;
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (partial) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        ex.sendResponseHeaders(partial ? 206 : 200, length);
        long dropPoint = dropAt > 0 ? (long) (size * dropAt) : Long.MAX_VALUE;
        boolean drop = dropPoint > start && dropPoint <= end && dropArmed.compareAndSet(true, false);
        long stop = drop ? dropPoint : end + 1;
        OutputStream out = ex.getResponseBody();
        long p = start;
        if (p < FTYP.length && p < stop) { // an MP4 ftyp box first, so the SDK's media check passes
            int len = (int) Math.min(FTYP.length - p, stop - p);
            out.write(FTYP, (int) p, len);
            bytesSent.addAndGet(len);
            p += len;
        }
        while (p < stop) {
            int off = (int) (p % PATTERN.length);
            int len = (int) Math.min(PATTERN.length - off, stop - p);
            out.write(PATTERN, off, len);
            bytesSent.addAndGet(len);
            p += len;
        }
        if (drop) {
            out.flush();
            ex.close(); // fewer bytes than Content-Length: the server closes the connection
        }
    }

    private static byte[] pattern() {
        byte[] b = new byte[251 * 4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    private void admin(HttpExchange ex, String path) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        switch (path) {
            case "/admin/reset" -> {
                for (int i = 1, max = Math.min(jobCount.get(), MAX_JOBS); i <= max; i++) {
                    jobs.set(i, null);
                }
                jobCount.set(0);
                minMillis = Long.parseLong(q.getOrDefault("minMs", "5000"));
                maxMillis = Long.parseLong(q.getOrDefault("maxMs", "20000"));
                assetBytes = Long.parseLong(q.getOrDefault("assetBytes", "1024"));
                dropAt = Double.parseDouble(q.getOrDefault("dropAt", "-1"));
                dropArmed.set(dropAt > 0);
                random = new SplittableRandom(Long.parseLong(q.getOrDefault("seed", "42")));
                json(ex, 200, stats());
            }
            case "/admin/stats" -> json(ex, 200, stats());
            case "/admin/completions" -> {
                StringBuilder sb = new StringBuilder(jobCount.get() * 24);
                long now = System.nanoTime();
                for (int i = 1, max = Math.min(jobCount.get(), MAX_JOBS); i <= max; i++) {
                    long[] job = jobs.get(i);
                    if (job != null && job[1] <= now) {
                        sb.append(i).append(' ').append(epochMicros(job[1])).append('\n');
                    }
                }
                byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
            }
            default -> json(ex, 404, "{}");
        }
    }

    private String stats() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "{\"creates\":" + creates.get() + ",\"status\":" + statusRequests.get() + ",\"content\":" + contentRequests.get()
                + ",\"other\":" + otherRequests.get() + ",\"bytesSent\":" + bytesSent.get()
                + ",\"cpuNanos\":" + os.getProcessCpuTime() + ",\"threads\":" + Thread.activeCount()
                + ",\"jobs\":" + jobCount.get() + "}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> map = new HashMap<>();
        String q = uri.getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                String[] p = kv.split("=", 2);
                map.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        return map;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs the stub until standard input closes. */
    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        StubServer stub = new StubServer(threads);
        System.out.println("STUB_PORT " + stub.port());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // wait for the parent to close the pipe
            }
        }
        stub.close();
        System.out.println("STUB_STOPPED " + Arrays.toString(args));
    }
}
