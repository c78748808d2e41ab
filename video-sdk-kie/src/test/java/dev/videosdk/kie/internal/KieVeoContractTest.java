package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.kie.KieExtras;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exact requests and answers of Kie's Veo 3.1 family (kie.md §4).
 *
 * <p>Unconfirmed items checked with the search tool (2026-11-23): a copy of the current Veo 3.1
 * generate page (LignumBlocks/video_factory {@code doc/veo_doc.md}) spells {@code aspect_ratio} and says
 * {@code FIRST_AND_LAST_FRAMES_2_VIDEO} takes "one or two images", so one start image is sent with that
 * type; older copies and clients (SrvcFlo quick-start, L-Evan notes, LensRoom types) still use camelCase
 * {@code aspectRatio}. Which spelling the server honours today stays unconfirmed; the SDK sends the
 * documented {@code aspect_ratio} only. No source confirmed a Veo {@code duration} field on Kie, so it is
 * never sent and only 8 s is accepted.
 */
class KieVeoContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private VirtualTime time;
    private VideoClient client;

    @BeforeEach
    void setUp() {
        time = VirtualTime.start();
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static String record(String taskId, int successFlag, String response) {
        return "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"" + taskId + "\",\"paramJson\":\"{}\","
                + "\"createTime\":\"2026-01-01 00:00:00\",\"successFlag\":" + successFlag + ",\"errorCode\":null,"
                + "\"errorMessage\":\"\",\"response\":" + response + "}}";
    }

    @Test
    void generate_textToVideo_sendsExactRequest_andPollsRecordInfoUntilSuccess() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("veo_task_1"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).inScenario("veo").whenScenarioStateIs(STARTED)
                .willReturn(okJson(record("veo_task_1", 0, "null"))).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).inScenario("veo").whenScenarioStateIs("done")
                .willReturn(okJson(record("veo_task_1", 1,
                        "{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/v/abc_1767604481.mp4\"],\"originUrls\":[],\"resolution\":\"720p\"}"))));

        VideoRequest request = VideoRequest.text("A paper boat drifting down a rain-soaked street")
                .aspectRatio(AspectRatio.PORTRAIT_9_16)
                .seed(48213)
                .callbackUrl(URI.create("https://example.org/hooks/kie?token=abc123"))
                .extra(KieExtras.WATERMARK, "MyBrand")
                .extra(KieExtras.ENABLE_TRANSLATION, false)
                .build();
        VideoResult result = time.run(client.generate(request));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/veo/generate"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", matching("video-sdk-java/\\S+.*"))
                .withRequestBody(equalToJson("{\"prompt\":\"A paper boat drifting down a rain-soaked street\","
                        + "\"model\":\"veo3_fast\",\"generationType\":\"TEXT_2_VIDEO\",\"aspect_ratio\":\"9:16\","
                        + "\"seeds\":48213,\"callBackUrl\":\"https://example.org/hooks/kie?token=abc123\","
                        + "\"enableTranslation\":false,\"watermark\":\"MyBrand\"}")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/veo/record-info"))
                .withQueryParam("taskId", equalTo("veo_task_1"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY)));
        assertThat(result.video().uri()).hasToString("https://tempfile.aiquickdraw.com/v/abc_1767604481.mp4");
        assertThat(result.video().expiresAt()).isEqualTo(result.job().submittedAt().plus(Duration.ofHours(24)));
        assertThat(ProviderData.attribute(result.job(), "family")).contains("veo");
        assertThat(ProviderData.attribute(VideoJob.fromToken(result.job().toToken()), "family")).contains("veo");
    }

    @Test
    void generate_minimalText_omitsOptionalFields() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-min"))));

        VideoJob job = time.run(client.submit(VideoRequest.text("A fox").model(KieExtras.VEO3).build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(equalToJson(
                "{\"prompt\":\"A fox\",\"model\":\"veo3\",\"generationType\":\"TEXT_2_VIDEO\"}")));
        assertThat(job.id()).isEqualTo("t-min");
        assertThat(job.model()).isEqualTo("veo3");
        assertThat(ProviderData.keyId(job)).isEqualTo("kie#1");
    }

    @Test
    void submit_firstAndLastFrames_sendsBothUrlsInOrder() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-frames"))));

        time.run(client.submit(VideoRequest.image("The boat sails away", MediaInput.url("https://cdn.example.org/first.jpg"))
                .lastFrame(MediaInput.url("https://cdn.example.org/last.jpg"))
                .extra(KieExtras.AUTO_ASPECT_RATIO, true)
                .build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(equalToJson(
                "{\"prompt\":\"The boat sails away\",\"model\":\"veo3_fast\",\"generationType\":\"FIRST_AND_LAST_FRAMES_2_VIDEO\","
                        + "\"imageUrls\":[\"https://cdn.example.org/first.jpg\",\"https://cdn.example.org/last.jpg\"],"
                        + "\"aspect_ratio\":\"Auto\"}")));
    }

    @Test
    void submit_referenceImages_usesReference2Video() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-ref"))));

        time.run(client.submit(VideoRequest.text("A product turntable")
                .referenceImage(MediaInput.url("https://cdn.example.org/a.png"))
                .referenceImage(MediaInput.url("https://cdn.example.org/b.png"))
                .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                .build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(equalToJson(
                "{\"prompt\":\"A product turntable\",\"model\":\"veo3_fast\",\"generationType\":\"REFERENCE_2_VIDEO\","
                        + "\"imageUrls\":[\"https://cdn.example.org/a.png\",\"https://cdn.example.org/b.png\"],"
                        + "\"aspect_ratio\":\"16:9\"}")));
    }

    @Test
    void submit_imageBytes_areUploadedFirst_andTheDownloadUrlIsSent() {
        wm.stubFor(post("/api/file-stream-upload").willReturn(okJson("{\"success\":true,\"code\":200,\"msg\":\"File uploaded\","
                + "\"data\":{\"fileName\":\"x.png\",\"downloadUrl\":\"https://tempfile.redpandaai.co/video-sdk/x.png\"}}")));
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-up"))));

        time.run(client.submit(VideoRequest.image("Dance", MediaInput.bytes(new byte[] {1, 2, 3}, "image/png")).build()));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/file-stream-upload"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY))
                .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
                .withRequestBody(matching("(?s).*name=\"uploadPath\"\r\n\r\nvideo-sdk\r\n.*"))
                .withRequestBody(matching("(?s).*name=\"file\"; filename=\"videosdk-[0-9a-f-]{36}\\.png\"\r\nContent-Type: image/png.*")));
        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(equalToJson(
                "{\"prompt\":\"Dance\",\"model\":\"veo3_fast\",\"generationType\":\"FIRST_AND_LAST_FRAMES_2_VIDEO\","
                        + "\"imageUrls\":[\"https://tempfile.redpandaai.co/video-sdk/x.png\"]}")));
    }

    @Test
    void submit_dataUrl_isUploadedAsBase64() {
        wm.stubFor(post("/api/file-base64-upload").willReturn(okJson("{\"success\":true,\"code\":200,\"msg\":\"ok\","
                + "\"data\":{\"downloadUrl\":\"https://tempfile.redpandaai.co/video-sdk/d.png\"}}")));
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-data"))));

        time.run(client.submit(VideoRequest.image("Dance", MediaInput.url("data:image/png;base64,AQID")).build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/file-base64-upload")).withRequestBody(equalToJson(
                "{\"base64Data\":\"data:image/png;base64,AQID\",\"uploadPath\":\"video-sdk\",\"fileName\":\"${json-unit.regex}videosdk-[0-9a-f-]{36}\\\\.png\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(
                matching(".*\"imageUrls\":\\[\"https://tempfile.redpandaai.co/video-sdk/d.png\"\\].*")));
    }

    @Test
    void generate_1080p_fetchesTheHdFile_waitingWhileItIsProcessing() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-hd"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).willReturn(okJson(record("t-hd", 1,
                "{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/v/t-hd_720.mp4\"]}"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/get-1080p-video")).inScenario("hd").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"code\":400,\"msg\":\"1080P is processing. It should be ready in 1-2 minutes\",\"data\":null}"))
                .willSetStateTo("ready"));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/get-1080p-video")).inScenario("hd").whenScenarioStateIs("ready")
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"resultUrl\":\"https://tempfile.aiquickdraw.com/p/t-hd_1080.mp4\"}}")));

        VideoResult result = time.run(client.generate(VideoRequest.text("A lighthouse").resolution(Resolution.FHD_1080P).build()));

        assertThat(result.video().uri()).hasToString("https://tempfile.aiquickdraw.com/p/t-hd_1080.mp4");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/veo/get-1080p-video"))
                .withQueryParam("taskId", equalTo("t-hd")).withQueryParam("index", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY)));
        assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(20));
        assertThat(ProviderData.attribute(result.job(), "hd")).contains("1080p");
        // the 1080p option is not a field of the create call
        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")).withRequestBody(
                equalToJson("{\"prompt\":\"A lighthouse\",\"model\":\"veo3_fast\",\"generationType\":\"TEXT_2_VIDEO\"}")));
    }

    @Test
    void generate_fallbackVideo_hasNo1080p_returns720p() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-fb"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{"
                + "\"taskId\":\"t-fb\",\"successFlag\":1,\"fallbackFlag\":true,\"response\":{\"resultUrls\":[\"https://f.example/720.mp4\"]}}}")));

        VideoResult result = time.run(client.generate(VideoRequest.text("A lighthouse").resolution(Resolution.FHD_1080P).build()));

        assertThat(result.video().uri()).hasToString("https://f.example/720.mp4");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/veo/get-1080p-video")));
    }

    @Test
    void status_everySuccessFlag_mapsToItsState() {
        String[][] cases = {{"0", "RUNNING"}, {"1", "SUCCEEDED"}, {"2", "FAILED"}, {"3", "FAILED"}};
        for (String[] c : cases) {
            wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).withQueryParam("taskId", equalTo("flag-" + c[0]))
                    .willReturn(okJson(record("flag-" + c[0], Integer.parseInt(c[0]),
                            c[0].equals("1") ? "{\"resultUrls\":[\"https://r.example/v.mp4\"]}" : "null"))));
            VideoJob job = ProviderData.withAttribute(VideoJob.of("kie", "flag-" + c[0], "veo3_fast", time.now()), "family", "veo");

            JobStatus status = time.run(client.status(job));

            assertThat(status.state()).as("successFlag " + c[0]).isEqualTo(JobState.valueOf(c[1]));
            assertThat(status.rawStatus()).isEqualTo(c[0]);
        }
    }

    @Test
    void generate_failedWithPolicyError_failsWithContentPolicy() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-bad"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{"
                + "\"taskId\":\"t-bad\",\"successFlag\":3,\"errorCode\":400,"
                + "\"errorMessage\":\"Your prompt was flagged by Website as violating content policies.\",\"response\":null}}")));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("something").build());

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(ContentPolicyException.class)
                .hasMessageContaining("flagged").hasMessageContaining("t-bad");
    }

    @Test
    void generate_failedWithInternalError_isARetryableGenerationFailure() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-500"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{"
                + "\"taskId\":\"t-500\",\"successFlag\":2,\"errorCode\":500,\"errorMessage\":\"Internal Error, timeout\"}}")));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("something").build());

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(GenerationFailedException.class)
                .cause().hasMessageContaining("Internal Error, timeout").hasMessageContaining("code 500")
                .satisfies(e -> assertThat(((GenerationFailedException) e).isRetryable()).isTrue());
    }

    @Test
    void generate_successWithoutUrl_isATypedFailure() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("t-nourl"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).willReturn(okJson(record("t-nourl", 1,
                "{\"resultUrls\":[],\"originUrls\":[]}"))));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("something").build());

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("successful but gave no video URL");
    }

    @Test
    void validation_rejectsVeoCombinationsBeforeAnyCall() {
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").durationSeconds(5).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("duration 5s; allowed: [8s]");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").seed(7).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("10000 to 99999");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").model(KieExtras.VEO3)
                .referenceImage(MediaInput.url("https://a.example/r.png")).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("only with model veo3_fast");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").aspectRatio(AspectRatio.SQUARE_1_1).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("aspectRatio 1:1");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").resolution(Resolution.UHD_4K).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("resolution 4k");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.image("x", MediaInput.url("gs://bucket/a.png")).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("public http(s) URL");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void httpErrorBodyThatIsHtml_isMappedByStatus() {
        wm.stubFor(post("/api/v1/veo/generate").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("error code: 1010")));

        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").build())))
                .hasCauseInstanceOf(dev.videosdk.PermissionDeniedException.class).hasMessageContaining("error code: 1010");
    }
}
