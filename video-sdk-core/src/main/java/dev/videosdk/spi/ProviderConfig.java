package dev.videosdk.spi;

import dev.videosdk.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one provider: the environment (or a map standing in for it) merged with settings
 * given in code, which win. Values are never logged; {@link #toString()} shows only the names.
 *
 * @param provider the provider id
 * @param settings variable name to value
 */
public record ProviderConfig(String provider, Map<String, String> settings) {

    /** Copies. */
    public ProviderConfig {
        Objects.requireNonNull(provider, "provider");
        settings = Map.copyOf(settings);
    }

    /** A setting, if present and not blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(settings.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The first present setting among {@code names} (aliases in order of preference). */
    public Optional<String> firstOf(String... names) {
        return Arrays.stream(names).map(this::get).flatMap(Optional::stream).findFirst();
    }

    /**
     * The first present setting among {@code names}.
     *
     * @throws ConfigurationException naming the variables to set
     */
    public String require(String... names) {
        return firstOf(names).orElseThrow(() -> new ConfigurationException(
                provider + " is not configured: set " + String.join(" or ", names), provider));
    }

    /** A comma-separated setting as a list (a key pool); empty if absent. */
    public List<String> list(String... names) {
        return firstOf(names).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /**
     * A base URL setting, or {@code fallback}; a trailing slash is removed.
     *
     * @throws ConfigurationException when the value is not an absolute http(s) URL
     */
    public URI baseUri(String name, String fallback) {
        String value = get(name).orElse(fallback);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(name + " must be an absolute http(s) URL, but was " + value, provider);
        }
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + provider + ", settings " + settings.keySet().stream().sorted().toList() + "]";
    }
}
