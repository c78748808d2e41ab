package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Every status of {@code GET /v1/videos/{id}} (providers/openai.md §3), through the client. */
class OpenAiPollTest extends OpenAiWireMockSupport {

    private VideoJob job(String id) {
        return VideoJob.of("openai", id, "sora-2", time.now());
    }

    private JobStatus status(String body) {
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(body)));
        return time.run(client().status(job("video_1")));
    }

    @Test
    void queuedAndInProgressCarryProgressAndTheRawWord() {
        JobStatus queued = status(video("video_1", "queued", 0));
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(queued.rawStatus()).isEqualTo("queued");

        JobStatus running = status(video("video_1", "in_progress", 37));
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.progress()).isEqualTo(37);
        assertThat(ProviderData.rawJson(running)).contains("\"in_progress\"");
    }

    @Test
    void unknownStatusCountsAsRunningUntilAKnownFinalOne() {
        wm.stubFor(get("/v1/videos/video_1").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(video("video_1", "rendering_upscale", 90))).willSetStateTo("done"));
        wm.stubFor(get("/v1/videos/video_1").inScenario("s").whenScenarioStateIs("done")
                .willReturn(okJson(video("video_1", "completed", 100))));
        List<ProgressEvent> events = new ArrayList<>();

        var result = time.run(client().await(job("video_1"), GenerateOptions.builder().onProgress(events::add).build()));

        assertThat(events).extracting(ProgressEvent::state).containsExactly(JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(result.video().uri().getPath()).isEqualTo("/v1/videos/video_1/content");
        assertThat(result.video().expiresAt()).as("no expires_at from a gateway: unknown").isNull();
    }

    @Test
    void failedBecomesGenerationFailedWithCodeAndMessage() {
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "failed", 0).replace("\"error\": null",
                "\"error\": {\"code\": \"video_generation_failed\", \"message\": \"The render crashed.\"}"))
                .withHeader("x-request-id", "req_f")));

        assertThat(failureOf(client().await(job("video_1"))))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessage("openai video video_1 failed: The render crashed. (code video_generation_failed)")
                .satisfies(e -> {
                    GenerationFailedException g = (GenerationFailedException) e;
                    assertThat(g.errorCode()).contains("video_generation_failed");
                    assertThat(g.requestId()).contains("req_f");
                    assertThat(g.isRetryable()).isFalse();
                });
    }

    @Test
    void moderationFailureBecomesContentPolicy() {
        // providers/openai.md §6.5: message seen in the OpenAI community; the code moderation_blocked is third-party (unconfirmed)
        JobStatus s = status(video("video_1", "failed", 0).replace("\"error\": null",
                "\"error\": {\"code\": \"moderation_blocked\", \"message\": \"Your request was blocked by our moderation system.\"}"));

        assertThat(s.state()).isEqualTo(JobState.FAILED);
        assertThat(s.error()).isInstanceOf(ContentPolicyException.class)
                .hasMessageContaining("blocked by our moderation system")
                .hasMessageContaining("change the prompt or the input image");
        assertThat(((ContentPolicyException) s.error()).reasons())
                .containsExactly("Your request was blocked by our moderation system.");
    }

    @Test
    void expiredIsATypedExpiredFailure() {
        // providers/openai.md §3: "expired" is named only for batch video jobs in the guide
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "expired", 100))));

        assertThat(failureOf(client().await(job("video_1"))))
                .isInstanceOf(JobExpiredException.class)
                .hasMessageContaining("openai video video_1 expired before it was collected");
    }

    @Test
    void cancelledStatusEndsTheWaitAsCancelled() {
        wm.stubFor(get("/v1/videos/video_1").willReturn(okJson(video("video_1", "cancelled", 10))));

        // cancelled by someone else: a typed error, not a bare CancellationException (LIFECYCLE.md §3)
        assertThatThrownBy(() -> time.run(client().await(job("video_1"))))
                .hasCauseInstanceOf(dev.videosdk.JobCancelledException.class)
                .hasMessageContaining("openai reports job video_1 cancelled");
    }

    @Test
    void pollAfterHeaderSetsTheNextDelay() {
        // providers/openai.md §3.1: openai-python reads openai-poll-after-ms; whether the server sends it is unconfirmed
        wm.stubFor(get("/v1/videos/video_1").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(video("video_1", "in_progress", 10)).withHeader("openai-poll-after-ms", "2500"))
                .willSetStateTo("done"));
        wm.stubFor(get("/v1/videos/video_1").inScenario("p").whenScenarioStateIs("done")
                .willReturn(okJson(video("video_1", "completed", 100))));
        VideoClient c = client();

        Instant before = time.now();
        time.run(c.await(job("video_1"), GenerateOptions.builder().polling(PollingPolicy.fixed(Duration.ofSeconds(10))).build()));

        // the status checks' delays (the run's 15 min deadline and the 30 s body idle timers are not checks)
        assertThat(time.scheduledDelays()).filteredOn(d -> d.compareTo(Duration.ofSeconds(30)) < 0)
                .containsExactly(Duration.ofSeconds(10), Duration.ofMillis(2500));
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofMillis(12_500));
        wm.verify(2, getRequestedFor(urlEqualTo("/v1/videos/video_1")));
    }

    @Test
    void createAnswerWithoutIdIsAProtocolError() {
        wm.stubFor(post("/v1/videos").willReturn(okJson("{\"object\": \"video\", \"status\": \"queued\"}")));

        // a 2xx without an id: a job may exist (LIFECYCLE.md §2)
        assertThat(failureOf(client().submit(VideoRequest.text("x").build())))
                .isInstanceOf(dev.videosdk.JobMayExistException.class).hasCauseInstanceOf(dev.videosdk.ProtocolException.class)
                .hasMessageContaining("openai accepted the create call but sent no video id");
    }
}
