package dev.videosdk.soraproxy.internal;

import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/** Creates the {@code sora-proxy} provider from {@code SORA_*} settings; found by {@link java.util.ServiceLoader}. */
public final class SoraProxyProviderFactory implements VideoProviderFactory {
    /** For {@link java.util.ServiceLoader}. */
    public SoraProxyProviderFactory() {
    }

    @Override
    public String id() {
        return SoraProxy.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return new SoraProxyProvider(SoraProxySettings.from(config));
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(SoraProxy.API_KEY, SoraProxy.BASE_URL, SoraProxy.CHARACTER_API_KEY, SoraProxy.CHARACTER_BASE_URL,
                SoraProxy.IDLE_TIMEOUT_SECONDS, SoraProxy.REQUEST_TIMEOUT_SECONDS, SoraProxy.STREAM);
    }
}
