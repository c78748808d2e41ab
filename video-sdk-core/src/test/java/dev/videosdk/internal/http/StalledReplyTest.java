package dev.videosdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.internal.AsyncSemaphore;
import dev.videosdk.internal.Events;
import dev.videosdk.internal.time.ManualTime;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LIFECYCLE.md §4: a reply whose status line and headers arrive and whose body then stalls (socket
 * open, no byte) ends by the body idle timer: a status call is retried, a create ends UNKNOWN, and a
 * wait ends at its deadline. A real socket server on loopback; time is virtual.
 */
class StalledReplyTest {
    private final ManualTime time = ManualTime.start();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;
    private VideoClient client;

    /** A server whose n-th request (from 1) stalls after the headers when {@code stalls.test(n)}, else answers {@code {}}. */
    private URI serve(IntPredicate stalls) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    int n = connections.incrementAndGet();
                    byte[] buf = new byte[8192];
                    s.getInputStream().read(buf); // the request (small)
                    OutputStream out = s.getOutputStream();
                    String body = "{\"id\":\"j1\",\"status\":\"running\"}";
                    if (stalls.test(n)) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                + "\r\n\r\n{\"id\":").getBytes(StandardCharsets.UTF_8)); // then silence, socket open
                    } else {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "stalling-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/x");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
        for (Socket s : open) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private DefaultHttpTransport transport() {
        return new DefaultHttpTransport("acme", new DefaultHttpTransport.Shared(HttpClient.newHttpClient(), time.scheduler(),
                time.clock(), RetryPolicy.defaults(), Duration.ofSeconds(60), Duration.ofSeconds(30), "ua", () -> 0.5,
                new AsyncSemaphore(8), new Events(VideoEventListener.NONE)), null, e -> false);
    }

    @Test
    void aStalledStatusReply_isCutByTheIdleTimerAndRetried() throws IOException {
        URI uri = serve(n -> n == 1);

        HttpReply reply = time.runThroughStalls(transport().send(HttpCall.get(uri).build()), Duration.ofSeconds(5));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void aStalledCreateReply_isUnknown_andNotRepeated() throws IOException {
        URI uri = serve(n -> true);

        CompletableFuture<HttpReply> f = transport().send(HttpCall.post(uri).json(java.util.Map.of("prompt", "x")).build());
        Throwable t = failure(() -> time.runThroughStalls(f, Duration.ofSeconds(5)));

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("stalled")
                .hasMessageContaining("a job may exist");
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void aWait_withEveryStatusReplyStalled_endsAtItsDeadline() throws IOException {
        // the input: requestTimeout 4 s, a polling deadline of 25 s, every status body stalls
        URI uri = serve(n -> true);
        HttpPoller provider = new HttpPoller(uri);
        client = VideoClient.builder().withoutDiscovery().provider(provider).defaultProvider("http")
                .clock(time.clock()).scheduler(time.scheduler()).requestTimeout(Duration.ofSeconds(4)).build();

        CompletableFuture<?> f = client.await(VideoJob.of("http", "j1", null, time.now()),
                dev.videosdk.GenerateOptions.builder()
                        .polling(PollingPolicy.fixed(Duration.ofSeconds(5)).withTimeout(Duration.ofSeconds(25))).build());
        Throwable t = failure(() -> time.runThroughStalls(f, Duration.ofSeconds(1)));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(27));
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    /** A provider whose status call is a real GET (so the core's transport and its timers are in play). */
    private static final class HttpPoller implements VideoProvider {
        private final URI uri;

        HttpPoller(URI uri) {
            this.uri = uri;
        }

        @Override
        public String id() {
            return "http";
        }

        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.builder().models(true, "m").build();
        }

        @Override
        public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
            return CompletableFuture.failedFuture(new dev.videosdk.VideoException("not used", "http"));
        }

        @Override
        public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
            return ctx.http().send(HttpCall.get(uri).build()).thenApply(r -> JobStatus.running(null));
        }
    }
}
