package dev.videosdk.soraproxy.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A gateway file link answering the gateway's error envelope is the gateway's typed error, not a saved video (issue 12). */
class SoraProxyDownloadErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void quotaErrorFromTheGateway_isMappedByTheGatewaysMapper(@TempDir Path dir) {
        VirtualTime time = VirtualTime.start();
        wm.stubFor(get("/files/v.mp4").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"insufficient quota for this token\",\"code\":\"insufficient_user_quota\"}}")));
        try (VideoClient client = VideoClient.builder().env(Map.of(SoraProxy.API_KEY, "k", SoraProxy.BASE_URL, wm.baseUrl()))
                .defaultProvider(SoraProxy.ID).clock(time.clock()).scheduler(time.scheduler()).build()) {
            VideoAsset asset = VideoAsset.builder().uri(URI.create(wm.baseUrl() + "/files/v.mp4")).mimeType("video/mp4")
                    .variant(VideoAsset.VIDEO).provider(SoraProxy.ID).build();

            Throwable t = catchThrowable(() -> time.run(client.download(asset, dir.resolve("v.mp4"))));

            assertThat(t).hasCauseInstanceOf(QuotaExceededException.class).hasMessageContaining("insufficient quota for this token");
            assertThat(dir.resolve("v.mp4.part")).doesNotExist();
        }
    }
}
