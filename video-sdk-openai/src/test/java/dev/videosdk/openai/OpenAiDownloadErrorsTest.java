package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /content} answers that are not the video (issue 12): the replayed gateway cases. Waits
 * between download tries run on the client's virtual scheduler.
 */
class OpenAiDownloadErrorsTest extends OpenAiWireMockSupport {
    /** The CDN a gateway's JSON answer points at. */
    @RegisterExtension
    static WireMockExtension cdn = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private VideoAsset completedVideo(VideoClient c) {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_1", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "completed", 100))));
        return time.run(c.generate(VideoRequest.text("x").build())).video();
    }

    @Test
    void contentAnsweringAJsonErrorWith200_isOpenAisErrorAndNothingIsSaved(@TempDir Path dir) {
        VideoClient c = client();
        VideoAsset video = completedVideo(c);
        wm.stubFor(get("/v1/videos/video_1/content").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_nr")
                .withBody("{\"error\":{\"message\":\"not ready\",\"type\":\"invalid_request_error\",\"code\":\"video_not_ready\"}}")));

        VideoException e = (VideoException) failureOf(c.download(video, dir.resolve("out.mp4")));

        assertThat(e).isInstanceOf(InvalidRequestException.class)
                .hasMessage("openai answered HTTP 200: not ready (code video_not_ready, request id req_nr)");
        assertThat(dir.resolve("out.mp4")).doesNotExist();
        assertThat(dir.resolve("out.mp4.part")).doesNotExist();
    }

    @Test
    void contentAnsweringJsonWithTheCdnUrl_isFollowedWithoutTheKey(@TempDir Path dir) throws Exception {
        VideoClient c = client();
        VideoAsset video = completedVideo(c);
        String url = cdn.baseUrl() + "/v/video_1.mp4";
        wm.stubFor(get("/v1/videos/video_1/content").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"video_1\",\"status\":\"completed\",\"url\":\"" + url + "\",\"video_url\":\"" + url + "\"}")));
        cdn.stubFor(get("/v/video_1.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                .withBody(OpenAiDownloadCancelRemixTest.MP4)));

        Path out = time.run(c.download(video, dir.resolve("out.mp4")));

        assertThat(Files.readAllBytes(out)).isEqualTo(OpenAiDownloadCancelRemixTest.MP4);
        cdn.verify(getRequestedFor(urlEqualTo("/v/video_1.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void contentAnswering500_keepsOpenAisMessageAndRequestId_andIsRetried(@TempDir Path dir) {
        VideoClient c = client();
        VideoAsset video = completedVideo(c);
        wm.stubFor(get("/v1/videos/video_1/content").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_500")
                .withBody("{\"error\":{\"message\":\"Failed to fetch video content\",\"type\":\"server_error\"}}")));

        VideoException e = (VideoException) failureOf(c.download(video, dir.resolve("out.mp4")));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("openai answered HTTP 500: Failed to fetch video content (request id req_500)");
        assertThat(e.requestId()).contains("req_500");
        wm.verify(4, getRequestedFor(urlEqualTo("/v1/videos/video_1/content"))); // 1 try + the default 3 retries
        assertThat(dir.resolve("out.mp4.part")).doesNotExist();
    }
}
