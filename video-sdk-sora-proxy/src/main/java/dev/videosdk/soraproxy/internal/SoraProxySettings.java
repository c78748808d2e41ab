package dev.videosdk.soraproxy.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The provider's settings, read once from its configuration.
 *
 * @param standard       the endpoint of the {@code sora_video2} family and other plain names
 * @param character      the pro/character endpoint ({@code sora-2-*}); the standard one's parts where not set
 * @param idleTimeout    longest silence on a stream
 * @param requestTimeout wait for the response headers (streaming) or the whole answer (not streaming)
 * @param stream         true to ask for an event stream unless a request says otherwise
 */
record SoraProxySettings(Endpoint standard, Endpoint character, Duration idleTimeout, Duration requestTimeout,
                         boolean stream) {
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(600);

    /**
     * One endpoint profile.
     *
     * @param chatUri the full {@code .../v1/chat/completions} URI
     * @param keys    its key pool
     */
    record Endpoint(URI chatUri, CredentialPool keys) {
    }

    /**
     * Reads the settings.
     *
     * @throws ConfigurationException naming the variable that is missing or malformed
     */
    static SoraProxySettings from(ProviderConfig config) {
        String provider = config.provider();
        List<String> keys = requireKeys(config, SoraProxy.API_KEY);
        URI base = config.baseUri(SoraProxy.BASE_URL, config.require(SoraProxy.BASE_URL));
        Endpoint standard = new Endpoint(chatUri(base), CredentialPool.bearer(provider, keys));
        List<String> characterKeys = config.list(SoraProxy.CHARACTER_API_KEY);
        Endpoint character = standard;
        if (!characterKeys.isEmpty() || config.get(SoraProxy.CHARACTER_BASE_URL).isPresent()) {
            URI characterBase = config.baseUri(SoraProxy.CHARACTER_BASE_URL, base.toString());
            CredentialPool pool = characterKeys.isEmpty() ? standard.keys()
                    : CredentialPool.of(provider, CredentialPool.labelled(provider + "-character", characterKeys, Credential::bearer));
            character = new Endpoint(chatUri(characterBase), pool);
        }
        return new SoraProxySettings(standard, character,
                seconds(config, SoraProxy.IDLE_TIMEOUT_SECONDS, DEFAULT_IDLE_TIMEOUT),
                seconds(config, SoraProxy.REQUEST_TIMEOUT_SECONDS, DEFAULT_REQUEST_TIMEOUT),
                flag(config, SoraProxy.STREAM, true));
    }

    /** The endpoint serving this profile. */
    Endpoint endpoint(SoraModels.Profile profile) {
        return profile == SoraModels.Profile.CHARACTER ? character : standard;
    }

    /** {@code <base>/v1/chat/completions}, or {@code <base>/chat/completions} when the base already ends in {@code /v1}. */
    static URI chatUri(URI base) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b.endsWith("/v1") ? b + "/chat/completions" : b + "/v1/chat/completions");
    }

    private static List<String> requireKeys(ProviderConfig config, String name) {
        List<String> keys = config.list(name);
        if (keys.isEmpty()) {
            config.require(name);
        }
        return keys;
    }

    private static Duration seconds(ProviderConfig config, String name, Duration fallback) {
        String value = config.get(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long s = Long.parseLong(value);
            if (s > 0) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(name + " must be a whole number of seconds above 0, but was " + value, config.provider());
    }

    static boolean flag(ProviderConfig config, String name, boolean fallback) {
        String value = config.get(name).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigurationException(name + " must be true or false, but was " + value, config.provider());
    }
}
