package dev.videosdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.CreateOutcome;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.JobStatus;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VideoSdkMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final VideoSdkMetrics metrics = new VideoSdkMetrics(meters, observations);

    private static RunInfo run(long id, RunState state, VideoJob job) {
        return new RunInfo(id, "kling", "kling-v2", job, state, T0);
    }

    @Test
    void runFinished_succeeded_recordsTimerPollsAndStopsObservation() {
        VideoJob job = VideoJob.of("kling", "task-123", "kling-v2", T0);
        metrics.runStarted(run(1, RunState.VALIDATING, null));
        assertThat(meters.get(VideoSdkMetrics.ACTIVE).gauge().value()).isEqualTo(1.0);
        metrics.stateChanged(run(1, RunState.WAITING, job), RunState.SUBMITTING);
        metrics.pollFinished(run(1, RunState.WAITING, job), 1, JobStatus.running(40), null, Duration.ofSeconds(5));
        metrics.pollFinished(run(1, RunState.WAITING, job), 2, JobStatus.succeeded(java.util.List.of(
                VideoAsset.video(URI.create("https://cdn.example/v.mp4"), job, null))), null, null);
        metrics.runFinished(run(1, RunState.SUCCEEDED, job), null, null, Duration.ofSeconds(42));

        assertThat(meters.get(VideoSdkMetrics.RUNS).tags("provider", "kling", "model", "kling-v2",
                "outcome", "succeeded", "error", "none").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(42.0);
        assertThat(meters.get(VideoSdkMetrics.ACTIVE).gauge().value()).isZero();
        assertThat(meters.get(VideoSdkMetrics.POLLS_PER_RUN).tags("outcome", "succeeded").summary().totalAmount())
                .isEqualTo(2.0);
        assertThat(meters.get(VideoSdkMetrics.POLLS).tags("result", "running").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(VideoSdkMetrics.POLLS).tags("result", "succeeded").counter().count()).isEqualTo(1.0);
        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasNameEqualTo(VideoSdkMetrics.RUN_OBSERVATION)
                .hasLowCardinalityKeyValue("provider", "kling")
                .hasLowCardinalityKeyValue("outcome", "succeeded")
                .hasBeenStopped()
                .hasEvent(VideoSdkMetrics.STATE_EVENT, "waiting");
    }

    @Test
    void runFinished_failed_tagsErrorClassAndMarksObservationError() {
        GenerationFailedException boom = new GenerationFailedException("the job failed", ErrorContext.local("kling"), false, null);
        metrics.runStarted(run(7, RunState.VALIDATING, null));
        metrics.runFinished(run(7, RunState.FAILED, null), null, boom, Duration.ofSeconds(3));

        assertThat(meters.get(VideoSdkMetrics.RUNS).tags("outcome", "failed", "error", "GenerationFailedException")
                .timer().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasError(boom).hasLowCardinalityKeyValue("error", "GenerationFailedException");
    }

    @Test
    void createFinished_tagsOutcome() {
        metrics.createFinished(run(1, RunState.SUBMITTING, null), CreateOutcome.UNKNOWN, null, Duration.ofMillis(900));
        metrics.createFinished(run(1, RunState.WAITING, null), CreateOutcome.ACCEPTED, null, Duration.ofMillis(100));

        assertThat(meters.get(VideoSdkMetrics.CREATES).tags("outcome", "unknown").timer().count()).isEqualTo(1);
        assertThat(meters.get(VideoSdkMetrics.CREATES).tags("outcome", "accepted").timer().count()).isEqualTo(1);
    }

    @Test
    void httpCallsAndRetries_taggedByKindMethodStatus() {
        HttpCallEvent failed = new HttpCallEvent("kling", "GET", HttpCallEvent.Kind.IDEMPOTENT, 503, 1, Duration.ofMillis(20), null, 1);
        HttpCallEvent lost = new HttpCallEvent("kling", "POST", HttpCallEvent.Kind.CREATE, 0, 1, Duration.ofMillis(5),
                new dev.videosdk.ProviderUnavailableException("reset", ErrorContext.local("kling"), true, null), 2);
        metrics.httpCallFinished(failed);
        metrics.retryScheduled(failed, Duration.ofSeconds(1));
        metrics.httpCallFinished(lost);

        assertThat(meters.get(VideoSdkMetrics.HTTP).tags("kind", "idempotent", "method", "GET", "status", "503",
                "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(meters.get(VideoSdkMetrics.HTTP).tags("kind", "create", "status", "none", "outcome", "error")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(VideoSdkMetrics.RETRIES).tags("provider", "kling", "kind", "idempotent").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void httpTry_isAnObservationFromStartToFinish_withItsErrorOnFailure() {
        HttpCallEvent started = new HttpCallEvent("kling", "POST", HttpCallEvent.Kind.CREATE, 0, 1, Duration.ZERO, null, 7);
        metrics.httpCallStarted(started);
        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(VideoSdkMetrics.HTTP_OBSERVATION)
                .that().hasBeenStarted().isNotStopped();

        dev.videosdk.ProviderUnavailableException reset =
                new dev.videosdk.ProviderUnavailableException("reset", ErrorContext.local("kling"), true, null);
        metrics.httpCallFinished(new HttpCallEvent("kling", "POST", HttpCallEvent.Kind.CREATE, 0, 1, Duration.ofMillis(5),
                reset, 7));

        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(VideoSdkMetrics.HTTP_OBSERVATION)
                .that().hasBeenStopped().hasError(reset).hasLowCardinalityKeyValue("kind", "create")
                .hasLowCardinalityKeyValue("status", "none").hasLowCardinalityKeyValue("outcome", "error");
    }

    @Test
    void downloadsAndWebhooks_countBytesAndOutcomes() {
        VideoAsset asset = VideoAsset.video(URI.create("https://cdn.example/v.mp4"), VideoJob.of("veo", "op-1", null, T0), null);
        metrics.downloadFinished(asset, 1_000_000, null, Duration.ofSeconds(2));
        metrics.webhookHandled("fake", WebhookOutcome.duplicate("task-1", "seen"), null);
        metrics.webhookHandled("fake", null, new WebhookVerificationException("bad signature", ErrorContext.local("fake"), null));

        assertThat(meters.get(VideoSdkMetrics.DOWNLOAD_BYTES).tags("provider", "veo", "outcome", "success")
                .counter().count()).isEqualTo(1_000_000.0);
        assertThat(meters.get(VideoSdkMetrics.WEBHOOKS).tags("outcome", "duplicate").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(VideoSdkMetrics.WEBHOOKS).tags("outcome", "rejected").counter().count()).isEqualTo(1.0);
    }

    @Test
    void tagValues_areBounded_noJobIdsAndOtherPastTheCap() {
        for (int i = 0; i < VideoSdkMetrics.MAX_TAG_VALUES + 5; i++) {
            RunInfo r = new RunInfo(i, "fake", "model-" + i, VideoJob.of("fake", "job-" + i, null, T0), RunState.VALIDATING, T0);
            metrics.runStarted(r);
            metrics.runFinished(new RunInfo(i, "fake", "model-" + i, r.job(), RunState.SUCCEEDED, T0), null, null, Duration.ZERO);
        }
        assertThat(meters.get(VideoSdkMetrics.RUNS).tags("model", "other").timer().count()).isEqualTo(5);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .noneMatch(t -> t.getValue().startsWith("job-")));
    }
}
