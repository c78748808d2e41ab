package dev.videosdk.kling.internal;

import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates the Kling provider from {@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY} (or
 * {@code KLING_API_KEY}) and {@code KLING_API_URL} (default {@value KlingProvider#DEFAULT_BASE_URL}).
 */
public final class KlingProviderFactory implements VideoProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public KlingProviderFactory() {
    }

    @Override
    public String id() {
        return KlingProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return new KlingProvider(config.baseUri("KLING_API_URL", KlingProvider.DEFAULT_BASE_URL),
                KlingAuth.fromConfig(config));
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(KlingAuth.ACCESS_KEY, KlingAuth.SECRET_KEY, KlingAuth.API_KEY, "KLING_API_URL");
    }
}
