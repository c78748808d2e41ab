package dev.videosdk.runway.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
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

    static VideoJob job() {
        return new VideoJob("runway", RunwayFixture.TASK_ID, "gen4.5", Instant.parse("2026-07-30T10:15:02Z"),
                "runway#1", Map.of("endpoint", "text_to_video"));
    }
}
