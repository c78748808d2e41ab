package dev.videosdk.soraproxy.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback gateway whose event stream the test writes piece by piece ({@link #send}); it never
 * ends the stream by itself. {@link #probeDisconnect()} keeps writing keep-alive comments until
 * the client has closed the connection, which completes {@link #clientGone}.
 */
final class SlowSseServer implements AutoCloseable {
    private static final String PROBE = "\u0000probe";

    final CompletableFuture<Void> requestArrived = new CompletableFuture<>();
    final CompletableFuture<Void> clientGone = new CompletableFuture<>();
    private final BlockingQueue<String> toSend = new LinkedBlockingQueue<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-sse-server");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;

    /** A server that answers the headers at once. */
    SlowSseServer() throws IOException {
        this(false);
    }

    /** With {@code holdHeaders}, the headers are sent only with the first piece of the body. */
    SlowSseServer(boolean holdHeaders) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            if (!holdHeaders) {
                exchange.sendResponseHeaders(200, 0);
            }
            requestArrived.complete(null);
            OutputStream out = exchange.getResponseBody();
            boolean headersSent = !holdHeaders;
            try {
                while (true) {
                    String next = toSend.take();
                    if (!headersSent) {
                        exchange.sendResponseHeaders(200, 0);
                        headersSent = true;
                    }
                    if (next.equals(PROBE)) {
                        writeUntilClosed(out);
                        return;
                    }
                    out.write(next.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                clientGone.complete(null);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void writeUntilClosed(OutputStream out) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        byte[] ping = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
        try {
            while (System.nanoTime() < giveUp) {
                out.write(ping);
                out.flush();
            }
        } catch (IOException closedByClient) {
            clientGone.complete(null);
        }
    }

    /** The base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Writes this text to the open stream. */
    void send(String text) {
        toSend.add(text);
    }

    /** Writes keep-alives until the client closed the connection (at most 10 s). */
    void probeDisconnect() {
        toSend.add(PROBE);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
