package dev.videosdk.soraproxy.internal;

import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;

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
}
