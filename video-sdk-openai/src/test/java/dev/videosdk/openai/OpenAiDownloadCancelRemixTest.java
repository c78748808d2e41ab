package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.GenerateOptions;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.ProviderData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Content download (§4), cancel as DELETE and remix (§5). */
class OpenAiDownloadCancelRemixTest extends OpenAiWireMockSupport {
    static final byte[] MP4 = "....ftypisom fake mp4 bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A second loopback server standing in for a storage host the API redirects to. */
    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private VideoResult completed(VideoClient c) {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_1", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "completed", 100))));
        return time.run(c.generate(VideoRequest.text("x").build()));
    }

    @Test
    void contentIsDownloadedWithTheKeyFromTheApiHostAndWithoutItFromAForeignHost(@TempDir Path dir) throws Exception {
        VideoClient c = client();
        VideoResult result = completed(c);
        wm.stubFor(get("/v1/videos/video_1/content").willReturn(aResponse().withStatus(302)
                .withHeader("Location", storage.baseUrl() + "/files/video_1.mp4?sig=abc")));
        storage.stubFor(get(urlPathEqualTo("/files/video_1.mp4")).willReturn(aResponse().withBody(MP4)
                .withHeader("Content-Type", "video/mp4")));

        Path out = c.download(result.video(), dir.resolve("v.mp4")).get();

        assertThat(Files.readAllBytes(out)).isEqualTo(MP4);
        wm.verify(getRequestedFor(urlEqualTo("/v1/videos/video_1/content")).withHeader("Authorization", equalTo("Bearer " + KEY)));
        storage.verify(getRequestedFor(urlPathEqualTo("/files/video_1.mp4")).withHeader("Authorization", absent()));
    }

    @Test
    void thumbnailVariantIsItsOwnAssetDownloadedWithTheKey(@TempDir Path dir) throws Exception {
        VideoClient c = client();
        VideoAsset thumbnail = completed(c).assets(VideoAsset.THUMBNAIL).get(0);
        byte[] webp = {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'};
        wm.stubFor(get("/v1/videos/video_1/content?variant=thumbnail").willReturn(aResponse().withBody(webp)
                .withHeader("Content-Type", "image/webp")));

        Path out = c.download(thumbnail, dir.resolve("thumb.webp")).get();

        assertThat(Files.readAllBytes(out)).isEqualTo(webp);
        wm.verify(getRequestedFor(urlEqualTo("/v1/videos/video_1/content?variant=thumbnail"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void cancelDeletesTheVideoWithTheJobsKey() {
        wm.stubFor(delete("/v1/videos/video_9").willReturn(okJson(
                "{\"id\": \"video_9\", \"object\": \"video.deleted\", \"deleted\": true}")));
        VideoJob job = ProviderData.withKeyId(VideoJob.of("openai", "video_9", "sora-2", time.now()), "openai#1");

        time.run(client().cancel(job));

        wm.verify(deleteRequestedFor(urlEqualTo("/v1/videos/video_9")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void cancellingAGenerateAlsoDeletesAtTheProvider() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_c", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_c").willReturn(okJson(video("video_c", "in_progress", 5))));
        wm.stubFor(delete("/v1/videos/video_c").willReturn(okJson("{\"id\": \"video_c\", \"object\": \"video.deleted\", \"deleted\": true}")));
        CompletableFuture<Void> firstPoll = new CompletableFuture<>();
        CompletableFuture<?> f = client().generate(VideoRequest.text("x").build(),
                GenerateOptions.builder().onProgress(e -> firstPoll.complete(null)).build());
        time.run(firstPoll);

        f.cancel(true);
        time.run(SERVED.served("DELETE", "/v1/videos/video_c"));

        assertThat(f).isCancelled();
        wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/videos/video_c")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void remixPostsOnlyThePromptAndRemembersTheSource() {
        wm.stubFor(post("/v1/videos/video_src/remix").willReturn(okJson(video("video_rx", "queued", 0)
                .replace("\"remixed_from_video_id\": null", "\"remixed_from_video_id\": \"video_src\""))));

        VideoJob job = time.run(client().submit(VideoRequest.text("Same scene at night")
                .extra(OpenAiExtras.REMIX_VIDEO_ID, "video_src").build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos/video_src/remix"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"prompt\": \"Same scene at night\"}")));
        assertThat(job.id()).isEqualTo("video_rx");
        assertThat(ProviderData.attribute(job, "remixed_from")).contains("video_src");
        wm.stubFor(get("/v1/videos/video_rx").willReturn(okJson(video("video_rx", "in_progress", 3))));
        JobStatus status = time.run(client().status(VideoJob.fromToken(job.toToken())));
        assertThat(status.progress()).isEqualTo(3);
    }

    @Test
    void remixRejectsFieldsItCannotCarry() {
        Throwable e = failureOf(client().submit(VideoRequest.text("x").durationSeconds(8)
                .extra(OpenAiExtras.REMIX_VIDEO_ID, "video_src").build()));

        assertThat(e).isInstanceOf(InvalidRequestException.class)
                .hasMessage("an openai remix takes only a prompt; remove duration or drop the remix_video_id extra");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
