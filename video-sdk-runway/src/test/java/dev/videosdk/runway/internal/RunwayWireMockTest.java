package dev.videosdk.runway.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A loopback Runway API, a client on virtual time configured for it, and a job created with key #1. */
abstract class RunwayWireMockTest {
    @RegisterExtension
    static WireMockExtension wm = RunwayFixture.wireMock();

    final VirtualTime time = VirtualTime.start();
    final VideoClient client = RunwayFixture.client(time, RunwayFixture.env(wm));

    @AfterEach
    void closeClient() {
        client.close();
    }

    /**
     * Drives virtual time until {@code future} completes, one virtual second per step: under load an answer
     * can land and still be in the provider's parser when virtual time would jump to the next timer (the
     * 20-minute deadline), failing a passing test with a timeout; small steps keep that from happening.
     */
    <T> T run(java.util.concurrent.CompletableFuture<T> future) {
        return time.run(future, java.time.Duration.ofSeconds(1));
    }

    static VideoJob job() {
        return ProviderData.withAttributes(ProviderData.withKeyId(VideoJob.of("runway", RunwayFixture.TASK_ID, "gen4.5",
                Instant.parse("2026-07-30T10:15:02Z")), "runway#1"), Map.of("endpoint", "text_to_video"));
    }
}
