package dev.videosdk.fal.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.ProviderConfig;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One provider's settings: its id, the queue host, its keys (a pool when more than one), the JWKS
 * address and, optionally, the fal user id webhooks must name. Never prints the keys.
 *
 * @param id        provider id ({@code fal} or {@code pika})
 * @param queueBase the queue host, default {@value FalProvider#DEFAULT_QUEUE_URL}
 * @param keys      API keys, used in turn
 * @param jwksUri   where fal's webhook keys are published
 * @param userId    the fal user id callbacks must carry, or null to accept any
 */
public record FalSettings(String id, URI queueBase, List<String> keys, URI jwksUri, String userId) {

    /** Validates and copies. */
    public FalSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queueBase, "queueBase");
        Objects.requireNonNull(jwksUri, "jwksUri");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new ConfigurationException(id + " has no API key", id);
        }
    }

    /** The variables {@link #fromConfig} reads for provider {@code id}, the key first. */
    static List<String> variables(String id) {
        return Stream.concat(Stream.of(keyNames(id)), Stream.of("FAL_QUEUE_URL", "FAL_JWKS_URL", "FAL_WEBHOOK_USER_ID")).toList();
    }

    private static String[] keyNames(String id) {
        return FalProvider.PIKA.equals(id) ? new String[] {"PIKA_API_KEY", "FAL_KEY"} : new String[] {"FAL_KEY"};
    }

    /**
     * Reads {@code FAL_KEY} (for {@code pika}: {@code PIKA_API_KEY}, else {@code FAL_KEY}),
     * {@code FAL_QUEUE_URL}, {@code FAL_JWKS_URL} and {@code FAL_WEBHOOK_USER_ID}.
     *
     * @throws ConfigurationException naming the variable to set
     */
    static FalSettings fromConfig(ProviderConfig config, String id) {
        String[] keyNames = keyNames(id);
        config.require(keyNames);
        List<String> keys = config.list(keyNames);
        return new FalSettings(id, config.baseUri("FAL_QUEUE_URL", FalProvider.DEFAULT_QUEUE_URL), keys,
                config.baseUri("FAL_JWKS_URL", FalProvider.DEFAULT_JWKS_URL), config.get("FAL_WEBHOOK_USER_ID").orElse(null));
    }

    @Override
    public String toString() {
        return "FalSettings[" + id + ", " + queueBase + ", " + keys.size() + " key(s)]";
    }
}
