package dev.videosdk.kling.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.videosdk.kling.internal.KlingFixture.TASK_ID;
import static dev.videosdk.kling.internal.KlingFixture.accepted;
import static dev.videosdk.kling.internal.KlingFixture.envelope;
import static dev.videosdk.kling.internal.KlingFixture.error;
import static dev.videosdk.kling.internal.KlingFixture.json;
import static dev.videosdk.kling.internal.KlingFixture.succeeded;
import static dev.videosdk.kling.internal.KlingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Callbacks to {@code callback_url}. Kling documents no signature for them: the official callback
 * page (mirrored in WHQ25/rawgenai docs/research/kling/callback-protocol.md) lists only the task
 * object and advises confirming the status with the query API; one third-party Python wrapper
 * checks an {@code X-Kling-Signature} HMAC with a secret of its own, which Kling does not send.
 * So a callback is only a hint and the SDK fetches the status before completing a job.
 */
class KlingWebhookTest {
    @RegisterExtension
    static WireMockExtension wm = KlingFixture.wireMock();

    private static final String T2V = "/v1/videos/text2video";
    private static final String I2V = "/v1/videos/image2video";
    private static final String FETCHED_URL = "https://cdn.example-kling-host/fetched.mp4";
    private static final String CLAIMED_URL = "https://attacker.example/claimed.mp4";

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = KlingFixture.client(time, KlingFixture.env(wm));

    @AfterEach
    void close() {
        client.close();
    }

    private CompletableFuture<JobStatus> callback(String body) {
        return client.webhooks().handle("kling", Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status);
    }

    @Test
    void callback_succeed_completesPendingJobWithTheFetchedStatus() throws Exception {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(succeeded(FETCHED_URL)))));
        VideoJob job = time.run(client.submit(VideoRequest.text("x").callbackUrl(URI.create("https://example.org/hook")).build()));
        CompletableFuture<VideoResult> waiting = client.await(job);

        // virtual time stands still: only the callback can complete the job (the first poll is due at 10 s)
        JobStatus status = callback(succeeded(CLAIMED_URL)).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(waiting).isCompleted();
        assertThat(waiting.join().video().uri()).isEqualTo(URI.create(FETCHED_URL));
        assertThat(status.assets().get(0).uri()).isEqualTo(URI.create(FETCHED_URL));
        wm.verify(1, getRequestedFor(urlEqualTo(T2V + "/" + TASK_ID)).withHeader("Authorization", matching("Bearer .+")));
        assertThat(time.elapsed()).isZero();
    }

    @Test
    void callback_claimsSucceedButKlingSaysProcessing_doesNotCompleteTheJob() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(task("processing")))));
        VideoJob job = time.run(client.submit(VideoRequest.text("x").build()));
        CompletableFuture<VideoResult> waiting = client.await(job);

        JobStatus status = time.run(callback(succeeded(CLAIMED_URL)));

        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        assertThat(waiting).isNotDone();
        waiting.cancel(true);
    }

    @Test
    void callback_wrappedInEnvelope_isReadToo() {
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(200, envelope(succeeded(FETCHED_URL)))));

        JobStatus status = time.run(callback(envelope(succeeded(CLAIMED_URL))));

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets().get(0).uri()).isEqualTo(URI.create(FETCHED_URL));
    }

    @Test
    void callback_forJobNotPendingHere_findsItsFamilyByTryingTextThenImage() {
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).willReturn(json(404, error(1203, "task not found"))));
        wm.stubFor(get(urlEqualTo(I2V + "/" + TASK_ID)).willReturn(json(200, envelope(succeeded(FETCHED_URL)))));

        JobStatus status = time.run(callback(succeeded(CLAIMED_URL)));

        assertThat(status.assets().get(0).uri()).isEqualTo(URI.create(FETCHED_URL));
        wm.verify(1, getRequestedFor(urlEqualTo(T2V + "/" + TASK_ID)));
        wm.verify(1, getRequestedFor(urlEqualTo(I2V + "/" + TASK_ID)));
    }

    @Test
    void parseWebhook_isNotAuthoritativeAndCarriesExternalTaskId() {
        KlingProvider provider = (KlingProvider) new KlingProviderFactory()
                .create(new dev.videosdk.spi.ProviderConfig("kling", Map.of("KLING_API_KEY", "k")));
        var event = provider.parseWebhook(new dev.videosdk.spi.WebhookRequest(Map.of(),
                succeeded(CLAIMED_URL).getBytes(StandardCharsets.UTF_8)), new TestContext(time));

        assertThat(event.authoritative()).isFalse();
        assertThat(event.taskId()).isEqualTo(TASK_ID);
        assertThat(event.status().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(event.jobAttributes()).isEqualTo(Map.of("external_task_id", "order-42"));
    }

    @Test
    void callback_notJsonOrWithoutTaskId_isRejected() {
        Throwable notJson = catchThrowable(() -> time.run(callback("<html>hi</html>")));
        Throwable noId = catchThrowable(() -> time.run(callback("{\"task_status\":\"succeed\"}")));

        assertThat(notJson).hasCauseInstanceOf(WebhookVerificationException.class).hasMessageContaining("not JSON");
        assertThat(noId).hasCauseInstanceOf(WebhookVerificationException.class).hasMessageContaining("no task_id");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
