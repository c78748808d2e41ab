package dev.videosdk.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 front for a stub server (e.g. WireMock) that passes every request through, but
 * stalls chosen answers: it sends their status line, headers and the first half of the body, then
 * nothing more, with the socket left open. This is the reply a body idle timer exists for; stub
 * servers cannot send it (WireMock's dribble delay holds back the headers too).
 *
 * <pre>{@code
 * try (StallingFront front = StallingFront.before(wm.baseUrl()).stall("GET", "/v1/videos/", 1)) {
 *     // point the provider at front.baseUrl(); the first GET under /v1/videos/ stalls, later ones pass
 * }
 * }</pre>
 *
 * Requests must carry their body with {@code Content-Length} (as the JDK client sends JSON). Loopback only.
 */
public final class StallingFront implements AutoCloseable {
    /** Headers the JDK client will not set, or that describe one hop only. */
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade",
            "http2-settings", "expect", "keep-alive");

    private final String target;
    private final ServerSocket server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, Set<Integer>> stalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicInteger stalled = new AtomicInteger();

    private StallingFront(String target) {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "stalling-front");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts a front on a free loopback port for {@code targetBaseUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public static StallingFront before(String targetBaseUrl) {
        return new StallingFront(targetBaseUrl);
    }

    /**
     * Stalls the answers to the {@code nth} requests (counted from 1) whose method is {@code method} and
     * whose path starts with {@code pathPrefix}; other requests pass through whole.
     */
    public StallingFront stall(String method, String pathPrefix, int... nth) {
        Set<Integer> which = ConcurrentHashMap.newKeySet();
        for (int n : nth) {
            which.add(n);
        }
        stalls.put(method.toUpperCase(Locale.ROOT) + " " + pathPrefix, which);
        return this;
    }

    /** The base URL to point a provider at, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many answers were stalled so far. */
    public int stalledCount() {
        return stalled.get();
    }

    /** Closes the server and every connection, stalled ones included. */
    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "stalling-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String head;
            while ((head = readHead(in)) != null) {
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                String method = requestLine[0];
                String path = requestLine[1];
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(10));
                int length = 0;
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    String name = lines[i].substring(0, colon).trim();
                    String value = lines[i].substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("content-length")) {
                        length = Integer.parseInt(value);
                    } else if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                        forward.header(name, value);
                    }
                }
                byte[] body = in.readNBytes(length);
                forward.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (!answer(out, answer, stalls(method, path))) {
                    return; // stalled: the socket stays open and silent until close()
                }
            }
            socket.close();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stalls(String method, String path) {
        for (Map.Entry<String, Set<Integer>> rule : stalls.entrySet()) {
            if ((method + " " + path).startsWith(rule.getKey())) {
                int n = seen.computeIfAbsent(rule.getKey(), k -> new AtomicInteger()).incrementAndGet();
                return rule.getValue().contains(n);
            }
        }
        return false;
    }

    /** Writes the answer (or its first half when {@code stall}); returns false when it stalled. */
    private boolean answer(OutputStream out, HttpResponse<byte[]> answer, boolean stall) throws IOException {
        byte[] body = answer.body();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.statusCode()).append(" X\r\n");
        answer.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, stall ? body.length / 2 : body.length);
        out.flush();
        if (stall) {
            stalled.incrementAndGet();
        }
        return !stall;
    }

    /** The request line and headers, without the blank line; null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                String text = buf.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }
}
