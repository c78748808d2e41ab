package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Kie file URL answering Kie's error envelope with HTTP 200 is Kie's error, not a saved video (issue 12). */
class KieDownloadErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void envelopeErrorWith200_isMappedByKiesMapper(@TempDir Path dir) {
        VirtualTime time = VirtualTime.start();
        wm.stubFor(get("/files/v.mp4").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":402,\"msg\":\"Credits insufficient\",\"data\":null}")));
        try (VideoClient client = VideoClient.builder().env(Map.of("KIE_API_KEY", "k", "KIE_BASE_URL", wm.baseUrl()))
                .defaultProvider("kie").clock(time.clock()).scheduler(time.scheduler()).build()) {
            VideoAsset asset = VideoAsset.builder().uri(URI.create(wm.baseUrl() + "/files/v.mp4")).mimeType("video/mp4")
                    .variant(VideoAsset.VIDEO).provider("kie").build();

            Throwable t = catchThrowable(() -> time.run(client.download(asset, dir.resolve("v.mp4"))));

            assertThat(t).hasCauseInstanceOf(QuotaExceededException.class).hasMessageContaining("Credits insufficient");
            assertThat(dir.resolve("v.mp4")).doesNotExist();
            assertThat(dir.resolve("v.mp4.part")).doesNotExist();
        }
    }
}
