package dev.videosdk.fal.internal;

import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates provider {@code pika} (Pika's models on fal) from {@code PIKA_API_KEY} or, without it,
 * {@code FAL_KEY}, and the same {@code FAL_*} settings as provider {@code fal}.
 */
public final class PikaProviderFactory implements VideoProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public PikaProviderFactory() {
    }

    @Override
    public String id() {
        return FalProvider.PIKA;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return FalProvider.pika(FalSettings.fromConfig(config, FalProvider.PIKA), null);
    }

    @Override
    public List<String> environmentVariables() {
        return FalSettings.variables(FalProvider.PIKA);
    }
}
