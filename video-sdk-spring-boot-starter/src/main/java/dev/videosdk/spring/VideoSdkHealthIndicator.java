package dev.videosdk.spring;

import dev.videosdk.VideoClient;
import dev.videosdk.spring.internal.ProviderErrors;
import dev.videosdk.ConfigurationException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of the video client (id {@code videoSdk}): UP with the configured providers, those
 * whose module is present but whose settings are missing (with what to set), the default provider and each provider's last errors (type, message, HTTP status, time; at most
 * {@value ProviderErrors#KEPT} each). A provider's errors do not make the application DOWN: they are
 * the provider's, and the SDK retries or falls back on its own.
 */
public final class VideoSdkHealthIndicator implements HealthIndicator {
    private final VideoClient client;
    private final ProviderErrors errors;

    /** Reports on {@code client}, with the errors {@code errors} saw (created by the auto-configuration). */
    VideoSdkHealthIndicator(VideoClient client, ProviderErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    @Override
    public Health health() {
        Set<String> configured = new TreeSet<>();
        Map<String, String> unconfigured = new TreeMap<>();
        for (String id : client.providers()) {
            try {
                client.capabilities(id);
                configured.add(id);
            } catch (ConfigurationException e) {
                unconfigured.put(id, e.getMessage());
            }
        }
        return Health.up()
                .withDetail("providers", configured)
                .withDetail("unconfigured", unconfigured)
                .withDetail("defaultProvider", client.defaultProvider())
                .withDetail("lastErrors", errors.snapshot())
                .build();
    }
}
