package dev.videosdk.runway.internal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.runway.Runway;
import dev.videosdk.spi.ProviderData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.runway.internal.RunwayFixture.I2V;
import static dev.videosdk.runway.internal.RunwayFixture.KEY;
import static dev.videosdk.runway.internal.RunwayFixture.TASK;
import static dev.videosdk.runway.internal.RunwayFixture.TASK_ID;
import static dev.videosdk.runway.internal.RunwayFixture.V2V;
import static dev.videosdk.runway.internal.RunwayFixture.accepted;
import static dev.videosdk.runway.internal.RunwayFixture.body;
import static dev.videosdk.runway.internal.RunwayFixture.failed;
import static dev.videosdk.runway.internal.RunwayFixture.json;
import static dev.videosdk.runway.internal.RunwayFixture.posts;
import static dev.videosdk.runway.internal.RunwayFixture.succeeded;
import static dev.videosdk.runway.internal.RunwayFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads, task states and failure codes (§3, §4, §4.1 of the wire reference), and remote cancel. */
class RunwayTaskContractTest extends RunwayWireMockTest {
    private JobStatus statusOf(String body) {
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, body)));
        return run(client.status(job()));
    }

    private void stubUploads(String runwayUri) {
        wm.stubFor(post(urlEqualTo("/v1/uploads")).willReturn(json(200, "{\"runwayUri\":\"" + runwayUri + "\","
                + "\"uploadUrl\":\"" + wm.baseUrl() + "/storage/upload\","
                + "\"fields\":{\"key\":\"uploads/abc\",\"policy\":\"cG9saWN5\",\"x-amz-signature\":\"sig-1\"}}")));
        wm.stubFor(post(urlEqualTo("/storage/upload")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void generate_imageBytes_goesThroughEphemeralUploadAndSendsRunwayUri() {
        stubUploads("runway://uploads/abc");
        wm.stubFor(post(urlEqualTo(I2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, succeeded("https://cdn.example.test/v.mp4"))));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

        run(client.generate(VideoRequest.image("Blink", MediaInput.bytes(png, "image/png")).model("gen4_turbo").build()));

        LoggedRequest start = posts(wm, "/v1/uploads").get(0);
        String fileName = body(start).path("filename").asText();
        assertThat(fileName).matches("videosdk-[0-9a-f-]{36}\\.png");
        wm.verify(postRequestedFor(urlEqualTo("/v1/uploads"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06"))
                .withRequestBody(equalToJson("{\"filename\":\"" + fileName + "\",\"type\":\"ephemeral\"}")));
        LoggedRequest upload = posts(wm, "/storage/upload").get(0);
        assertThat(upload.containsHeader("Authorization")).as("the storage host gets no Runway key").isFalse();
        assertThat(upload.containsHeader("X-Runway-Version")).isFalse();
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String form = new String(upload.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(form).contains("name=\"key\"\r\n\r\nuploads/abc\r\n", "name=\"policy\"\r\n\r\ncG9saWN5\r\n",
                "name=\"x-amz-signature\"\r\n\r\nsig-1\r\n",
                "name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: image/png\r\n\r\n"
                        + new String(png, StandardCharsets.ISO_8859_1));
        assertThat(form.indexOf("name=\"key\"")).as("fields come before the file").isLessThan(form.indexOf("name=\"file\""));
        assertThat(body(posts(wm, I2V).get(0)).path("promptImage").get(0).path("uri").asText())
                .isEqualTo("runway://uploads/abc");
    }

    @Test
    void generate_videoFileAndImageUrl_uploadsOnlyTheFile(@TempDir Path dir) throws Exception {
        stubUploads("runway://uploads/clip");
        wm.stubFor(post(urlEqualTo(V2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, succeeded("https://cdn.example.test/v.mp4"))));
        Path clip = Files.write(dir.resolve("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});

        run(client.generate(VideoRequest.text("Restyle").model("gen4_aleph")
                .referenceVideo(MediaInput.file(clip))
                .referenceImage(MediaInput.url("https://img.example.org/style.png")).build()));

        assertThat(posts(wm, "/v1/uploads")).hasSize(1);
        assertThat(body(posts(wm, "/v1/uploads").get(0)).path("filename").asText()).endsWith(".mp4");
        assertThat(body(posts(wm, V2V).get(0))).isEqualTo(RunwayFixture.tree("""
                {"model":"gen4_aleph","promptText":"Restyle","videoUri":"runway://uploads/clip",
                 "references":[{"type":"image","uri":"https://img.example.org/style.png"}]}"""));
    }

    @Test
    void generate_everyInputKindInOneRequest_urlDataUriBytesAndFileReachTheApiInTheirWireForm(@TempDir Path dir)
            throws Exception {
        stubUploads("runway://uploads/abc");
        wm.stubFor(post(urlEqualTo(RunwayFixture.T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, succeeded("https://cdn.example.test/v.mp4"))));
        Path file = Files.write(dir.resolve("ref.webp"), new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P'});
        String dataUri = "data:image/png;base64,iVBORw0KGgo=";

        run(client.generate(VideoRequest.text("A paper boat").model("seedance2")
                .referenceImage(MediaInput.url("https://img.example.org/a.png"))
                .referenceImage(MediaInput.bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg"))
                .referenceImage(MediaInput.url(dataUri))
                .referenceImage(MediaInput.file(file))
                .build()));

        assertThat(posts(wm, "/v1/uploads")).extracting(r -> body(r).path("filename").asText())
                .hasSize(2).anyMatch(n -> n.endsWith(".jpg")).anyMatch(n -> n.endsWith(".webp"));
        assertThat(posts(wm, "/storage/upload")).hasSize(2);
        assertThat(body(posts(wm, RunwayFixture.T2V).get(0))).isEqualTo(RunwayFixture.tree("""
                {"model":"seedance2","promptText":"A paper boat","references":[
                  {"type":"image","uri":"https://img.example.org/a.png"},
                  {"type":"image","uri":"runway://uploads/abc"},
                  {"type":"image","uri":"data:image/png;base64,iVBORw0KGgo="},
                  {"type":"image","uri":"runway://uploads/abc"}]}"""));
    }

    @Test
    void generate_uploadAnswerWithoutRunwayUri_failsWithProtocolErrorAndNoCreate() {
        wm.stubFor(post(urlEqualTo("/v1/uploads")).willReturn(json(200, "{\"uploadUrl\":\"https://x.test/u\"}")));

        var f = client.generate(VideoRequest.image("x", MediaInput.bytes(new byte[] {1}, "image/png")).build());

        assertThatThrownBy(() -> run(f)).hasCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("runwayUri");
        assertThat(posts(wm, I2V)).isEmpty();
    }

    @Test
    void status_pendingAndThrottled_areQueuedThrottledSaysWhy() {
        assertThat(statusOf(task("PENDING", "\"estimatedCost\":{\"credits\":25}")).state()).isEqualTo(JobState.QUEUED);
        JobStatus throttled = statusOf(task("THROTTLED", ""));
        assertThat(throttled.state()).isEqualTo(JobState.QUEUED);
        assertThat(throttled.message()).contains("concurrency limit");
        assertThat(throttled.rawStatus()).isEqualTo("THROTTLED");
    }

    @Test
    void status_running_progressZeroToOneBecomesPercentAndEstimateIsReported() {
        JobStatus running = statusOf(task("RUNNING", "\"progress\":0.42,\"estimatedCost\":{\"credits\":60.5}"));

        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.progress()).isEqualTo(42);
        assertThat(running.message()).isEqualTo("estimated cost 60.5 credits");
        assertThat(Runway.credits(running)).as("no charge until finished").isEmpty();
        assertThat(running.cost()).as("an estimate is not a charge").isNull();
    }

    @Test
    void status_unknownWord_countsAsRunning() {
        JobStatus status = statusOf(task("EXPIRED_SOMEHOW", ""));

        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        assertThat(status.rawStatus()).isEqualTo("EXPIRED_SOMEHOW");
    }

    @Test
    void status_succeeded_everyOutputIsAnAssetAndTheChargeIsReadable() {
        JobStatus done = statusOf(task("SUCCEEDED", "\"output\":[\"https://cdn.example.test/a.mp4\","
                + "\"https://cdn.example.test/b.mp4\"],\"cost\":{\"credits\":25}"));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.assets()).extracting(a -> a.uri().toString())
                .containsExactly("https://cdn.example.test/a.mp4", "https://cdn.example.test/b.mp4");
        assertThat(done.assets().get(0).isVideo()).isTrue();
        assertThat(done.assets()).allSatisfy(a -> assertThat(ProviderData.keyId(a)).isEqualTo("runway#1"));
        assertThat(done.message()).isEqualTo("cost 25 credits");
        assertThat(Runway.credits(done)).hasValue(25.0);
    }

    @Test
    void status_succeededWithoutOutput_isAFailureNotASuccess() {
        JobStatus done = statusOf(task("SUCCEEDED", "\"output\":[]"));

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.error()).isInstanceOf(ProtocolException.class).hasMessageContaining("no output URL");
    }

    @Test
    void status_cancelled_isCancelledWithTheRefundReadable() {
        JobStatus cancelled = statusOf(task("CANCELLED", "\"cost\":{\"credits\":0}"));

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(Runway.credits(cancelled)).hasValue(0.0);
        assertThat(cancelled.cost()).isEqualTo(dev.videosdk.Cost.of(java.math.BigDecimal.ZERO, "runway-credits"));
    }

    @Test
    void status_noStatusField_isAProtocolError() {
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, "{\"id\":\"" + TASK_ID + "\"}")));

        assertThatThrownBy(() -> run(client.status(job()))).hasCauseInstanceOf(ProtocolException.class);
    }

    /** §4.1: SAFETY.* is content policy, INTERNAL* retryable, ASSET.* an input problem, the rest plain failures. */
    @ParameterizedTest
    @CsvSource({
            "SAFETY.INPUT.TEXT, ContentPolicyException, false",
            "SAFETY.INPUT.IMAGE, ContentPolicyException, false",
            "SAFETY.OUTPUT.VIDEO, ContentPolicyException, false",
            "INPUT_PREPROCESSING.SAFETY.TEXT, ContentPolicyException, false",
            "INTERNAL, GenerationFailedException, true",
            "INTERNAL.BAD_OUTPUT.CODE01, GenerationFailedException, true",
            "INPUT_PREPROCESSING.INTERNAL, GenerationFailedException, true",
            "ASSET.INVALID, InvalidRequestException, false",
            "SOMETHING.NEW, GenerationFailedException, false"})
    void status_failed_mapsFailureCode(String code, String type, boolean retryable) {
        JobStatus failed = statusOf(failed("The task failed.", code));

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        VideoException error = failed.error();
        assertThat(error.getClass().getSimpleName()).isEqualTo(type);
        assertThat(error.errorCode()).contains(code);
        assertThat(error.isRetryable()).isEqualTo(retryable);
        assertThat(error.getMessage()).contains(TASK_ID, "The task failed.", code);
        assertThat(Runway.credits(failed)).hasValue(0.0);
        if (error instanceof ContentPolicyException policy) {
            assertThat(policy.reasons()).containsExactly("The task failed.");
        }
    }

    @Test
    void status_failedWithoutCode_isANonRetryableFailure() {
        JobStatus failed = statusOf(failed("Something broke.", null));

        assertThat(failed.error()).isExactlyInstanceOf(GenerationFailedException.class);
        assertThat(failed.error().errorCode()).isEmpty();
        assertThat(failed.error().isRetryable()).isFalse();
    }

    @Test
    void generate_failedTask_failsTheFutureWithTheMappedError() {
        wm.stubFor(post(urlEqualTo(RunwayFixture.T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, failed("Rejected by moderation.", "SAFETY.OUTPUT.VIDEO"))));

        var f = client.generate(VideoRequest.text("x").build());

        assertThatThrownBy(() -> run(f)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ContentPolicyException.class);
    }

    @Test
    void generate_walksPendingThrottledRunningSucceeded_andPollsNoFasterThanEveryFiveSeconds() {
        wm.stubFor(post(urlEqualTo(RunwayFixture.T2V)).willReturn(json(200, accepted(TASK_ID))));
        String[] bodies = {task("PENDING", ""), task("THROTTLED", ""), task("RUNNING", "\"progress\":0.5"),
                succeeded("https://cdn.example.test/v.mp4")};
        for (int i = 0; i < bodies.length; i++) {
            wm.stubFor(get(urlEqualTo(TASK)).inScenario("walk").whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
                    .willSetStateTo("s" + (i + 1)).willReturn(json(200, bodies[i])));
        }
        List<Integer> percents = new java.util.concurrent.CopyOnWriteArrayList<>();

        var result = run(client.generate(VideoRequest.text("x").build(),
                dev.videosdk.GenerateOptions.builder().onProgress(e -> {
                    if (e.progress() != null) {
                        percents.add(e.progress());
                    }
                }).build()));

        assertThat(result.video().uri().toString()).isEqualTo("https://cdn.example.test/v.mp4");
        wm.verify(4, getRequestedFor(urlEqualTo(TASK)));
        assertThat(percents).contains(50);
        assertThat(time.scheduledDelays()).filteredOn(d -> d.toSeconds() >= 1)
                .allSatisfy(d -> assertThat(d.toMillis()).isGreaterThanOrEqualTo(5000));
    }

    @Test
    void cancel_sendsDeleteOnTheTaskWithVersionHeader() {
        wm.stubFor(delete(urlEqualTo(TASK)).willReturn(aResponse().withStatus(204)));

        run(client.cancel(job()));

        wm.verify(deleteRequestedFor(urlEqualTo(TASK))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06"))
                .withHeader("Accept", equalTo("*/*")));
    }

    @Test
    void clientCancel_duringAwait_stopsTheWaitAndSendsDeleteOnce() {
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, task("RUNNING", "\"progress\":0.1"))));
        wm.stubFor(delete(urlEqualTo(TASK)).willReturn(aResponse().withStatus(204)));
        VideoJob submitted = VideoJob.fromToken(job().toToken()); // a task created before a restart
        var firstPoll = RunwayFixture.ANSWERED.next("GET", TASK);
        var waiting = client.await(submitted);
        run(firstPoll);
        var deleted = RunwayFixture.ANSWERED.next("DELETE", TASK);

        run(client.cancel(submitted));
        run(deleted);

        wm.verify(1, deleteRequestedFor(urlEqualTo(TASK)).withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(waiting).isDone();
        int polls = wm.findAll(getRequestedFor(urlEqualTo(TASK))).size();
        time.advance(java.time.Duration.ofMinutes(5));
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASK)))).as("no polling after cancel").hasSize(polls);
    }

    /**
     * Webhooks are marked unconfirmed in the reference; Runway's sdk-node issue #103 (2025-04) has a
     * maintainer saying there are no plans for webhooks, and the 2026-10 SDKs have none.
     */
    @Test
    void capabilities_sayNoWebhooksRemoteCancelAndNoIdempotentCreate() {
        var caps = client.capabilities("runway");

        assertThat(caps.webhooks()).isFalse();
        assertThat(caps.remoteCancel()).isTrue();
        assertThat(caps.idempotentCreate()).isFalse();
    }

    @Test
    void webhook_postedForRunway_isRefusedWithATypedError() {
        var handled = client.webhooks().handle("runway", Map.of(), "{\"id\":\"x\",\"status\":\"SUCCEEDED\"}"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> run(handled)).cause()
                .isInstanceOf(dev.videosdk.WebhookVerificationException.class).hasMessageContaining("no webhooks");
        assertThat(wm.getAllServeEvents()).as("no status call for a forged callback").isEmpty();
    }
}
