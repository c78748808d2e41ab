package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.AspectRatio;
import dev.videosdk.CreateOutcome;
import dev.videosdk.GenerateOptions;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobState;
import dev.videosdk.MediaInput;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.fal.FalExtras;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.fal.internal.FalFixture.KEY;
import static dev.videosdk.fal.internal.FalFixture.REQUEST_ID;
import static dev.videosdk.fal.internal.FalFixture.THUMB_URL;
import static dev.videosdk.fal.internal.FalFixture.VIDEO_URL;
import static dev.videosdk.fal.internal.FalFixture.completed;
import static dev.videosdk.fal.internal.FalFixture.inProgress;
import static dev.videosdk.fal.internal.FalFixture.inQueue;
import static dev.videosdk.fal.internal.FalFixture.json;
import static dev.videosdk.fal.internal.FalFixture.output;
import static dev.videosdk.fal.internal.FalFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider {@code fal}: the queue's submit, status and result calls exactly as fal.md §2 documents them. */
class FalQueueContractTest {
    @RegisterExtension
    static WireMockExtension wm = FalFixture.wireMock();

    static final String MODEL = "fal-ai/kling-video/v2.1/master/text-to-video";
    static final String REQUESTS = "/fal-ai/kling-video/requests/" + REQUEST_ID;

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = FalFixture.client(time, FalFixture.env(wm), "fal");

    @AfterEach
    void close() {
        client.close();
    }

    private void stubSubmit() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/kling-video", REQUEST_ID))
                .withHeader("X-Fal-Request-Id", REQUEST_ID)));
    }

    private void stubDone() {
        stubSubmit();
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));
    }

    @Test
    void generate_text_postsInputToFullModelIdThenFollowsOwnerAppUrls() {
        stubDone();

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("A koi pond at dawn").model(MODEL)
                .negativePrompt("blur").durationSeconds(5).aspectRatio(AspectRatio.PORTRAIT_9_16)
                .resolution(Resolution.HD_720P).seed(7).build()));

        wm.verify(1, postRequestedFor(urlEqualTo("/" + MODEL))
                .withHeader("Authorization", equalTo("Key " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Fal-Request-Timeout", equalTo("1200"))
                .withHeader("X-Fal-Queue-Priority", absent())
                .withRequestBody(equalToJson("""
                        {"prompt":"A koi pond at dawn","negative_prompt":"blur","seed":7,"duration":5,
                         "aspect_ratio":"9:16","resolution":"720p"}""", false, false)));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS + "/status?logs=1")).withHeader("Authorization", equalTo("Key " + KEY)));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)).withHeader("Authorization", equalTo("Key " + KEY)));
        assertThat(result.job().id()).isEqualTo(REQUEST_ID);
        assertThat(result.job().model()).isEqualTo(MODEL);
        assertThat(ProviderData.keyId(result.job())).isEqualTo("fal#1");
        assertThat(ProviderData.attributes(result.job())).containsEntry("status_url", wm.baseUrl() + REQUESTS + "/status")
                .containsEntry("response_url", wm.baseUrl() + REQUESTS)
                .containsEntry("cancel_url", wm.baseUrl() + REQUESTS + "/cancel");
        VideoAsset video = result.video();
        assertThat(video.uri()).isEqualTo(URI.create(VIDEO_URL));
        assertThat(video.mimeType()).isEqualTo("video/mp4");
        assertThat(video.expiresAt()).isEqualTo(result.job().submittedAt().plus(Duration.ofDays(7)));
        assertThat(result.assets()).extracting(VideoAsset::variant).containsExactly("video", "thumbnail");
        assertThat(result.assets().get(1).uri()).isEqualTo(URI.create(THUMB_URL));
    }

    @Test
    void generate_urlsInSubmitAnswer_areUsedAsGivenNotRebuiltFromTheModelId() {
        String given = "/somewhere/else/requests/" + REQUEST_ID;
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, "{\"status\":\"IN_QUEUE\",\"request_id\":\""
                + REQUEST_ID + "\",\"status_url\":\"" + wm.baseUrl() + given + "/status\",\"response_url\":\"" + wm.baseUrl()
                + given + "\",\"cancel_url\":\"" + wm.baseUrl() + given + "/cancel\"}")));
        wm.stubFor(get(urlEqualTo(given + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(given)).willReturn(json(200, output())));

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("x").model(MODEL).build()));

        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
        wm.verify(1, getRequestedFor(urlEqualTo(given + "/status?logs=1")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/" + MODEL + "/requests/" + REQUEST_ID + "/status")));
    }

    @Test
    void generate_submitAnswerWithoutUrls_buildsThemFromOwnerAndAppOnly() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, "{\"request_id\":\"" + REQUEST_ID + "\"}")));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("x").model(MODEL).build()));

        assertThat(ProviderData.attribute(result.job(), "cancel_url")).contains(wm.baseUrl() + REQUESTS + "/cancel");
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void generate_submitAnswerUrlsOnAnotherHost_areIgnoredSoTheKeyStaysOnTheQueueHost() {
        String foreign = "https://collector.example.org/fal-ai/kling-video/requests/" + REQUEST_ID;
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, "{\"request_id\":\"" + REQUEST_ID
                + "\",\"status_url\":\"" + foreign + "/status\",\"response_url\":\"" + foreign + "\",\"cancel_url\":\""
                + foreign + "/cancel\"}")));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("x").model(MODEL).build()));

        assertThat(ProviderData.attributes(result.job()).values()).allMatch(u -> u.startsWith(wm.baseUrl()));
    }

    @Test
    void await_tokenWithStatusUrlOnAnotherHost_failsWithoutSendingTheKeyThere() {
        VideoJob forged = ProviderData.withAttributes(ProviderData.withKeyId(VideoJob.of("fal", REQUEST_ID, MODEL, time.now()), "fal#1"),
                java.util.Map.of("status_url", "https://collector.example.org/x/status", "response_url",
                        "https://collector.example.org/x", "cancel_url", "https://collector.example.org/x/cancel"));

        assertThat(FalFixture.failure(time, client.await(VideoJob.fromToken(forged.toToken()))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("only to the queue host");
        assertThat(FalFixture.all(wm)).isEmpty();
    }

    @Test
    void await_resumedFromToken_pollsTheStoredUrlsWithTheSameKey() {
        stubDone();
        VideoJob job = FalFixture.submit(time, client, VideoRequest.text("x").model(MODEL).build());

        VideoResult result = FalFixture.run(time, client.await(VideoJob.fromToken(job.toToken())));

        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)).withHeader("Authorization", equalTo("Key " + KEY)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void submit_answered5xx_isSentExactlyOnceAndEndsAsJobMayExist(int status) {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(status, "{\"detail\":\"upstream trouble\"}")
                .withHeader("X-Fal-Request-Id", "req-5xx")));

        assertThat(FalFixture.failure(time, client.generate(VideoRequest.text("x").model(MODEL).build())))
                .isInstanceOfSatisfying(JobMayExistException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.createOutcome()).isEqualTo(CreateOutcome.UNKNOWN);
                    assertThat(e.requestId()).contains("req-5xx");
                    assertThat(e.getMessage()).contains("a job may exist").contains("req-5xx").contains("upstream trouble");
                    assertThat(e.getCause()).isInstanceOf(ProviderUnavailableException.class);
                    assertThat(((ProviderUnavailableException) e.getCause()).httpStatus()).hasValue(status);
                });
        wm.verify(1, postRequestedFor(urlPathEqualTo("/" + MODEL)));
        assertThat(FalFixture.all(wm)).hasSize(1);
    }

    @Test
    void submit_answered5xxWithErrorType_isSentOnceAndKeepsTheType() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(503,
                "{\"detail\":\"no runner\",\"error_type\":\"runner_scheduling_failure\"}")
                .withHeader("X-Fal-Error-Type", "runner_scheduling_failure")));

        assertThat(FalFixture.failure(time, client.submit(VideoRequest.text("x").model(MODEL).build())))
                .isInstanceOfSatisfying(JobMayExistException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.errorCode()).contains("runner_scheduling_failure");
                });
        wm.verify(1, postRequestedFor(urlPathEqualTo("/" + MODEL)));
    }

    @Test
    void submit_answered429_isRetriedBecauseNoJobWasQueued() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"detail\":\"rate limit\"}").withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/kling-video", REQUEST_ID))));

        VideoJob job = FalFixture.submit(time, client, VideoRequest.text("x").model(MODEL).build());

        assertThat(job.id()).isEqualTo(REQUEST_ID);
        wm.verify(2, postRequestedFor(urlPathEqualTo("/" + MODEL)));
    }

    @Test
    void generate_queuePositionAndLogs_becomeProgressEvents() {
        stubSubmit();
        String status = REQUESTS + "/status?logs=1";
        wm.stubFor(get(urlEqualTo(status)).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(202, inQueue(3))).willSetStateTo("running"));
        wm.stubFor(get(urlEqualTo(status)).inScenario("job").whenScenarioStateIs("running")
                .willReturn(json(202, inProgress("loading model", "sampling 45%|####"))).willSetStateTo("odd"));
        wm.stubFor(get(urlEqualTo(status)).inScenario("job").whenScenarioStateIs("odd")
                .willReturn(json(202, "{\"status\":\"WARMING_UP_SOMETHING_NEW\"}")).willSetStateTo("done"));
        wm.stubFor(get(urlEqualTo(status)).inScenario("job").whenScenarioStateIs("done").willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("x").model(MODEL).build(),
                GenerateOptions.builder().onProgress(events::add).build()));

        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
        assertThat(events).extracting(ProgressEvent::state).containsSubsequence(JobState.QUEUED, JobState.RUNNING,
                JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(events).extracting(ProgressEvent::message).contains("queue position 3", "sampling 45%|####");
        assertThat(events).extracting(ProgressEvent::progress).contains(45);
        wm.verify(4, getRequestedFor(urlEqualTo(status)));
    }

    @Test
    void submit_platformExtras_becomeHeadersAndOtherExtrasGoInTheBody() {
        stubSubmit();

        FalFixture.submit(time, client, VideoRequest.text("x").model(MODEL)
                .callbackUrl(URI.create("https://api.example.com/hooks/fal?tenant=a&b=1"))
                .extra(FalExtras.PRIORITY, "low")
                .extra(FalExtras.REQUEST_TIMEOUT_SECONDS, 90)
                .extra(FalExtras.NO_RETRY, true)
                .extra(FalExtras.OBJECT_EXPIRATION_SECONDS, 86400)
                .extra(FalExtras.RUNNER_HINT, "eu-1")
                .extra("cfg_scale", 0.5)
                .build());

        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/" + MODEL))).get(0);
        assertThat(sent.getUrl()).isEqualTo("/" + MODEL + "?fal_webhook=https%3A%2F%2Fapi.example.com%2Fhooks%2Ffal%3Ftenant%3Da%26b%3D1");
        assertThat(sent.getHeader("X-Fal-Queue-Priority")).isEqualTo("low");
        assertThat(sent.getHeader("X-Fal-Request-Timeout")).isEqualTo("90");
        assertThat(sent.getHeader("X-Fal-No-Retry")).isEqualTo("1");
        assertThat(sent.getHeader("X-Fal-Runner-Hint")).isEqualTo("eu-1");
        assertThat(FalFixture.tree(sent.getHeader("X-Fal-Object-Lifecycle-Preference")))
                .isEqualTo(FalFixture.tree("{\"expiration_duration_seconds\":86400}"));
        assertThat(FalFixture.tree(sent.getBodyAsString())).isEqualTo(FalFixture.tree("{\"prompt\":\"x\",\"cfg_scale\":0.5}"));
    }

    @Test
    void submit_imageBytesAndReferences_areSentAsDataUrisAndUrls() {
        stubSubmit();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        FalFixture.submit(time, client, VideoRequest.image("x", MediaInput.bytes(png, "image/png")).model(MODEL)
                .referenceImage(MediaInput.url("https://example.com/ref.jpg"))
                .referenceVideo(MediaInput.url("https://example.com/in.mp4")).build());

        wm.verify(postRequestedFor(urlPathEqualTo("/" + MODEL)).withRequestBody(equalToJson("{\"prompt\":\"x\",\"image_url\":\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\",\"image_urls\":[\"https://example.com/ref.jpg\"],"
                + "\"video_url\":\"https://example.com/in.mp4\"}")));
    }

    @Test
    void submit_badInput_failsBeforeAnyCallNamingTheParameter() {
        assertInvalid(VideoRequest.text("x").build(), "model");
        assertInvalid(VideoRequest.text("x").model("kling-video").build(), "model");
        assertInvalid(VideoRequest.text("x").model(MODEL).extra("prompt", "again").build(), "prompt");
        assertInvalid(VideoRequest.text("x").model(MODEL).durationSeconds(5).extra("duration", "5").build(), "duration");
        assertInvalid(VideoRequest.text("x").model(MODEL).extra(FalExtras.PRIORITY, "urgent").build(), FalExtras.PRIORITY);
        assertInvalid(VideoRequest.text("x").model(MODEL).extra(FalExtras.REQUEST_TIMEOUT_SECONDS, 1).build(),
                FalExtras.REQUEST_TIMEOUT_SECONDS);
        assertInvalid(VideoRequest.text("x").model(MODEL).extra("fal.unknown", "1").build(), "fal.unknown");
        assertInvalid(VideoRequest.image("x", MediaInput.bytes(new byte[(int) FalRequests.MAX_INLINE_BYTES + 1], "image/png"))
                .model(MODEL).build(), "images");
        assertThat(FalFixture.all(wm)).isEmpty();
    }

    private void assertInvalid(VideoRequest request, String parameter) {
        CompletableFuture<VideoJob> f = client.submit(request);
        assertThat(FalFixture.failure(time, f)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.parameter()).contains(parameter));
    }
}
