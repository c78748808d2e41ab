package dev.videosdk.internal.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoAsset;
import dev.videosdk.spi.Credential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
    private final byte[] video = bytes(200_000);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** Credentials only for the "own" WireMock server (host and port). */
    private Downloader downloader(long maxBytes) {
        Downloader.Credentials creds = (asset, uri) -> uri.getPort() == own.getPort()
                ? Optional.of(Credential.bearer("acme#1", "sk-secret")) : Optional.empty();
        return new Downloader(HttpClient.newHttpClient(), Executors.newSingleThreadScheduledExecutor(), Clock.systemUTC(),
                maxBytes, 3, id -> creds, "ua", Duration.ofSeconds(10));
    }

    private static VideoAsset asset(String url) {
        return new VideoAsset(URI.create(url), "video/mp4", null, VideoAsset.VIDEO, "acme", "acme#1");
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void toFile_writesCompleteFileAndLeavesNoPart() throws IOException {
        own.stubFor(get("/v.mp4").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("v.mp4");

        Path written = downloader(Long.MAX_VALUE).toFile(asset(own.baseUrl() + "/v.mp4"), target).join();

        assertThat(written).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(dir.resolve("v.mp4.part")).doesNotExist();
        own.verify(getRequestedFor(urlEqualTo("/v.mp4")).withHeader("Authorization", equalTo("Bearer sk-secret")));
    }

    @Test
    void toFile_connectionDroppedHalfway_resumesWithRange() throws IOException {
        List<String> ranges = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v.mp4", ex -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            try (OutputStream out = ex.getResponseBody()) {
                if (range == null) {
                    ex.sendResponseHeaders(200, video.length);
                    out.write(video, 0, video.length / 2);
                    out.flush();
                    ex.getHttpContext().getServer(); // keep the exchange open until we abort it
                    throw new IOException("drop the connection at 50 %");
                }
                long from = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (video.length - 1) + "/" + video.length);
                ex.sendResponseHeaders(206, video.length - from);
                out.write(video, (int) from, (int) (video.length - from));
            }
        });
        server.start();
        Path target = dir.resolve("r.mp4");

        downloader(Long.MAX_VALUE).toFile(asset("http://127.0.0.1:" + server.getAddress().getPort() + "/v.mp4"), target)
                .orTimeout(20, TimeUnit.SECONDS).join();

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEqualTo("null");
        assertThat(ranges.get(1)).startsWith("bytes=").endsWith("-").isNotEqualTo("bytes=0-");
    }

    @Test
    void toFile_failure_leavesNeitherPartNorTarget() {
        own.stubFor(get("/bad.mp4").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        Path target = dir.resolve("bad.mp4");

        Throwable t = failure(() -> downloader(Long.MAX_VALUE).toFile(asset(own.baseUrl() + "/bad.mp4"), target)
                .orTimeout(20, TimeUnit.SECONDS).join());

        assertThat(t).isInstanceOf(ProviderUnavailableException.class);
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("bad.mp4.part")).doesNotExist();
    }

    @Test
    void toFile_notFound_mappedAndNothingLeft() {
        own.stubFor(get("/gone.mp4").willReturn(aResponse().withStatus(404)));
        Path target = dir.resolve("gone.mp4");

        Throwable t = failure(() -> downloader(Long.MAX_VALUE).toFile(asset(own.baseUrl() + "/gone.mp4"), target).join());

        assertThat(t).isInstanceOf(NotFoundException.class);
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("gone.mp4.part")).doesNotExist();
    }

    @Test
    void toFile_largerThanCap_refusedAndNothingLeft() {
        own.stubFor(get("/big.mp4").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("big.mp4");

        Throwable t = failure(() -> downloader(1000).toFile(asset(own.baseUrl() + "/big.mp4"), target).join());

        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than the limit of 1000 bytes");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("big.mp4.part")).doesNotExist();
    }

    @Test
    void toFile_redirectToForeignHost_dropsCredentials() throws IOException {
        own.stubFor(get("/files/v").willReturn(aResponse().withStatus(302).withHeader("Location", foreign.baseUrl() + "/cdn/v.mp4")));
        foreign.stubFor(get("/cdn/v.mp4").willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("f.mp4");

        downloader(Long.MAX_VALUE).toFile(asset(own.baseUrl() + "/files/v"), target).join();

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
        own.verify(getRequestedFor(urlEqualTo("/files/v")).withHeader("Authorization", equalTo("Bearer sk-secret")));
        foreign.verify(getRequestedFor(urlEqualTo("/cdn/v.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void toFile_foreignHostAsset_getsNoCredentials() {
        foreign.stubFor(get("/v.mp4").willReturn(aResponse().withBody(video)));

        downloader(Long.MAX_VALUE).toFile(asset(foreign.baseUrl() + "/v.mp4"), dir.resolve("x.mp4")).join();

        foreign.verify(getRequestedFor(urlEqualTo("/v.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void download_nonHttpScheme_refusedBeforeAnyCall() {
        Throwable t = failure(() -> downloader(Long.MAX_VALUE).toFile(asset("file:///etc/passwd"), dir.resolve("p")).join());
        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessage("download URL must be http or https, but was file:///etc/passwd");

        Throwable gcs = failure(() -> downloader(Long.MAX_VALUE).toFile(asset("gs://bucket/v.mp4"), dir.resolve("g")).join());
        assertThat(gcs).hasMessageContaining("read it with your GCS client");
    }

    @Test
    void inlineDataAsset_isDecodedWithoutAnyCall() throws IOException {
        VideoAsset inline = asset("data:video/mp4;base64," + java.util.Base64.getEncoder().encodeToString(video));

        Path written = downloader(Long.MAX_VALUE).toFile(inline, dir.resolve("inline.mp4")).join();

        assertThat(Files.readAllBytes(written)).isEqualTo(video);
        Throwable t = failure(() -> downloader(10).toFile(inline, dir.resolve("big.mp4")).join());
        assertThat(t).hasMessageContaining("more than the limit of 10 bytes");
        assertThat(dir.resolve("big.mp4")).doesNotExist();
    }

    @Test
    void toStream_writesAllBytes() {
        own.stubFor(get("/s.mp4").willReturn(aResponse().withBody(video)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long n = downloader(Long.MAX_VALUE).toStream(asset(own.baseUrl() + "/s.mp4"), out).join();

        assertThat(n).isEqualTo(video.length);
        assertThat(out.toByteArray()).isEqualTo(video);
    }
}
