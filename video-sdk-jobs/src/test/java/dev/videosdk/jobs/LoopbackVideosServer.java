package dev.videosdk.jobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider whose jobs live outside any queue instance's JVM: a loopback HTTP server (JDK
 * {@code HttpServer}) speaking the OpenAI-style {@code /v1/videos} protocol that {@code video-sdk-openai}
 * understands. {@code POST /v1/videos} answers {@code queued} with a new id and counts creates per prompt;
 * {@code GET /v1/videos/{id}} answers {@code completed}, except that for a prompt starting with
 * {@code "hold"} it holds the call open until {@link #release()} (so a caller is caught mid-status-check);
 * {@code GET /v1/videos/{id}/content} serves a small MP4 (an {@code ftyp} box).
 */
final class LoopbackVideosServer implements AutoCloseable {
    /** A minimal MP4: an {@code ftyp} box (isom) and an empty {@code mdat}. */
    static final byte[] MP4 = {0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm',
        0, 0, 0, 8, 'm', 'd', 'a', 't'};
    private static final Pattern PROMPT = Pattern.compile("\"prompt\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, String> promptById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createsByPrompt = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger heldPolls = new AtomicInteger();
    final AtomicInteger downloads = new AtomicInteger();

    LoopbackVideosServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/videos", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/v1}, the value for {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Create calls received, per prompt. */
    Map<String, Integer> createsByPrompt() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        createsByPrompt.forEach((p, n) -> out.put(p, n.get()));
        return out;
    }

    /** Lets held status checks (and all later ones) answer {@code completed}. */
    void release() {
        released.countDown();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String rest = path.substring("/v1/videos".length());
            String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/"); // {id} or {id, "content"}
            if ("POST".equals(x.getRequestMethod()) && parts.length == 0) {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = PROMPT.matcher(body);
                String prompt = m.find() ? m.group(1) : "";
                String id = "video_" + ids.incrementAndGet();
                promptById.put(id, prompt);
                createsByPrompt.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
                json(x, video(id, "queued", 0));
            } else if ("GET".equals(x.getRequestMethod()) && parts.length == 1 && promptById.containsKey(parts[0])) {
                if (promptById.get(parts[0]).startsWith("hold") && released.getCount() > 0) {
                    heldPolls.incrementAndGet();
                    released.await(60, TimeUnit.SECONDS);
                }
                json(x, video(parts[0], "completed", 100));
            } else if ("GET".equals(x.getRequestMethod()) && parts.length == 2 && "content".equals(parts[1])) {
                downloads.incrementAndGet();
                x.getResponseHeaders().set("Content-Type", "video/mp4");
                x.sendResponseHeaders(200, MP4.length);
                x.getResponseBody().write(MP4);
            } else {
                x.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException callerGone) {
            // a killed caller's connection: nothing to answer
        }
    }

    private static void json(HttpExchange x, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private static String video(String id, String status, int progress) {
        return """
                {"id": "%s", "object": "video", "model": "sora-2", "status": "%s", "progress": %d,
                 "created_at": 1764460000, "completed_at": null, "expires_at": null, "size": "720x1280",
                 "seconds": "4", "error": null}
                """.formatted(id, status, progress);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
