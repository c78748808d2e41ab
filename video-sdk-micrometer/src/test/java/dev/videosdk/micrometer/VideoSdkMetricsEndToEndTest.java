package dev.videosdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.testing.FakeVideoProvider;
import dev.videosdk.testing.VirtualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

/**
 * The binding on a real client: passes once the engine emits {@link dev.videosdk.VideoEventListener}
 * events (LIFECYCLE.md §6).
 */
class VideoSdkMetricsEndToEndTest {

    @Test
    void generateOnFakeProvider_recordsRunCreateAndPolls() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TestObservationRegistry observations = TestObservationRegistry.create();
        VideoSdkMetrics metrics = new VideoSdkMetrics(meters, observations);
        VirtualTime time = VirtualTime.start();
        FakeVideoProvider fake = new FakeVideoProvider();
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(fake)
                     .clock(time.clock()).scheduler(time.scheduler()).eventListener(metrics).build()) {
            VideoResult result = time.run(client.generate(VideoRequest.text("a red kite").build()));

            assertThat(result.assets()).isNotEmpty();
            assertThat(meters.get(VideoSdkMetrics.RUNS).tags("provider", "fake", "outcome", "succeeded", "error", "none")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get(VideoSdkMetrics.CREATES).tags("provider", "fake", "outcome", "accepted")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get(VideoSdkMetrics.POLLS_PER_RUN).tags("provider", "fake").summary().totalAmount())
                    .isEqualTo(fake.polls(result.job().id()));
            assertThat(metrics.activeRuns()).isZero();
            TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                    .hasNameEqualTo(VideoSdkMetrics.RUN_OBSERVATION).hasBeenStopped();
        }
    }
}
