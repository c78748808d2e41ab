package dev.videosdk.veo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Environment handling of both factories, and their registration. */
class FactoryConfigTest {

    @Test
    void bothFactoriesAreRegistered() {
        List<String> ids = ServiceLoader.load(VideoProviderFactory.class).stream().map(p -> p.get().id()).toList();

        assertThat(ids).contains("veo", "veo-vertex");
    }

    @Test
    void missingKeyNamesBothVariables() {
        assertThatThrownBy(() -> new GeminiVeoProviderFactory().create(new ProviderConfig("veo", Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("veo is not configured: set GEMINI_API_KEY or GOOGLE_API_KEY");
    }

    @Test
    void googleApiKeyIsAnAliasAndKeysStayOutOfToString() {
        var provider = new GeminiVeoProviderFactory().create(new ProviderConfig("veo",
                Map.of("GOOGLE_API_KEY", "secret-one,secret-two")));

        assertThat(provider.toString()).contains("2 keys").doesNotContain("secret");
    }

    @Test
    void badBaseUrlIsAConfigurationError() {
        assertThatThrownBy(() -> new GeminiVeoProviderFactory().create(new ProviderConfig("veo",
                Map.of("GEMINI_API_KEY", "k", "GEMINI_BASE_URL", "not a url"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GEMINI_BASE_URL must be an absolute http(s) URL");
    }

    @Test
    void baseUrlWithVersionSuffixIsAccepted() {
        var provider = (GeminiVeoProvider) new GeminiVeoProviderFactory().create(new ProviderConfig("veo",
                Map.of("GEMINI_API_KEY", "k", "GEMINI_BASE_URL", "https://proxy.example/v1beta/")));

        assertThat(provider.submitUri("veo-3.1-generate-preview"))
                .hasToString("https://proxy.example/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
    }

    @Test
    void vertexNeedsProjectLocationAndToken() {
        VertexVeoProviderFactory factory = new VertexVeoProviderFactory();

        assertThatThrownBy(() -> factory.create(new ProviderConfig("veo-vertex", Map.of())))
                .isInstanceOf(ConfigurationException.class).hasMessage("veo-vertex is not configured: set GOOGLE_CLOUD_PROJECT");
        assertThatThrownBy(() -> factory.create(new ProviderConfig("veo-vertex", Map.of("GOOGLE_CLOUD_PROJECT", "p"))))
                .hasMessage("veo-vertex is not configured: set GOOGLE_CLOUD_LOCATION");
        assertThatThrownBy(() -> factory.create(new ProviderConfig("veo-vertex",
                Map.of("GOOGLE_CLOUD_PROJECT", "p", "GOOGLE_CLOUD_LOCATION", "us-central1"))))
                .hasMessage("veo-vertex is not configured: set GOOGLE_CLOUD_ACCESS_TOKEN");
        assertThatThrownBy(() -> factory.create(new ProviderConfig("veo-vertex", Map.of("GOOGLE_CLOUD_PROJECT", "p",
                "GOOGLE_CLOUD_LOCATION", "us-central1", "GOOGLE_CLOUD_ACCESS_TOKEN", "t", "VEO_STORAGE_URI", "s3://x"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("storageUri must start with gs://");
    }

    @Test
    void vertexFromEnvironmentTargetsTheRegionalHost() {
        var provider = (VertexVeoProvider) new VertexVeoProviderFactory().create(new ProviderConfig("veo-vertex", Map.of(
                "GOOGLE_CLOUD_PROJECT", "p", "GOOGLE_CLOUD_LOCATION", "us-central1", "GOOGLE_CLOUD_ACCESS_TOKEN", "secret-token")));

        assertThat(provider.submitUri("veo-3.1-generate-001").getHost()).isEqualTo("us-central1-aiplatform.googleapis.com");
        assertThat(provider.toString()).doesNotContain("secret-token");
        assertThat(provider.capabilities().defaultModel()).isEqualTo("veo-3.1-generate-001");
    }
}
