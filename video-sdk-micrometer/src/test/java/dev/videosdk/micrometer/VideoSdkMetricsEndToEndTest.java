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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binding on a real client: passes once the engine emits {@link dev.videosdk.VideoEventListener}
 * events (LIFECYCLE.md §6).
 */
class VideoSdkMetricsEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void generateOnFakeProvider_recordsRunCreateAndPolls_andADownloadTryObservation() {
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
            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo(VideoSdkMetrics.RUN_OBSERVATION, 1)
                    .hasObservationWithNameEqualTo(VideoSdkMetrics.RUN_OBSERVATION).that().hasBeenStopped();

            // the fake serves its MP4 over loopback HTTP: the download's try is an observation of its own
            time.run(client.download(result.video(), dir.resolve("v.mp4")));
            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo(VideoSdkMetrics.HTTP_OBSERVATION, 1)
                    .hasObservationWithNameEqualTo(VideoSdkMetrics.HTTP_OBSERVATION).that().hasBeenStarted().hasBeenStopped()
                    .hasLowCardinalityKeyValue("provider", "fake").hasLowCardinalityKeyValue("kind", "download")
                    .hasLowCardinalityKeyValue("method", "GET").hasLowCardinalityKeyValue("status", "200")
                    .hasLowCardinalityKeyValue("outcome", "success");
        }
    }
}
