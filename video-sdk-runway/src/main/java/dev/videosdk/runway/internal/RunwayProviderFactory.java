package dev.videosdk.runway.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;

/**
 * Creates the Runway provider from {@code RUNWAY_API_KEY} (or Runway's own SDKs' name
 * {@code RUNWAYML_API_SECRET}; a comma-separated value is a key pool), {@code RUNWAY_BASE_URL} (or
 * {@code RUNWAYML_BASE_URL}, default {@value RunwayProvider#DEFAULT_BASE_URL}) and
 * {@code RUNWAY_API_VERSION} (default {@value RunwayProvider#DEFAULT_API_VERSION}).
 */
public final class RunwayProviderFactory implements VideoProviderFactory {
    static final String API_KEY = "RUNWAY_API_KEY";
    static final String SDK_API_KEY = "RUNWAYML_API_SECRET";
    static final String BASE_URL = "RUNWAY_BASE_URL";
    static final String SDK_BASE_URL = "RUNWAYML_BASE_URL";
    static final String API_VERSION = "RUNWAY_API_VERSION";

    /** Used by {@link java.util.ServiceLoader}. */
    public RunwayProviderFactory() {
    }

    @Override
    public String id() {
        return RunwayProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        List<String> keys = config.list(API_KEY, SDK_API_KEY);
        if (keys.isEmpty()) {
            throw new ConfigurationException("runway is not configured: set " + API_KEY + " (or " + SDK_API_KEY
                    + "); a comma-separated list is a key pool", RunwayProvider.ID);
        }
        String baseName = config.get(BASE_URL).isPresent() ? BASE_URL : SDK_BASE_URL;
        String version = config.get(API_VERSION).orElse(RunwayProvider.DEFAULT_API_VERSION);
        if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new ConfigurationException(API_VERSION + " must be a date like " + RunwayProvider.DEFAULT_API_VERSION
                    + ", but was " + version, RunwayProvider.ID);
        }
        return new RunwayProvider(config.baseUri(baseName, RunwayProvider.DEFAULT_BASE_URL),
                CredentialPool.bearer(RunwayProvider.ID, keys), version);
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(API_KEY, SDK_API_KEY, BASE_URL, SDK_BASE_URL, API_VERSION);
    }
}
