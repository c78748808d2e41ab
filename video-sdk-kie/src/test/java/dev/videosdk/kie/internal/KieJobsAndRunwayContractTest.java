package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.JobState;
import dev.videosdk.MediaInput;
import dev.videosdk.ProgressEvent;
import dev.videosdk.GenerateOptions;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.kie.KieExtras;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exact requests and answers of Kie's market jobs API (kie.md §6) and Runway family (§5). */
class KieJobsAndRunwayContractTest {
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

    private static String jobsRecord(String state, String extra) {
        return "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"task_kling_1\",\"model\":\"kling-2.6/text-to-video\","
                + "\"state\":\"" + state + "\",\"param\":\"{\\\"model\\\":\\\"kling-2.6/text-to-video\\\"}\",\"failCode\":\"\","
                + "\"failMsg\":\"\",\"costTime\":71234,\"createTime\":1767225600000" + extra + "}}";
    }

    @Test
    void generate_marketModel_sendsExactCreateTask_andWalksEveryState() {
        wm.stubFor(post("/api/v1/jobs/createTask").willReturn(okJson(KieTestClient.taskAccepted("task_kling_1"))));
        String[] states = {"waiting", "queuing", "generating"};
        String current = STARTED;
        for (int i = 0; i < states.length; i++) {
            String next = "s" + i;
            wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).inScenario("jobs").whenScenarioStateIs(current)
                    .willReturn(okJson(jobsRecord(states[i], i == 2 ? ",\"progress\":40" : ""))).willSetStateTo(next));
            current = next;
        }
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).inScenario("jobs").whenScenarioStateIs(current)
                .willReturn(okJson(jobsRecord("success", ",\"resultJson\":\"{\\\"resultUrls\\\":[\\\"https://tempfile.aiquickdraw.com/k/clip.mp4\\\"]}\","
                        + "\"completeTime\":1767225671357"))));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        VideoRequest request = VideoRequest.text("Close-up of espresso pouring into a glass cup, slow motion")
                .model("kling-2.6/text-to-video")
                .durationSeconds(5)
                .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                .callbackUrl(URI.create("https://example.org/hooks/kie?token=abc123"))
                .extra(KieExtras.INPUT_PREFIX + "sound", false)
                .build();
        VideoResult result = time.run(client.generate(request, GenerateOptions.builder().onProgress(events::add).build()));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/jobs/createTask"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"kling-2.6/text-to-video\","
                        + "\"callBackUrl\":\"https://example.org/hooks/kie?token=abc123\",\"input\":{"
                        + "\"prompt\":\"Close-up of espresso pouring into a glass cup, slow motion\",\"aspect_ratio\":\"16:9\","
                        + "\"duration\":\"5\",\"sound\":false}}")));
        wm.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/jobs/recordInfo")).withQueryParam("taskId", equalTo("task_kling_1"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY)));
        assertThat(events).extracting(ProgressEvent::state)
                .containsExactly(JobState.QUEUED, JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(events.get(2).progress()).isEqualTo(40);
        assertThat(result.video().uri()).hasToString("https://tempfile.aiquickdraw.com/k/clip.mp4");
        assertThat(ProviderData.attribute(result.job(), "family")).contains("jobs");
        // conservative: 24 h from the submission, which is before the completion Kie reports
        assertThat(result.video().expiresAt()).isEqualTo(result.job().submittedAt().plus(Duration.ofHours(24)))
                .isBefore(Instant.ofEpochMilli(1767225671357L).plus(Duration.ofHours(24)));
    }

    @Test
    void submit_marketImageToVideo_sendsImageUrlsAndExtras() {
        wm.stubFor(post("/api/v1/jobs/createTask").willReturn(okJson(KieTestClient.taskAccepted("task_wan_1765967707657"))));

        time.run(client.submit(VideoRequest.image("The cat dances", MediaInput.url("https://cdn.example.org/cat.png"))
                .model("wan/2-6-image-to-video")
                .negativePrompt("blur")
                .resolution(Resolution.FHD_1080P)
                .seed(42)
                .build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/jobs/createTask")).withRequestBody(equalToJson(
                "{\"model\":\"wan/2-6-image-to-video\",\"input\":{\"prompt\":\"The cat dances\",\"negative_prompt\":\"blur\","
                        + "\"resolution\":\"1080p\",\"image_urls\":[\"https://cdn.example.org/cat.png\"],\"seed\":42}}")));
    }

    @Test
    void generate_marketFail_failsWithItsFailMessage() {
        wm.stubFor(post("/api/v1/jobs/createTask").willReturn(okJson(KieTestClient.taskAccepted("task_kling_1"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).willReturn(okJson(
                "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"task_kling_1\",\"state\":\"fail\","
                        + "\"failCode\":\"MODEL_ERR\",\"failMsg\":\"upstream render error\"}}")));

        assertThatThrownBy(() -> time.run(client.generate(VideoRequest.text("x").model("kling-2.6/text-to-video").build())))
                .hasCauseInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("upstream render error").hasMessageContaining("code MODEL_ERR");
    }

    @Test
    void await_tokenFromAnotherProcess_pollsTheFamilyItRecords() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).willReturn(okJson(jobsRecord("success",
                ",\"resultJson\":{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/k/obj.mp4\"]}"))));
        String token = ProviderData.withAttribute(ProviderData.withKeyId(VideoJob.of("kie", "task_kling_1", "kling-2.6/text-to-video", time.now()), "kie#1"), "family", "jobs").toToken();

        VideoResult result = time.run(client.await(VideoJob.fromToken(token)));

        assertThat(result.video().uri()).hasToString("https://tempfile.aiquickdraw.com/k/obj.mp4");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/veo/record-info")));
    }

    /**
     * kie.md §6.2: newer records carry the credits charged as creditsConsumed (or consumeCredits; the
     * names vary and are unconfirmed by Kie's reference, which the search tool did not find either).
     * costTime is a duration in ms, not a cost, and must not be read as one.
     */
    @Test
    void await_recordWithCreditsConsumed_reportsThemAsActualCost() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).willReturn(okJson(jobsRecord("success",
                ",\"resultJson\":{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/k/obj.mp4\"]},\"creditsConsumed\":30,"
                        + "\"remainedCredits\":970"))));
        VideoJob job = ProviderData.withAttribute(VideoJob.of("kie", "task_kling_1", "kling-2.6/text-to-video", time.now()), "family", "jobs");

        VideoResult result = time.run(client.await(job));

        assertThat(result.actualCost()).isEqualTo(dev.videosdk.Cost.of(new java.math.BigDecimal("30"), "kie-credits"));
        assertThat(result.actualCost().toUsd()).isEmpty(); // no confirmed dollar rate for Kie credits
    }

    @Test
    void await_recordWithConsumeCreditsAsText_orWithoutCredits() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).inScenario("c").whenScenarioStateIs(STARTED)
                .willReturn(okJson(jobsRecord("success",
                        ",\"resultJson\":{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/k/a.mp4\"]},\"consumeCredits\":\"12.5\"")))
                .willSetStateTo("second"));
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).inScenario("c").whenScenarioStateIs("second")
                .willReturn(okJson(jobsRecord("success",
                        ",\"resultJson\":{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/k/b.mp4\"]}"))));
        VideoJob job = ProviderData.withAttribute(VideoJob.of("kie", "task_kling_1", "kling-2.6/text-to-video", time.now()), "family", "jobs");

        assertThat(time.run(client.await(job)).actualCost().amount()).isEqualByComparingTo("12.5");
        assertThat(time.run(client.await(job)).actualCost()).isNull();
    }

    @Test
    void generate_runway_sendsExactRequest_andReadsRecordDetail() {
        wm.stubFor(post("/api/v1/runway/generate").willReturn(okJson(KieTestClient.taskAccepted("ee603959-debb-48d1-98c4-a6d1c717eba6"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/runway/record-detail")).inScenario("rw").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"ee603959-debb-48d1-98c4-a6d1c717eba6\","
                        + "\"state\":\"queueing\"}}")).willSetStateTo("w"));
        wm.stubFor(get(urlPathEqualTo("/api/v1/runway/record-detail")).inScenario("rw").whenScenarioStateIs("w")
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"ee603959-debb-48d1-98c4-a6d1c717eba6\","
                        + "\"state\":\"success\",\"videoInfo\":{\"videoId\":\"v1\",\"videoUrl\":\"https://file.aiquickdraw.com/r/v1.mp4\","
                        + "\"imageUrl\":\"https://file.aiquickdraw.com/r/v1.jpg\"},\"expireFlag\":0}}")));

        VideoResult result = time.run(client.generate(VideoRequest.text("A dog runs on the beach").model(KieExtras.RUNWAY)
                .extra(KieExtras.WATERMARK, "kie").build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/runway/generate"))
                .withHeader("Authorization", equalTo("Bearer " + KieTestClient.KEY))
                .withRequestBody(equalToJson("{\"prompt\":\"A dog runs on the beach\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\",\"waterMark\":\"kie\"}")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/runway/record-detail"))
                .withQueryParam("taskId", equalTo("ee603959-debb-48d1-98c4-a6d1c717eba6")));
        assertThat(result.video().uri()).hasToString("https://file.aiquickdraw.com/r/v1.mp4");
        assertThat(ProviderData.attribute(result.job(), "family")).contains("runway");
    }

    @Test
    void submit_runwayImage_omitsTheRatio_andSendsNoWatermarkAsEmpty() {
        wm.stubFor(post("/api/v1/runway/generate").willReturn(okJson(KieTestClient.taskAccepted("rw-2"))));

        time.run(client.submit(VideoRequest.image("Zoom out", MediaInput.url("https://cdn.example.org/p.jpg"))
                .model(KieExtras.RUNWAY).durationSeconds(10).build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/runway/generate")).withRequestBody(equalToJson(
                "{\"prompt\":\"Zoom out\",\"imageUrl\":\"https://cdn.example.org/p.jpg\",\"duration\":10,\"quality\":\"720p\",\"waterMark\":\"\"}")));
    }

    @Test
    void generate_runwayExpired_isJobExpired() {
        wm.stubFor(post("/api/v1/runway/generate").willReturn(okJson(KieTestClient.taskAccepted("rw-old"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/runway/record-detail")).willReturn(okJson("{\"code\":200,\"msg\":\"success\","
                + "\"data\":{\"taskId\":\"rw-old\",\"state\":\"success\",\"videoInfo\":{\"videoUrl\":\"https://f.example/v.mp4\"},\"expireFlag\":1}}")));

        assertThatThrownBy(() -> time.run(client.generate(VideoRequest.text("x").model(KieExtras.RUNWAY).build())))
                .hasCauseInstanceOf(JobExpiredException.class).hasMessageContaining("expired");
    }

    @Test
    void validation_rejectsRunwayAndMarketCombinationsBeforeAnyCall() {
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").model(KieExtras.RUNWAY)
                .durationSeconds(10).resolution(Resolution.FHD_1080P).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("1080p only for 5 s clips");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").model(KieExtras.RUNWAY)
                .aspectRatio(AspectRatio.CINEMA_21_9).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("aspectRatio 21:9");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x".repeat(1801)).model(KieExtras.RUNWAY).build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 1800 characters");
        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.image("x", MediaInput.url("https://a.example/1.png"))
                .lastFrame(MediaInput.url("https://a.example/2.png")).model("kling-2.6/image-to-video").build())))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("extra(\"input.<field>\"");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
