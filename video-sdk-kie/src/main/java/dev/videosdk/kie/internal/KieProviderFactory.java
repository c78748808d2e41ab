package dev.videosdk.kie.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Creates the {@code kie} provider from {@code KIE_API_KEY} (comma-separated = key pool),
 * {@code KIE_BASE_URL} (default {@code https://api.kie.ai}), {@code KIE_UPLOAD_BASE_URL} (default
 * {@code https://kieai.redpandaai.co}), and optionally {@code KIE_WEBHOOK_HMAC_KEY} and
 * {@code KIE_WEBHOOK_TOLERANCE_SECONDS} (default 300).
 */
public final class KieProviderFactory implements VideoProviderFactory {
    static final String API_KEY = "KIE_API_KEY";
    static final String BASE_URL = "KIE_BASE_URL";
    static final String UPLOAD_BASE_URL = "KIE_UPLOAD_BASE_URL";
    static final String WEBHOOK_HMAC_KEY = "KIE_WEBHOOK_HMAC_KEY";
    static final String WEBHOOK_TOLERANCE_SECONDS = "KIE_WEBHOOK_TOLERANCE_SECONDS";

    /** For {@link java.util.ServiceLoader}. */
    public KieProviderFactory() {
    }

    @Override
    public String id() {
        return KieProvider.ID;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        List<String> keys = config.list(API_KEY);
        if (keys.isEmpty()) {
            config.require(API_KEY);   // throws, naming the variable, when it is unset
            throw new ConfigurationException(API_KEY + " holds no key (only commas or blanks)", KieProvider.ID);
        }
        URI base = config.baseUri(BASE_URL, "https://api.kie.ai");
        URI upload = config.baseUri(UPLOAD_BASE_URL, "https://kieai.redpandaai.co");
        Duration tolerance = config.get(WEBHOOK_TOLERANCE_SECONDS).map(KieProviderFactory::seconds)
                .orElse(KieWebhookVerifier.DEFAULT_TOLERANCE);
        KieWebhookVerifier verifier = config.get(WEBHOOK_HMAC_KEY)
                .map(key -> new KieWebhookVerifier(KieProvider.ID, key, tolerance)).orElse(null);
        return new KieProvider(base, upload, CredentialPool.bearer(KieProvider.ID, keys), verifier);
    }

    private static Duration seconds(String value) {
        try {
            long s = Long.parseLong(value);
            if (s > 0) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new ConfigurationException(WEBHOOK_TOLERANCE_SECONDS + " must be a whole number of seconds above 0, but was "
                + value, KieProvider.ID);
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(API_KEY, BASE_URL, UPLOAD_BASE_URL, WEBHOOK_HMAC_KEY, WEBHOOK_TOLERANCE_SECONDS);
    }
}
