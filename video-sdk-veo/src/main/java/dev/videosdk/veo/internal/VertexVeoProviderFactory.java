package dev.videosdk.veo.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.net.URI;
import java.util.List;

/**
 * Creates provider {@code veo-vertex} from {@code GOOGLE_CLOUD_PROJECT}, {@code GOOGLE_CLOUD_LOCATION},
 * {@code GOOGLE_CLOUD_ACCESS_TOKEN} (a fixed token, e.g. from {@code gcloud auth print-access-token};
 * for a refreshing token build the provider with {@link dev.videosdk.veo.VeoVertex}), optional
 * {@code VEO_STORAGE_URI} and {@code VERTEX_AI_BASE_URL}.
 */
public final class VertexVeoProviderFactory implements VideoProviderFactory {

    /** For {@link java.util.ServiceLoader}. */
    public VertexVeoProviderFactory() {
    }

    @Override
    public String id() {
        return VertexVeoProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        String project = config.require("GOOGLE_CLOUD_PROJECT");
        String location = config.require("GOOGLE_CLOUD_LOCATION");
        String token = config.require("GOOGLE_CLOUD_ACCESS_TOKEN");
        URI base = config.get("VERTEX_AI_BASE_URL").isPresent() ? config.baseUri("VERTEX_AI_BASE_URL", "") : null;
        try {
            return new VertexVeoProvider(project, location, base, () -> token, config.get("VEO_STORAGE_URI").orElse(null), null);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(VertexVeoProvider.ID + " is misconfigured: " + e.getMessage(), VertexVeoProvider.ID);
        }
    }

    @Override
    public List<String> environmentVariables() {
        return List.of("GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "GOOGLE_CLOUD_ACCESS_TOKEN", "VEO_STORAGE_URI", "VERTEX_AI_BASE_URL");
    }
}
