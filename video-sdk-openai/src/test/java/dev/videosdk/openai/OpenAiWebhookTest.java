package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.ConfigurationException;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Standard Webhooks callbacks (providers/openai.md §7) through {@code client.webhooks().handle}. */
class OpenAiWebhookTest extends OpenAiWireMockSupport {
    static final String SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";

    /** base64(HMAC-SHA256(base64decode(secret without whsec_), "id.timestamp.body")), computed here independently. */
    static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static String event(String type, String videoId) {
        return "{\"id\": \"evt_1\", \"object\": \"event\", \"created_at\": 1758941485, \"type\": \"" + type
                + "\", \"data\": {\"id\": \"" + videoId + "\"}}";
    }

    private VideoClient client = null;

    private VideoClient webhookClient() {
        if (client == null) {
            client = client(Map.of("OPENAI_WEBHOOK_SECRET", SECRET));
        }
        return client;
    }

    private CompletableFuture<JobStatus> deliver(String id, long timestamp, String signature, String body) {
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(String.valueOf(timestamp)),
                "webhook-signature", List.of(signature), "Content-Type", List.of("application/json"));
        return webhookClient().webhooks().handle("openai", headers, body.getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status);
    }

    private long now() {
        return time.now().getEpochSecond();
    }

    @Test
    void theSdkTestVectorFromOpenAiPythonVerifies() throws Exception {
        // vector from openai-python tests/lib/test_webhooks.py, as quoted in providers/openai.md §7.2
        String body = "{\"id\": \"evt_685c059ae3a481909bdc86819b066fb6\", \"object\": \"event\", \"created_at\": 1750861210, "
                + "\"type\": \"response.completed\", \"data\": {\"id\": \"resp_123\"}}";
        assertThat(sign(SECRET, "wh_685c059ae39c8190af8c71ed1022a24d", 1750861210L, body))
                .isEqualTo("gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=");
    }

    @Test
    void verifiedCompletionFetchesTheVideoAndCompletesThePendingGenerate() throws Exception {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_w", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_w").willReturn(okJson(video("video_w", "completed", 100))));
        VideoJob job = time.run(webhookClient().submit(VideoRequest.text("x").build()));
        CompletableFuture<VideoResult> waiting = webhookClient().await(job,
                GenerateOptions.builder().polling(PollingPolicy.fixed(Duration.ofMinutes(10))).build());
        String body = event("video.completed", "video_w");

        // wait for the real HTTP fetch only: virtual time stays put, so no scheduled poll can run meanwhile
        JobStatus status = deliver("wh_1", now(), "v1," + sign(SECRET, "wh_1", now(), body), body).get(10, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(waiting).as("completed by the webhook, not by the poll due in 10 minutes").isDone();
        VideoResult result = waiting.join();
        assertThat(result.job().id()).isEqualTo("video_w");
        assertThat(time.elapsed()).isZero();
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/videos/video_w")));
    }

    @Test
    void failedEventEndsTheJobWithTheVideosError() throws Exception {
        wm.stubFor(get("/v1/videos/video_f").willReturn(okJson(video("video_f", "failed", 0).replace("\"error\": null",
                "\"error\": {\"code\": \"internal_error\", \"message\": \"Try again\"}"))));
        String body = event("video.failed", "video_f");

        JobStatus status = time.run(deliver("wh_f", now(), "v1," + sign(SECRET, "wh_f", now(), body), body));

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isInstanceOf(GenerationFailedException.class).hasMessageContaining("Try again");
        assertThat(status.error().isRetryable()).isTrue();
    }

    @Test
    void tamperedBodyIsRejected() throws Exception {
        String body = event("video.completed", "video_1");
        String signature = "v1," + sign(SECRET, "wh_2", now(), body);

        Throwable e = failureOf(deliver("wh_2", now(), signature, body.replace("video_1", "video_2")));

        assertThat(e).isInstanceOf(WebhookVerificationException.class)
                .hasMessage("openai webhook rejected: webhook-signature does not match the body (wrong secret, or the body was changed)");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void staleAndFutureTimestampsAreRejected() throws Exception {
        String body = event("video.completed", "video_1");
        long old = now() - 301;
        long future = now() + 301;

        assertThat(failureOf(deliver("wh_3", old, "v1," + sign(SECRET, "wh_3", old, body), body)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("is too old (more than 300 s before now)");
        assertThat(failureOf(deliver("wh_4", future, "v1," + sign(SECRET, "wh_4", future, body), body)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("is too new");
        long edge = now() - 300;
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "completed", 100))));
        assertThat(time.run(deliver("wh_5", edge, "v1," + sign(SECRET, "wh_5", edge, body), body)).state())
                .isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aRedeliveredIdIsADuplicate_answered2xx_andAppliedOnce() throws Exception {
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "completed", 100))));
        String body = event("video.completed", "video_1");
        String signature = "v1," + sign(SECRET, "wh_6", now(), body);
        time.run(deliver("wh_6", now(), signature, body));

        dev.videosdk.WebhookOutcome again = time.run(webhookClient().webhooks().handle("openai", Map.of("webhook-id", List.of("wh_6"),
                "webhook-timestamp", List.of(String.valueOf(now())), "webhook-signature", List.of(signature)),
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(again.type()).isEqualTo(dev.videosdk.WebhookOutcome.Type.DUPLICATE);
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/videos/video_1")));
    }

    @Test
    void aRedeliveryAfterAFailedStatusFetch_isAppliedThen() throws Exception {
        wm.stubFor(get("/v1/videos/video_1").inScenario("f").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)).willSetStateTo("ok"));
        wm.stubFor(get("/v1/videos/video_1").inScenario("f").whenScenarioStateIs("ok")
                .willReturn(okJson(video("video_1", "completed", 100))));
        String body = event("video.completed", "video_1");
        String signature = "v1," + sign(SECRET, "wh_7", now(), body);

        assertThat(failureOf(deliver("wh_7", now(), signature, body))).isNotInstanceOf(WebhookVerificationException.class);
        JobStatus status = time.run(deliver("wh_7", now(), signature, body));

        assertThat(status.state()).isEqualTo(dev.videosdk.JobState.SUCCEEDED);
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() throws Exception {
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "completed", 100))));
        String body = event("video.completed", "video_1");
        String rotated = "whsec_" + Base64.getEncoder().encodeToString("another-32-byte-secret-for-tests".getBytes(StandardCharsets.UTF_8));
        String header = "v1," + sign(rotated, "wh_7", now(), body) + " v1a,bm90LWFzeW1tZXRyaWM= v1,not*base64 v1,"
                + sign(SECRET, "wh_7", now(), body);

        assertThat(time.run(deliver("wh_7", now(), header, body)).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(failureOf(deliver("wh_8", now(), "v1," + sign(rotated, "wh_8", now(), body), body)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(failureOf(deliver("wh_9", now(), "v1a," + sign(SECRET, "wh_9", now(), body), body)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no v1 signature");
    }

    @Test
    void missingHeadersAndMissingSecretAreClearErrors_otherEventTypesAreAcknowledged() throws Exception {
        Throwable missing = failureOf(webhookClient().webhooks().handle("openai", Map.of("webhook-id", List.of("wh_a")),
                "{}".getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status));
        assertThat(missing).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("webhook-timestamp header is missing");

        // a verified event of another type is acknowledged (null status), not rejected: a 4xx would make OpenAI
        // deliver it again for up to 72 hours
        String body = event("response.completed", "resp_1");
        assertThat(deliver("wh_b", now(), "v1," + sign(SECRET, "wh_b", now(), body), body).join()).isNull();

        Throwable noSecret = failureOf(client().webhooks().handle("openai", Map.of(), new byte[0]).thenApply(dev.videosdk.WebhookOutcome::status));
        assertThat(noSecret).isInstanceOf(ConfigurationException.class).hasMessageContaining("set OPENAI_WEBHOOK_SECRET");
    }
}
