package dev.videosdk.fal;

import dev.videosdk.fal.internal.FalProvider;
import dev.videosdk.fal.internal.FalSettings;
import dev.videosdk.spi.VideoProvider;
import java.net.URI;
import java.util.List;

/**
 * Builds the {@code fal} and {@code pika} providers in code, for when environment variables do not
 * fit (keys from a vault, the webhook keys supplied by the application).
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .provider(Fal.pika(URI.create(Fal.DEFAULT_QUEUE_URL), List.of(key), FalWebhookKeys.of(jwksJson)))
 *         .build();
 * }</pre>
 */
public final class Fal {
    /** Provider id for any fal-hosted video model. */
    public static final String FAL = FalProvider.FAL;
    /** Provider id for Pika's models on fal. */
    public static final String PIKA = FalProvider.PIKA;
    /** fal's queue host. */
    public static final String DEFAULT_QUEUE_URL = FalProvider.DEFAULT_QUEUE_URL;
    /** Where fal publishes the keys that verify its webhooks. */
    public static final String DEFAULT_JWKS_URL = FalProvider.DEFAULT_JWKS_URL;

    private Fal() {
    }

    /**
     * Provider {@code fal} on {@code queue} with {@code keys} (used in turn as a pool, labelled
     * {@code fal#1}, {@code fal#2}, …); {@code webhookKeys} null fetches fal's published keys.
     */
    public static VideoProvider fal(URI queue, List<String> keys, FalWebhookKeys webhookKeys) {
        return FalProvider.fal(new FalSettings(FAL, queue, keys, URI.create(DEFAULT_JWKS_URL), null), webhookKeys);
    }

    /** Provider {@code pika} on {@code queue} with {@code keys} (labelled {@code pika#1}, …); see {@link #fal}. */
    public static VideoProvider pika(URI queue, List<String> keys, FalWebhookKeys webhookKeys) {
        return FalProvider.pika(new FalSettings(PIKA, queue, keys, URI.create(DEFAULT_JWKS_URL), null), webhookKeys);
    }
}
