package dev.videosdk.openai.internal;

import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates the {@code openai} provider from {@code OPENAI_API_KEY} (or {@code OPENAI_API_KEY_PRO}),
 * {@code OPENAI_BASE_URL} (or {@code OPENAI_BASE_URL_PRO}) and the optional settings listed in the
 * module README.
 */
public final class OpenAiProviderFactory implements VideoProviderFactory {
    /** Used by {@link java.util.ServiceLoader}. */
    public OpenAiProviderFactory() {
    }

    @Override
    public String id() {
        return OpenAiSettings.PROVIDER;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return new OpenAiProvider(OpenAiSettings.from(config));
    }

    @Override
    public List<String> environmentVariables() {
        return OpenAiSettings.VARIABLES;
    }
}
