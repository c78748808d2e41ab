package dev.videosdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.FakeVideoProvider;
import dev.videosdk.testing.VirtualTime;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** With observations turned into meters (as Spring Boot does), the meter names are the documented ones. */
class ObservationMetersTest {

    @Test
    void observationMeters_haveTheDocumentedNames_noDoubledPrefix() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        VirtualTime time = VirtualTime.start();
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(new FakeVideoProvider())
                .clock(time.clock()).scheduler(time.scheduler()).eventListener(new VideoSdkMetrics(meters, observations))
                .build()) {
            time.run(client.generate(VideoRequest.text("a paper boat").build()));
        }

        Set<String> names = meters.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
        assertThat(names).contains("videosdk.run", "videosdk.run.active", "videosdk.run.state")
                .noneMatch(n -> n.startsWith("videosdk.run.videosdk"));
        // every state change after routing is tagged with the provider that serves the run
        assertThat(meters.find("videosdk.run.state").tag("provider", "fake").counters()).isNotEmpty();
        assertThat(meters.find("videosdk.run").tag("provider", "fake").timer()).isNotNull();
    }
}
