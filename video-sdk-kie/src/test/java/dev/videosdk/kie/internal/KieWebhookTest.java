package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.testing.VirtualTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kie callbacks (kie.md §4.6, §5, §6.3, §7): the optional HMAC over {@code taskId.timestamp}, and
 * the fetch of the record before a job completes, because the body itself is never signed.
 * The signature tolerance is not documented by Kie (unconfirmed, kie.md §14); the SDK uses 5 minutes.
 */
class KieWebhookTest {
    private static final String HMAC_KEY = "kie-hmac-test-secret";
    private static final String VEO_SUCCESS_CALLBACK = "{\"code\":200,\"msg\":\"Veo3.1 video generated successfully.\","
            + "\"data\":{\"taskId\":\"%s\",\"info\":{\"resultUrls\":[\"%s\"],\"originUrls\":[],\"resolution\":\"720p\"},\"fallbackFlag\":false}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    private VideoClient signedClient() {
        return KieTestClient.client(wm.baseUrl(), time, Map.of("KIE_WEBHOOK_HMAC_KEY", HMAC_KEY));
    }

    private static String sign(String taskId, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((taskId + "." + timestamp).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, List<String>> headers(String signature, long timestamp) {
        return Map.of("x-webhook-signature", List.of(signature), "X-Webhook-Timestamp", List.of(Long.toString(timestamp)));
    }

    private static byte[] veoCallback(String taskId, String url) {
        return String.format(VEO_SUCCESS_CALLBACK, taskId, url).getBytes(StandardCharsets.UTF_8);
    }

    private static void stubRecord(String taskId, int successFlag, String url) {
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).withQueryParam("taskId", equalTo(taskId))
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"" + taskId + "\",\"successFlag\":"
                        + successFlag + ",\"response\":" + (url == null ? "null" : "{\"resultUrls\":[\"" + url + "\"]}") + "}}")));
    }

    @Test
    void signedCallback_fetchesTheRecord_thenCompletesThePendingJob_withoutWaitingForThePoll() throws Exception {
        client = signedClient();
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("cb-1"))));
        VideoJob job = time.run(client.submit(VideoRequest.text("A lighthouse").build()));
        CompletableFuture<VideoResult> pending = client.await(job);
        stubRecord("cb-1", 1, "https://tempfile.aiquickdraw.com/v/cb-1.mp4");
        long ts = time.now().getEpochSecond();

        JobStatus status = client.webhooks().handle("kie", headers(sign("cb-1", ts), ts),
                veoCallback("cb-1", "https://tempfile.aiquickdraw.com/v/cb-1.mp4")).thenApply(dev.videosdk.WebhookOutcome::status).get(10, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/veo/record-info")).withQueryParam("taskId", equalTo("cb-1")));
        assertThat(time.elapsed()).isEqualTo(Duration.ZERO);   // the scheduled poll never ran
        assertThat(pending).isCompleted();
        assertThat(pending.join().video().uri()).hasToString("https://tempfile.aiquickdraw.com/v/cb-1.mp4");
    }

    @Test
    void callbackBody_isOnlyAHint_theRecordDecides() throws Exception {
        client = signedClient();
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(KieTestClient.taskAccepted("cb-2"))));
        VideoJob job = time.run(client.submit(VideoRequest.text("A lighthouse").build()));
        CompletableFuture<VideoResult> pending = client.await(job);
        stubRecord("cb-2", 0, null);
        long ts = time.now().getEpochSecond();

        JobStatus status = client.webhooks().handle("kie", headers(sign("cb-2", ts), ts),
                veoCallback("cb-2", "https://evil.example/forged.mp4")).thenApply(dev.videosdk.WebhookOutcome::status).get(10, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        assertThat(pending).isNotDone();
        pending.cancel(true);
    }

    @Test
    void aReplayedSignedCallback_isADuplicate_notAppliedTwice_evenWithAnotherBody() throws Exception {
        client = signedClient();
        stubRecord("cb-r", 1, "https://tempfile.aiquickdraw.com/v/cb-r.mp4");
        long ts = time.now().getEpochSecond();
        var headers = headers(sign("cb-r", ts), ts);

        dev.videosdk.WebhookOutcome first = client.webhooks().handle("kie", headers,
                veoCallback("cb-r", "https://tempfile.aiquickdraw.com/v/cb-r.mp4")).get(10, TimeUnit.SECONDS);
        dev.videosdk.WebhookOutcome replay = client.webhooks().handle("kie", headers,
                veoCallback("cb-r", "https://evil.example/other.mp4")).get(10, TimeUnit.SECONDS);

        assertThat(first.type()).isEqualTo(dev.videosdk.WebhookOutcome.Type.APPLIED);
        assertThat(replay.type()).isEqualTo(dev.videosdk.WebhookOutcome.Type.DUPLICATE);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/veo/record-info")).withQueryParam("taskId", equalTo("cb-r")));
    }

    @Test
    void tamperedSignature_isRejected_andNothingIsFetched() throws Exception {
        client = signedClient();
        long ts = time.now().getEpochSecond();

        CompletableFuture<JobStatus> result = client.webhooks().handle("kie", headers(sign("other-task", ts), ts),
                veoCallback("cb-3", "https://x.example/v.mp4")).thenApply(dev.videosdk.WebhookOutcome::status);

        assertThatThrownBy(result::join).hasCauseInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("does not match task cb-3").hasMessageNotContaining(HMAC_KEY);
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/veo/record-info")));
    }

    @Test
    void staleTimestamp_isRejected_evenWithAValidSignature() throws Exception {
        client = signedClient();
        long ts = time.now().minusSeconds(301).getEpochSecond();

        CompletableFuture<JobStatus> result = client.webhooks().handle("kie", headers(sign("cb-4", ts), ts),
                veoCallback("cb-4", "https://x.example/v.mp4")).thenApply(dev.videosdk.WebhookOutcome::status);

        assertThatThrownBy(result::join).hasCauseInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("X-Webhook-Timestamp " + ts + " is too old (more than 300 s before now)");
    }

    @Test
    void missingOrMalformedHeaders_areRejected_whenAKeyIsConfigured() {
        client = signedClient();
        byte[] body = veoCallback("cb-5", "https://x.example/v.mp4");
        long ts = time.now().getEpochSecond();

        assertThatThrownBy(() -> client.webhooks().handle("kie", Map.of(), body).thenApply(dev.videosdk.WebhookOutcome::status).join())
                .hasCauseInstanceOf(WebhookVerificationException.class).hasMessageContaining("X-Webhook-Timestamp");
        assertThatThrownBy(() -> client.webhooks().handle("kie", headers("%%not-base64%%", ts), body).thenApply(dev.videosdk.WebhookOutcome::status).join())
                .hasCauseInstanceOf(WebhookVerificationException.class).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> client.webhooks().handle("kie", headers("abc", ts), "not json".getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status).join())
                .hasCauseInstanceOf(WebhookVerificationException.class).hasMessageContaining("not JSON");
    }

    @Test
    void unsignedRunwayCallback_withoutAKey_isAHint_andPollsTheRunwayRecord() throws Exception {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(get(urlPathEqualTo("/api/v1/runway/record-detail")).withQueryParam("taskId", equalTo("rw-cb"))
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"rw-cb\",\"state\":\"success\","
                        + "\"videoInfo\":{\"videoUrl\":\"https://file.aiquickdraw.com/r/rw-cb.mp4\"},\"expireFlag\":0}}")));
        byte[] body = ("{\"code\":200,\"msg\":\"All generated successfully.\",\"data\":{\"task_id\":\"rw-cb\","
                + "\"video_id\":\"v\",\"video_url\":\"https://file.aiquickdraw.com/r/rw-cb.mp4\",\"image_url\":\"\"}}")
                .getBytes(StandardCharsets.UTF_8);

        JobStatus status = client.webhooks().handle("kie", Map.of(), body).thenApply(dev.videosdk.WebhookOutcome::status).get(10, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets().get(0).uri()).hasToString("https://file.aiquickdraw.com/r/rw-cb.mp4");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/runway/record-detail")));
    }

    @Test
    void marketCallback_isReadAsAJobsRecord() throws Exception {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo")).withQueryParam("taskId", equalTo("task_m"))
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"task_m\",\"state\":\"fail\","
                        + "\"failCode\":\"500\",\"failMsg\":\"render crashed\"}}")));
        byte[] body = ("{\"code\":501,\"msg\":\"failed\",\"data\":{\"taskId\":\"task_m\",\"state\":\"fail\","
                + "\"failCode\":\"500\",\"failMsg\":\"render crashed\"}}").getBytes(StandardCharsets.UTF_8);

        JobStatus status = client.webhooks().handle("kie", Map.of(), body).thenApply(dev.videosdk.WebhookOutcome::status).get(10, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).hasMessageContaining("render crashed");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/jobs/recordInfo")));
    }
}
