package dev.videosdk.testing;

import dev.videosdk.PollingPolicy;
import dev.videosdk.spi.ProviderConfig;
import java.time.Duration;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/** Registers {@link FakeVideoProvider} with {@link java.util.ServiceLoader} under id {@code fake}. */
public final class FakeVideoProviderFactory implements VideoProviderFactory {
    /** Needed by {@link java.util.ServiceLoader}. */
    public FakeVideoProviderFactory() {
    }

    @Override
    public String id() {
        return FakeVideoProvider.ID;
    }

    /** {@code false}: the fake is used only when asked for by name ({@code VIDEO_PROVIDER=fake}, {@code provider("fake")}). */
    @Override
    public boolean defaultCandidate() {
        return false;
    }

    /**
     * Settings: {@code FAKE_POLL_INTERVAL_MS} (default 300; the demo's pace), {@code FAKE_WEBHOOK_SECRET}
     * (default {@code fake-secret}). Every job succeeds on its 5th status check.
     */
    @Override
    public VideoProvider create(ProviderConfig config) {
        Duration interval = Duration.ofMillis(config.get("FAKE_POLL_INTERVAL_MS").map(Long::parseLong).orElse(300L));
        PollingPolicy polling = new PollingPolicy(interval, interval, 1.0, interval, 0.0, Integer.MAX_VALUE, Duration.ofMinutes(1));
        return new FakeVideoProvider(FakeScript.succeedAfterPolls(5), polling, config.get("FAKE_WEBHOOK_SECRET").orElse("fake-secret"));
    }

    @Override
    public List<String> environmentVariables() {
        return List.of("FAKE_POLL_INTERVAL_MS", "FAKE_WEBHOOK_SECRET");
    }
}
