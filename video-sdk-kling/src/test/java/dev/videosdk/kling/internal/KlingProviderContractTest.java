package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.AspectRatio;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.MediaInput;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.kling.KlingExtras;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.kling.internal.KlingFixture.TASK_ID;
import static dev.videosdk.kling.internal.KlingFixture.UPDATED_MS;
import static dev.videosdk.kling.internal.KlingFixture.VIDEO_URL;
import static dev.videosdk.kling.internal.KlingFixture.accepted;
import static dev.videosdk.kling.internal.KlingFixture.body;
import static dev.videosdk.kling.internal.KlingFixture.envelope;
import static dev.videosdk.kling.internal.KlingFixture.json;
import static dev.videosdk.kling.internal.KlingFixture.posts;
import static dev.videosdk.kling.internal.KlingFixture.succeeded;
import static dev.videosdk.kling.internal.KlingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact requests Kling's v1 task API documents, and how answers become results. */
class KlingProviderContractTest {
    @RegisterExtension
    static WireMockExtension wm = KlingFixture.wireMock();

    private static final String T2V = "/v1/videos/text2video";
    private static final String I2V = "/v1/videos/image2video";
    private static final String BEARER_JWT = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = KlingFixture.client(time, KlingFixture.env(wm));

    @AfterEach
    void close() {
        client.close();
    }

    private void stubDone(String path) {
        wm.stubFor(post(urlEqualTo(path)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(path + "/" + TASK_ID)).willReturn(json(200, envelope(succeeded(VIDEO_URL)))));
    }

    /** Asserts the create body equals {@code expected} plus the generated external_task_id; returns that id. */
    private static String assertBody(LoggedRequest request, String expected) {
        ObjectNode actual = body(request);
        String externalId = actual.path("external_task_id").asText();
        assertThat(externalId).matches("videosdk-[0-9a-f-]{36}");
        ObjectNode want = (ObjectNode) KlingFixture.tree(expected);
        want.put("external_task_id", externalId);
        assertThat(actual).isEqualTo(want);
        return externalId;
    }

    @Test
    void generate_textDefaults_sendsDocumentedRequestAndPollsSamePath() {
        stubDone(T2V);

        VideoResult result = time.run(client.generate(VideoRequest.text("A calico cat playing piano").build()));

        List<LoggedRequest> creates = posts(wm, T2V);
        assertThat(creates).hasSize(1);
        String externalId = assertBody(creates.get(0), """
                {"model_name":"kling-v1-6","prompt":"A calico cat playing piano","mode":"std",
                 "aspect_ratio":"1:1","duration":"5"}""");
        wm.verify(postRequestedFor(urlEqualTo(T2V))
                .withHeader("Authorization", matching(BEARER_JWT))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json")));
        wm.verify(getRequestedFor(urlEqualTo(T2V + "/" + TASK_ID)).withHeader("Authorization", matching(BEARER_JWT)));
        assertThat(result.job().id()).isEqualTo(TASK_ID);
        assertThat(result.job().model()).isEqualTo("kling-v1-6");
        assertThat(ProviderData.attributes(result.job())).containsEntry("endpoint", "text2video")
                .containsEntry("external_task_id", externalId);
        assertThat(ProviderData.keyId(result.job())).isEqualTo("kling#1");
        VideoAsset video = result.video();
        assertThat(video.uri()).isEqualTo(URI.create(VIDEO_URL));
        assertThat(video.mimeType()).isEqualTo("video/mp4");
        assertThat(video.expiresAt()).isEqualTo(Instant.ofEpochMilli(UPDATED_MS).plus(Duration.ofDays(30)));
        assertThat(video.provider()).isEqualTo("kling");
    }

    @Test
    void generate_textAllFields_mapsEveryFieldAndPassesExtrasThrough() {
        stubDone(T2V);
        VideoRequest request = VideoRequest.text("Slow dolly shot of a lighthouse")
                .negativePrompt("text, watermark")
                .durationSeconds(10)
                .aspectRatio(AspectRatio.PORTRAIT_9_16)
                .model("kling-v2-6")
                .callbackUrl(URI.create("https://example.org/hooks/kling?token=abc"))
                .extra(KlingExtras.MODE, KlingExtras.MODE_PRO)
                .extra(KlingExtras.CFG_SCALE, 0.7)
                .extra(KlingExtras.CAMERA_CONTROL, Map.of("type", "simple", "config", Map.of("zoom", 5)))
                .extra(KlingExtras.EXTERNAL_TASK_ID, "order-42-clip-1")
                .extra("sound", "on")
                .build();

        time.run(client.generate(request));

        wm.verify(postRequestedFor(urlEqualTo(T2V)).withRequestBody(equalToJson("""
                {"model_name":"kling-v2-6","prompt":"Slow dolly shot of a lighthouse","negative_prompt":"text, watermark",
                 "cfg_scale":0.7,"mode":"pro","aspect_ratio":"9:16","duration":"10",
                 "callback_url":"https://example.org/hooks/kling?token=abc","external_task_id":"order-42-clip-1",
                 "camera_control":{"type":"simple","config":{"zoom":5}},"sound":"on"}""")));
    }

    @Test
    void generate_imageUrl_sendsImage2videoWithDefaultCfgScaleAndPollsImagePath() {
        stubDone(I2V);

        VideoResult result = time.run(client.generate(
                VideoRequest.image("The cat starts to dance", MediaInput.url("https://example.org/cat.png")).build()));

        assertBody(posts(wm, I2V).get(0), """
                {"model_name":"kling-v1-6","image":"https://example.org/cat.png","prompt":"The cat starts to dance",
                 "cfg_scale":0.5,"mode":"std","duration":"5"}""");
        wm.verify(1, getRequestedFor(urlEqualTo(I2V + "/" + TASK_ID)));
        wm.verify(0, getRequestedFor(urlEqualTo(T2V + "/" + TASK_ID)));
        assertThat(ProviderData.attribute(result.job(), "endpoint")).contains("image2video");
    }

    @Test
    void generate_imageBytesAndTail_sendsBareBase64WithoutDataPrefix() {
        stubDone(I2V);
        byte[] first = KlingFixture.png(400, 300);
        byte[] last = KlingFixture.png(300, 400);

        time.run(client.generate(VideoRequest.image("Morph", MediaInput.bytes(first, "image/png"))
                .lastFrame(MediaInput.bytes(last, "image/png")).model("kling-v2-1").build()));

        ObjectNode sent = body(posts(wm, I2V).get(0));
        assertThat(sent.path("image").asText()).isEqualTo(Base64.getEncoder().encodeToString(first))
                .doesNotStartWith("data:");
        assertThat(sent.path("image_tail").asText()).isEqualTo(Base64.getEncoder().encodeToString(last));
        assertThat(sent.has("cfg_scale")).as("kling-v2 models take no cfg_scale").isFalse();
    }

    @Test
    void generate_imageDataUrl_sendsOnlyTheBase64Part() {
        stubDone(I2V);

        time.run(client.generate(VideoRequest.image("x", MediaInput.url("data:image/png;base64,iVBORw0KGgo=")).build()));

        assertThat(body(posts(wm, I2V).get(0)).path("image").asText()).isEqualTo("iVBORw0KGgo=");
    }

    @Test
    void generate_unknownStatusThenSucceed_keepsWaitingThenSucceeds() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        String path = T2V + "/" + TASK_ID;
        wm.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, envelope(task("submitted")))).willSetStateTo("odd"));
        wm.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("odd")
                .willReturn(json(200, envelope(task("rendering_v9")))).willSetStateTo("processing"));
        wm.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("processing")
                .willReturn(json(200, envelope(task("processing")))).willSetStateTo("done"));
        wm.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, envelope(succeeded(VIDEO_URL)))));
        List<JobState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        VideoResult result = time.run(client.generate(VideoRequest.text("x").build(),
                dev.videosdk.GenerateOptions.builder().onProgress(e -> seen.add(e.state())).build()));

        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
        assertThat(seen).containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.RUNNING, JobState.SUCCEEDED);
        wm.verify(4, getRequestedFor(urlEqualTo(path)));
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void generate_failedTask_failsWithProviderReason() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(KlingFixture.failed("render node crashed")))));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("kling task " + TASK_ID + " failed: render node crashed");
    }

    @Test
    void generate_failedByModeration_failsWithContentPolicy() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200,
                envelope(KlingFixture.failed("Failure to pass the risk control system")))));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());

        assertThatThrownBy(() -> time.run(f)).cause().isInstanceOf(ContentPolicyException.class)
                .satisfies(e -> assertThat(((ContentPolicyException) e).reasons())
                        .containsExactly("Failure to pass the risk control system"));
    }

    @Test
    void generate_succeedWithoutVideos_failsWithProtocolError() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(
                "{\"task_id\":\"" + TASK_ID + "\",\"task_status\":\"succeed\",\"task_result\":{\"videos\":[]}}"))));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("as succeed but gave no video URL");
    }

    @Test
    void generate_createWithoutTaskId_failsWithProtocolErrorQuotingTheBody() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, envelope("{}"))));

        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());

        // a 2xx the SDK cannot read: a task may exist (LIFECYCLE.md §2), so the error says so and keeps the excerpt
        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(dev.videosdk.JobMayExistException.class)
                .hasRootCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("without data.task_id").hasMessageContaining("\"code\":0").hasMessageContaining("a job may exist");
    }

    @Test
    void await_fromToken_pollsTheFamilyRecordedInTheToken() {
        wm.stubFor(get(urlEqualTo(I2V + "/" + TASK_ID)).willReturn(json(200, envelope(succeeded(VIDEO_URL)))));
        VideoJob stored = ProviderData.withAttribute(ProviderData.withKeyId(VideoJob.of("kling", TASK_ID, "kling-v1-6", time.now()), "kling#1"), "endpoint", "image2video");

        VideoResult result = time.run(client.await(VideoJob.fromToken(stored.toToken())));

        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
        wm.verify(1, getRequestedFor(urlEqualTo(I2V + "/" + TASK_ID)));
    }

    @Test
    void await_longJob_timesOutAfterFifteenMinutesWithResumableJob() {
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(task("processing")))));
        VideoJob job = ProviderData.withAttribute(VideoJob.of("kling", TASK_ID, null, time.now()), "endpoint", "text2video");

        CompletableFuture<VideoResult> f = client.await(job);

        assertThatThrownBy(() -> time.run(f)).hasCauseInstanceOf(dev.videosdk.GenerationTimeoutException.class)
                .hasMessageContaining("the deadline is 900 s");
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(15));
    }

    /** kling.md §6: the task reports the units charged as final_unit_deduction (a string); the fixture says "3.5". */
    @Test
    void generate_finishedTask_reportsUnitsChargedAsActualCost() {
        stubDone(T2V);

        VideoResult result = time.run(client.generate(VideoRequest.text("A calico cat playing piano").build()));

        assertThat(result.actualCost()).isEqualTo(dev.videosdk.Cost.of(new java.math.BigDecimal("3.5"), "kling-units",
                new java.math.BigDecimal("0.14")));
        assertThat(result.actualCost().toUsd()).contains(new java.math.BigDecimal("0.49"));
        assertThat(result.estimatedCost()).isEmpty(); // the shipped table has no confirmed Kling unit counts
        assertThat(client.estimate(VideoRequest.text("x").build()).isKnown()).isFalse();
    }

    /** kling.md §4.2: kling-v3 takes 3–15 s; the older models 5 or 10 s. Checked per model before any call. */
    @Test
    void generate_perModelDurations_klingV3TakesTwelveSecondsOlderModelsDoNot() {
        stubDone(T2V);

        time.run(client.generate(VideoRequest.text("A koi pond").model("kling-v3").durationSeconds(12).build()));
        assertThat(body(posts(wm, T2V).get(0)).path("duration").asText()).isEqualTo("12");

        CompletableFuture<VideoResult> old = client.generate(VideoRequest.text("A koi pond").model("kling-v2-6")
                .durationSeconds(12).build());
        assertThatThrownBy(old::join).cause().isInstanceOf(dev.videosdk.InvalidRequestException.class)
                .hasMessage("kling does not support duration 12s; allowed: [5s, 10s]");
        CompletableFuture<VideoResult> tooLong = client.generate(VideoRequest.text("A koi pond").model("kling-v3")
                .durationSeconds(16).build());
        assertThatThrownBy(tooLong::join).cause().hasMessageStartingWith("kling does not support duration 16s (model kling-v3); "
                + "allowed: [3s, 4s, 5s");
        assertThat(posts(wm, T2V)).hasSize(1);
    }

    /** The client picks the HIGH tier model that fits 12 s: only kling-v3 does. */
    @Test
    void generate_highQualityTwelveSeconds_choosesKlingV3() {
        stubDone(T2V);

        VideoResult result = time.run(client.generate(VideoRequest.text("A koi pond")
                .quality(dev.videosdk.QualityTier.HIGH).durationSeconds(12).build()));

        assertThat(body(posts(wm, T2V).get(0)).path("model_name").asText()).isEqualTo("kling-v3");
        assertThat(result.job().model()).isEqualTo("kling-v3");
    }
}
