package dev.videosdk.openai.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.openai.OpenAiModels;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code openai} provider's settings, read from the environment (or the map standing in for it).
 *
 * @param baseUri        API base including the version path, e.g. {@code https://api.openai.com/v1}
 * @param keys           API keys (a pool when more than one)
 * @param organization   {@code OpenAI-Organization} header value, or null
 * @param project        {@code OpenAI-Project} header value, or null
 * @param profile        which sizes, lengths and ratios to accept
 * @param defaultModel   model sent when a request names none
 * @param webhookSecrets Standard Webhooks secrets ({@code whsec_...}); empty when webhooks are not configured
 */
public record OpenAiSettings(URI baseUri, List<String> keys, String organization, String project, VideoProfile profile,
                             String defaultModel, List<String> webhookSecrets) {
    /** Provider id. */
    public static final String PROVIDER = "openai";
    /** OpenAI's own API base. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Host of OpenAI's own API. */
    public static final String OPENAI_HOST = "api.openai.com";

    static final String[] KEY = {"OPENAI_API_KEY", "OPENAI_API_KEY_PRO"};
    static final String[] BASE_URL = {"OPENAI_BASE_URL", "OPENAI_BASE_URL_PRO"};
    static final String[] ORGANIZATION = {"OPENAI_ORG_ID", "OPENAI_ORGANIZATION"};
    static final String[] PROJECT = {"OPENAI_PROJECT_ID", "OPENAI_PROJECT"};
    static final String PROFILE = "OPENAI_VIDEO_PROFILE";
    static final String MODEL = "OPENAI_VIDEO_MODEL";
    static final String WEBHOOK_SECRET = "OPENAI_WEBHOOK_SECRET";
    /** Every variable {@link #from} reads, the key first. */
    static final List<String> VARIABLES = List.of(KEY[0], KEY[1], BASE_URL[0], BASE_URL[1], ORGANIZATION[0], ORGANIZATION[1],
            PROJECT[0], PROJECT[1], PROFILE, MODEL, WEBHOOK_SECRET);

    /** Copies the lists. */
    public OpenAiSettings {
        keys = List.copyOf(keys);
        webhookSecrets = List.copyOf(webhookSecrets);
    }

    /**
     * Reads the settings.
     *
     * @throws ConfigurationException naming the variable that is missing or malformed
     */
    public static OpenAiSettings from(ProviderConfig config) {
        List<String> keys = config.list(KEY);
        if (keys.isEmpty()) {
            config.require(KEY); // throws, naming both variables
        }
        return new OpenAiSettings(baseUri(config), keys, config.firstOf(ORGANIZATION).orElse(null),
                config.firstOf(PROJECT).orElse(null), profile(config),
                config.get(MODEL).orElse(OpenAiModels.SORA_2), config.list(WEBHOOK_SECRET));
    }

    /** The base URL from {@code OPENAI_BASE_URL} (or its alias); a URL without a path gets {@code /v1}. */
    static URI baseUri(ProviderConfig config) {
        String name = config.get(BASE_URL[0]).isPresent() ? BASE_URL[0] : BASE_URL[1];
        URI uri = config.baseUri(name, DEFAULT_BASE_URL);
        String path = uri.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? URI.create(uri + "/v1") : uri;
    }

    private static VideoProfile profile(ProviderConfig config) {
        Optional<String> value = config.get(PROFILE);
        if (value.isEmpty()) {
            return VideoProfile.OPENAI;
        }
        try {
            return VideoProfile.valueOf(value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PROFILE + " must be openai or gateway, but was " + value.get(), PROVIDER);
        }
    }

    /** The key pool; each key's credential also carries the organization and project headers. */
    public CredentialPool credentials() {
        return CredentialPool.of(PROVIDER, CredentialPool.labelled(PROVIDER, keys, this::credential));
    }

    /** One key's credential: bearer plus the optional organization and project headers. */
    Credential credential(String id, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + key);
        if (organization != null) {
            headers.put("OpenAI-Organization", organization);
        }
        if (project != null) {
            headers.put("OpenAI-Project", project);
        }
        Map<String, String> fixed = Map.copyOf(headers);
        return Credential.computed(id, () -> fixed);
    }

    /** {@code base + path}, e.g. {@code resolve("/videos")}. */
    public URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    /** True when the base URL is OpenAI's own API (not a gateway). */
    public boolean isOpenAiHost() {
        return OPENAI_HOST.equalsIgnoreCase(baseUri.getHost());
    }

    /** True when {@code uri} has the API's scheme, host and port, so the key may be sent there. */
    public boolean isApiHost(URI uri) {
        return uri.getHost() != null && uri.getHost().equalsIgnoreCase(baseUri.getHost())
                && port(uri) == port(baseUri) && baseUri.getScheme().equalsIgnoreCase(uri.getScheme());
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "OpenAiSettings[" + baseUri + ", " + keys.size() + " key(s), profile " + profile
                + ", webhook secrets " + webhookSecrets.size() + "]";
    }
}
