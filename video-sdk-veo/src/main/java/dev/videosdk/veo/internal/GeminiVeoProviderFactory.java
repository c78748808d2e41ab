package dev.videosdk.veo.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates provider {@code veo} (Gemini API) from {@code GEMINI_API_KEY} or {@code GOOGLE_API_KEY}
 * (comma-separated = key pool) and {@code GEMINI_BASE_URL}
 * (default {@code https://generativelanguage.googleapis.com}).
 */
public final class GeminiVeoProviderFactory implements VideoProviderFactory {
    /** Key variables, in order of preference. */
    static final String[] KEY_VARIABLES = {"GEMINI_API_KEY", "GOOGLE_API_KEY"};
    /** The documented host. */
    static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    /** For {@link java.util.ServiceLoader}. */
    public GeminiVeoProviderFactory() {
    }

    @Override
    public String id() {
        return GeminiVeoProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        List<String> keys = config.list(KEY_VARIABLES);
        if (keys.isEmpty()) {
            throw new ConfigurationException(GeminiVeoProvider.ID + " is not configured: set "
                    + String.join(" or ", KEY_VARIABLES), GeminiVeoProvider.ID);
        }
        CredentialPool pool = CredentialPool.of(GeminiVeoProvider.ID, CredentialPool.labelled(GeminiVeoProvider.ID, keys,
                (label, key) -> Credential.header(label, "x-goog-api-key", key)));
        return new GeminiVeoProvider(config.baseUri("GEMINI_BASE_URL", DEFAULT_BASE_URL), pool, null);
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(KEY_VARIABLES[0], KEY_VARIABLES[1], "GEMINI_BASE_URL");
    }
}
