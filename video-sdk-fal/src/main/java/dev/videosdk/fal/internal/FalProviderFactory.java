package dev.videosdk.fal.internal;

import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates provider {@code fal} from {@code FAL_KEY} (comma-separated: a key pool),
 * {@code FAL_QUEUE_URL} (default {@value FalProvider#DEFAULT_QUEUE_URL}), {@code FAL_JWKS_URL}
 * and {@code FAL_WEBHOOK_USER_ID}.
 */
public final class FalProviderFactory implements VideoProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public FalProviderFactory() {
    }

    @Override
    public String id() {
        return FalProvider.FAL;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return FalProvider.fal(FalSettings.fromConfig(config, FalProvider.FAL), null);
    }

    @Override
    public List<String> environmentVariables() {
        return FalSettings.variables(FalProvider.FAL);
    }
}
