package dev.videosdk.testing;

import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;

/** Registers {@link FakeVideoProvider} with {@link java.util.ServiceLoader} under id {@code fake}. */
public final class FakeVideoProviderFactory implements VideoProviderFactory {
    /** Needed by {@link java.util.ServiceLoader}. */
    public FakeVideoProviderFactory() {
    }

    @Override
    public String id() {
        return FakeVideoProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        FakeVideoProvider defaults = new FakeVideoProvider();
        return new FakeVideoProvider(dev.videosdk.testing.FakeScript.succeedAfter(5), defaults.defaultPolling(),
                config.get("FAKE_WEBHOOK_SECRET").orElse("fake-secret"));
    }
}
