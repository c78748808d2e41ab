package dev.videosdk.internal.download;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.ProviderData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loopback tests of the downloader, one per input of issue 12 and LIFECYCLE.md §5. Waits between
 * tries go through a recording scheduler that runs them at once (no real sleeps); stalls use a
 * 300 ms {@code bodyIdleTimeout}, because a blocking socket's read timeout is the idle timer.
 */
class DownloaderTest {
    @RegisterExtension
    static WireMockExtension own = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static WireMockExtension foreign = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final byte[] video = mp4(200_000);
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Tries started and not yet finished, and any break of "one finished event per started try". */
    private final java.util.Set<Long> openTries = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<String> tryProblems = new CopyOnWriteArrayList<>();
    private final List<Downloader> made = new ArrayList<>();

    /** An MP4-looking body: an {@code ftyp} box, then a pattern. */
    static byte[] mp4(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** Runs every scheduled task at once and records its delay (no real waits). */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
        final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 0, TimeUnit.NANOSECONDS);
        }
    }

    /** A provider mapper like OpenAI's: a 2xx with an error object is mapped by its code. */
    private final ErrorMapper acmeErrors = reply -> {
        ErrorText said = ErrorText.of(reply);
        if (reply.isSuccess()) {
            return said.code() == null ? null
                    : new ProviderUnavailableException(HttpErrors.describe(reply, said.code(), said.message()), reply.context(said.code()), null);
        }
        return HttpErrors.byStatus(reply, said.code(), said.message(), Instant.EPOCH);
    };

    private Downloader downloader(long maxBytes, Duration idle) {
        Downloader.Provider acme = new Downloader.Provider() {
            @Override
            public Optional<Credential> credential(VideoAsset asset, URI uri) {
                return uri.getPort() == own.getPort() ? Optional.of(Credential.bearer("acme#1", "sk-secret")) : Optional.empty();
            }

            @Override
            public ErrorMapper errors() {
                return acmeErrors;
            }
        };
        VideoEventListener listener = new VideoEventListener() {
            @Override
            public void httpCallStarted(HttpCallEvent call) {
                if (call.id() == 0 || !openTries.add(call.id())) {
                    tryProblems.add("started twice or without an id: " + call);
                }
            }

            @Override
            public void httpCallFinished(HttpCallEvent call) {
                if (!openTries.remove(call.id())) {
                    tryProblems.add("finished without a start, or twice: " + call);
                }
                events.add("call " + call.kind() + " " + call.status() + " #" + call.attempt()
                        + (call.failure() == null ? "" : " " + call.failure().getClass().getSimpleName()));
            }

            @Override
            public void retryScheduled(HttpCallEvent failedTry, Duration delay) {
                events.add("retry in " + delay.toMillis() + " ms");
            }

            @Override
            public void downloadProgress(VideoAsset asset, long bytes, long totalBytes) {
                events.add("progress " + bytes + "/" + totalBytes);
            }

            @Override
            public void downloadFinished(VideoAsset asset, long bytes, VideoException error, Duration duration) {
                events.add("finished " + bytes + (error == null ? "" : " " + error.getClass().getSimpleName()));
            }
        };
        Downloader d = new Downloader(new Downloader.Config(HttpClient.newHttpClient(), scheduler, scheduler.clock,
                new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60)), () -> 0.5,
                maxBytes, 3, idle, id -> "acme".equals(id) ? acme : null, "ua", listener));
        made.add(d);
        return d;
    }

    private Downloader downloader() {
        return downloader(Long.MAX_VALUE, Duration.ofSeconds(10));
    }

    private static VideoAsset asset(String url) {
        return ProviderData.withKeyId(VideoAsset.builder().uri(URI.create(url)).mimeType("video/mp4").variant(VideoAsset.VIDEO).provider("acme").build(),
                "acme#1");
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.orTimeout(20, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static <T> T done(CompletableFuture<T> f) {
        return f.orTimeout(20, TimeUnit.SECONDS).join();
    }

    private void assertNothingLeft(Path target) {
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling(target.getFileName() + ".part")).doesNotExist();
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo test) {
        assertThat(tryProblems).as("every try: one started and one finished event with its id").isEmpty();
        if (!test.getDisplayName().startsWith("cancel")) { // a cancelled try ends on the download thread a moment later
            assertThat(openTries).as("tries never finished").isEmpty();
        }
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        made.forEach(Downloader::close);
        scheduler.shutdownNow();
    }

    /** What the test server does for one request; {@code from} is the Range start, or -1. */
    interface Handler {
        void handle(HttpExchange ex, long from) throws IOException, InterruptedException;
    }

    /** A JDK server on loopback answering {@code /v.mp4} with {@code handler}; returns the URL. */
    private String serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v.mp4", ex -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            try {
                handler.handle(ex, range == null ? -1 : Long.parseLong(range.substring("bytes=".length(), range.length() - 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v.mp4";
    }

    /** Sends headers announcing the whole file from {@code from} and its first {@code n} bytes. */
    private void sendStart(HttpExchange ex, long from, int n) throws IOException {
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (video.length - 1) + "/" + video.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, video.length - Math.max(0, from));
        ex.getResponseBody().write(video, (int) Math.max(0, from), n);
        ex.getResponseBody().flush();
    }

    private void sendRange(HttpExchange ex, long from, long claimedFrom) throws IOException {
        ex.getResponseHeaders().add("Content-Range", "bytes " + claimedFrom + "-" + (video.length - 1) + "/" + video.length);
        ex.sendResponseHeaders(206, video.length - from);
        ex.getResponseBody().write(video, (int) from, (int) (video.length - from));
    }

    // ------------------------------------------------------------------ basics

    @Test
    void toFile_writesCompleteFileAndLeavesNoPart() throws IOException {
        own.stubFor(get("/v.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                .withHeader("Content-Length", String.valueOf(video.length)).withBody(video)));
        Path target = dir.resolve("v.mp4");

        Path written = done(downloader().toFile(asset(own.baseUrl() + "/v.mp4"), target));

        assertThat(written).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(dir.resolve("v.mp4.part")).doesNotExist();
        own.verify(getRequestedFor(urlEqualTo("/v.mp4")).withHeader("Authorization", equalTo("Bearer sk-secret"))
                .withHeader("User-Agent", equalTo("ua")).withHeader("Range", absent()));
        assertThat(events).containsExactly("progress 200000/200000", "call DOWNLOAD 200 #1", "finished 200000");
    }

    @Test
    void toStream_writesAllBytesOnADownloadThread() {
        own.stubFor(get("/s.mp4").willReturn(aResponse().withBody(video)));
        List<String> threads = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                threads.add(Thread.currentThread().getName());
                super.write(b, off, len);
            }
        };

        long n = done(downloader().toStream(asset(own.baseUrl() + "/s.mp4"), out));

        assertThat(n).isEqualTo(video.length);
        assertThat(out.toByteArray()).isEqualTo(video);
        assertThat(threads).isNotEmpty().allMatch(t -> t.startsWith("videosdk-download-"));
    }

    @Test
    void toFile_notFound_mappedWithBodyAndNothingLeft() {
        own.stubFor(get("/gone.mp4").willReturn(aResponse().withStatus(404).withHeader("x-request-id", "req_9")
                .withBody("{\"error\":{\"message\":\"no such video\",\"code\":\"not_found\"}}")));
        Path target = dir.resolve("gone.mp4");

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/gone.mp4"), target));

        assertThat(t).isInstanceOf(NotFoundException.class).hasMessageContaining("no such video");
        assertThat(((VideoException) t).requestId()).contains("req_9");
        assertThat(((VideoException) t).errorCode()).contains("not_found");
        assertNothingLeft(target);
        assertThat(scheduler.delays).isEmpty(); // a 404 is not retried
    }

    @Test
    void toFile_largerThanCap_refusedAndNothingLeft() {
        own.stubFor(get("/big.mp4").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("big.mp4");

        Throwable t = failure(downloader(1000, Duration.ofSeconds(10)).toFile(asset(own.baseUrl() + "/big.mp4"), target));

        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than the limit of 1000 bytes");
        assertNothingLeft(target);
    }

    @Test
    void toFile_redirectToForeignHost_dropsCredentials() throws IOException {
        own.stubFor(get("/files/v").willReturn(aResponse().withStatus(302).withHeader("Location", foreign.baseUrl() + "/cdn/v.mp4")));
        foreign.stubFor(get("/cdn/v.mp4").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("f.mp4");

        done(downloader().toFile(asset(own.baseUrl() + "/files/v"), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        own.verify(getRequestedFor(urlEqualTo("/files/v")).withHeader("Authorization", equalTo("Bearer sk-secret")));
        foreign.verify(getRequestedFor(urlEqualTo("/cdn/v.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void download_nonHttpScheme_refusedBeforeAnyCall() {
        Throwable t = failure(downloader().toFile(asset("file:///etc/passwd"), dir.resolve("p")));
        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessage("download URL must be http or https, but was file:///etc/passwd");

        Throwable gcs = failure(downloader().toFile(asset("gs://bucket/v.mp4"), dir.resolve("g")));
        assertThat(gcs).hasMessageContaining("read it with your GCS client");
    }

    @Test
    void inlineDataAsset_isDecodedAndChecked() throws IOException {
        VideoAsset inline = asset("data:video/mp4;base64," + java.util.Base64.getEncoder().encodeToString(video));

        Path written = done(downloader().toFile(inline, dir.resolve("inline.mp4")));

        assertThat(Files.readAllBytes(written)).isEqualTo(video);
        assertThat(failure(downloader(10, Duration.ofSeconds(10)).toFile(inline, dir.resolve("big.mp4"))))
                .hasMessageContaining("more than the limit of 10 bytes");
        assertNothingLeft(dir.resolve("big.mp4"));
        VideoAsset json = asset("data:video/mp4;base64," + java.util.Base64.getEncoder().encodeToString("{\"error\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(failure(downloader().toFile(json, dir.resolve("j.mp4")))).isInstanceOf(ProtocolException.class);
        assertNothingLeft(dir.resolve("j.mp4"));
    }

    // ------------------------------------------------------------------ 1: never save what is not media

    @Test
    void jsonErrorWith200_mapsThroughProviderAndSavesNothing() {
        own.stubFor(get("/c").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_1")
                .withBody("{\"error\":{\"message\":\"not ready\",\"type\":\"invalid_request_error\",\"code\":\"video_not_ready\"}}")));
        Path target = dir.resolve("out.mp4");

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/c"), target));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("not ready");
        assertThat(((VideoException) t).errorCode()).contains("video_not_ready");
        assertThat(((VideoException) t).requestId()).contains("req_1");
        assertNothingLeft(target);
    }

    @Test
    void jsonErrorWith200_plainUrl_isProtocolErrorWithTheMessage() {
        own.stubFor(get("/c").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"not ready\",\"code\":\"video_not_ready\"}}")));
        Path target = dir.resolve("out.mp4");

        Throwable t = failure(downloader().toFile(VideoAsset.of(URI.create(own.baseUrl() + "/c")), target));

        assertThat(t).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("answered application/json instead of video/mp4, nothing saved: not ready")
                .hasMessageContaining("code video_not_ready");
        assertNothingLeft(target);
    }

    @Test
    void jsonPointingAtTheFile_isFollowedWithoutCredentials() throws IOException {
        String cdn = foreign.baseUrl() + "/cdn/v.mp4";
        own.stubFor(get("/c").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"video_1\",\"status\":\"completed\",\"url\":\"" + cdn + "\",\"video_url\":\"" + cdn + "\"}")));
        foreign.stubFor(get("/cdn/v.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
        Path target = dir.resolve("out.mp4");

        done(downloader().toFile(asset(own.baseUrl() + "/c"), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        foreign.verify(getRequestedFor(urlEqualTo("/cdn/v.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void htmlPageWith200_isRefused() {
        own.stubFor(get("/c").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><html><body>Please sign in</body></html>")));
        Path target = dir.resolve("out.mp4");

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/c"), target));

        assertThat(t).isInstanceOf(ProtocolException.class).hasMessageContaining("text/html").hasMessageContaining("Please sign in");
        assertNothingLeft(target);
    }

    @Test
    void bytesThatAreNotTheMimeType_areRefusedEvenWithAMediaContentType() {
        byte[] noise = new byte[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i * 7 + 200);
        }
        own.stubFor(get("/noise").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(noise)));
        own.stubFor(get("/json").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody("  {\"detail\":\"expired\"}")));

        assertThat(failure(downloader().toFile(asset(own.baseUrl() + "/noise"), dir.resolve("n.mp4"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("instead of video/mp4");
        assertThat(failure(downloader().toFile(asset(own.baseUrl() + "/json"), dir.resolve("j.mp4"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("expired");
        assertNothingLeft(dir.resolve("n.mp4"));
        assertNothingLeft(dir.resolve("j.mp4"));
    }

    @Test
    void otherMediaSignatures_matchTheirMimeTypes() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        byte[] webp = {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P'};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4};
        String[][] cases = {{"image/png", "png"}, {"image/webp", "webp"}, {"image/jpeg", "jpeg"}, {"image/gif", "gif"}, {"video/webm", "webm"}};
        byte[][] bodies = {png, webp, jpeg, gif, webm};
        for (int i = 0; i < cases.length; i++) {
            own.stubFor(get("/" + cases[i][1]).willReturn(aResponse().withHeader("Content-Type", cases[i][0]).withBody(bodies[i])));
            VideoAsset a = VideoAsset.builder().uri(URI.create(own.baseUrl() + "/" + cases[i][1])).mimeType(cases[i][0])
                    .variant(VideoAsset.THUMBNAIL).provider("acme").build();
            Path p = done(downloader().toFile(a, dir.resolve("t." + cases[i][1])));
            assertThat(Files.readAllBytes(p)).isEqualTo(bodies[i]);
        }
        assertThat(MediaCheck.sniff(png, png.length)).isEqualTo(MediaCheck.Kind.PNG);
        assertThat(MediaCheck.sniff(webm, webm.length)).isEqualTo(MediaCheck.Kind.WEBM);
    }

    // ------------------------------------------------------------------ 2: errors keep the provider's words, 5xx retried

    @Test
    void serverError_keepsBodyAndHeaders_andIsRetriedUnderThePolicy() {
        own.stubFor(get("/c").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_5")
                .withBody("{\"error\":{\"message\":\"Failed to fetch video content\",\"type\":\"server_error\"}}")));
        Path target = dir.resolve("out.mp4");

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/c"), target));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("acme answered HTTP 500: Failed to fetch video content (code server_error, request id req_5)");
        assertThat(((VideoException) t).isRetryable()).isTrue();
        own.verify(3, getRequestedFor(urlEqualTo("/c")));      // 1 try + 2 retries of the policy
        assertThat(scheduler.delays).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500)); // full jitter at 0.5
        assertNothingLeft(target);
    }

    @Test
    void serverErrorThenFile_succeedsAfterARetry_andRateLimitWaitsRetryAfter() throws IOException {
        own.stubFor(get("/c").inScenario("s").whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("limited"));
        own.stubFor(get("/c").inScenario("s").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        own.stubFor(get("/c").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("out.mp4");

        done(downloader().toFile(asset(own.baseUrl() + "/c"), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(scheduler.delays).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(7));
        assertThat(events).contains("call DOWNLOAD 503 #1 ProviderUnavailableException", "retry in 250 ms",
                "call DOWNLOAD 429 #2 RateLimitException", "retry in 7000 ms", "call DOWNLOAD 200 #3");
    }

    @Test
    void rateLimitLongerThanMaxRetryAfter_failsWithIt() {
        own.stubFor(get("/c").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/c"), dir.resolve("o.mp4")));

        assertThat(t).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) t).retryAfter()).contains(Duration.ofHours(1));
        assertThat(scheduler.delays).isEmpty();
    }

    @Test
    void connectionReset_isRetried_thenFailsAndLeavesNothing() {
        own.stubFor(get("/bad.mp4").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Path target = dir.resolve("bad.mp4");

        Throwable t = failure(downloader().toFile(asset(own.baseUrl() + "/bad.mp4"), target));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("failed after 0 bytes");
        assertThat(scheduler.delays).hasSize(2);
        assertNothingLeft(target);
    }

    // ------------------------------------------------------------------ 3: resumes

    @Test
    void connectionDroppedHalfway_resumesWithRange() throws IOException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        String url = serve((ex, from) -> {
            starts.add(from);
            if (from < 0) {
                sendStart(ex, from, video.length / 2);
                throw new IOException("drop the connection at 50 %");
            }
            sendRange(ex, from, from);
        });
        Path target = dir.resolve("r.mp4");

        done(downloader().toFile(asset(url), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(starts).hasSize(2);
        assertThat(starts.get(0)).isEqualTo(-1);
        assertThat(starts.get(1)).isPositive().isLessThanOrEqualTo(video.length / 2);
    }

    @Test
    void partialContentStartingElsewhere_restartsFromZero_neverAppends() throws IOException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        String url = serve((ex, from) -> {
            starts.add(from);
            if (from < 0 && starts.size() == 1) {
                sendStart(ex, from, 100_000);
                throw new IOException("drop");
            }
            if (from > 0) {
                sendRange(ex, 0, 0); // the whole file, labelled as starting at 0: not what was asked
                return;
            }
            sendStart(ex, from, video.length);
        });
        Path target = dir.resolve("r.mp4");

        done(downloader().toFile(asset(url), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(starts).hasSize(3);
        assertThat(starts.get(2)).isEqualTo(-1); // started over without Range
    }

    @Test
    void partialContentStartingElsewhere_onAStream_failsInsteadOfAppending() throws IOException {
        String url = serve((ex, from) -> {
            if (from < 0) {
                sendStart(ex, from, 100_000);
                throw new IOException("drop");
            }
            sendRange(ex, 1000, 1000);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Throwable t = failure(downloader().toStream(asset(url), out));

        assertThat(t).isInstanceOf(ProtocolException.class).hasMessageContaining("does not start at byte")
                .hasMessageContaining("cannot be rewound");
        assertThat(out.size()).isLessThanOrEqualTo(100_000);
        assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOf(video, out.size()));
    }

    // ------------------------------------------------------------------ 4: stalls

    @Test
    void stalledBody_isDetectedByTheIdleTimeout_andResumedWithRange() throws IOException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        String url = serve((ex, from) -> {
            starts.add(from);
            if (from < 0) {
                sendStart(ex, from, 50_000);
                release.await(); // headers and some bytes, then silence until the test ends
                return;
            }
            sendRange(ex, from, from);
        });
        Path target = dir.resolve("s.mp4");

        done(downloader(Long.MAX_VALUE, Duration.ofMillis(300)).toFile(asset(url), target));

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(starts).containsExactly(-1L, 50_000L);
        assertThat(events).anyMatch(e -> e.startsWith("call DOWNLOAD 200 #1 ProviderUnavailableException"));
    }

    @Test
    void stalledBodyEveryTime_failsAfterTheResumes_andLeavesNothing() throws IOException {
        String url = serve((ex, from) -> {
            sendStart(ex, from, 1000);
            release.await();
        });
        Path target = dir.resolve("s.mp4");

        Throwable t = failure(downloader(Long.MAX_VALUE, Duration.ofMillis(200)).toFile(asset(url), target));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("bodyIdleTimeout");
        assertThat(scheduler.delays).hasSize(3); // the three resumes, each after a backoff on the scheduler
        assertNothingLeft(target);
    }

    @Test
    void cancel_stopsTheTransferAndLeavesNothing() throws IOException {
        CountDownLatch sending = new CountDownLatch(1);
        String url = serve((ex, from) -> {
            sendStart(ex, from, 1000);
            sending.countDown();
            release.await();
        });
        Path target = dir.resolve("c.mp4");
        CompletableFuture<Path> f = downloader().toFile(asset(url), target);
        try {
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }

        f.cancel(true);

        assertThat(f).isCancelled();
        assertNothingLeft(target); // at once, though the download thread is still in a read
        assertThat(events).anyMatch(e -> e.matches("finished \\d+ VideoException"));
    }

    @Test
    void reason_ofAFileSystemFailure_doesNotRepeatThePath() {
        // these exceptions' message is the path itself: "cannot write /proc/x.mp4.part: /proc/x.mp4.part" before
        assertThat(Downloader.reason(new java.nio.file.AccessDeniedException("/proc/x.mp4.part"))).isEqualTo("permission denied");
        assertThat(Downloader.reason(new java.nio.file.NoSuchFileException("/proc/x.mp4.part"))).isEqualTo("no such file or directory");
        assertThat(Downloader.reason(new java.nio.file.FileSystemException("/a.part", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(Downloader.reason(new IOException("disk full"))).isEqualTo("disk full");
    }
}
