package dev.videosdk.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.ProviderConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration from the environment: keys and aliases, base URL, profile, secrets never shown. */
class OpenAiSettingsTest {
    private static OpenAiSettings from(Map<String, String> env) {
        return OpenAiSettings.from(new ProviderConfig("openai", env));
    }

    @Test
    void missingKeyNamesBothVariables() {
        assertThatThrownBy(() -> from(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessage("openai is not configured: set OPENAI_API_KEY or OPENAI_API_KEY_PRO");
    }

    @Test
    void defaultsAreOpenAiItself() {
        OpenAiSettings s = from(Map.of("OPENAI_API_KEY", "sk-a, sk-b"));

        assertThat(s.baseUri()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(s.isOpenAiHost()).isTrue();
        assertThat(s.keys()).containsExactly("sk-a", "sk-b");
        assertThat(s.profile()).isEqualTo(VideoProfile.OPENAI);
        assertThat(s.defaultModel()).isEqualTo("sora-2");
        assertThat(s.credentials().size()).isEqualTo(2);
        assertThat(s.toString()).doesNotContain("sk-a").doesNotContain("sk-b");
        assertThat(s.credential("openai#1", "sk-a").toString()).doesNotContain("sk-a");
    }

    @Test
    void baseUrlKeepsItsPathOrGetsV1() {
        assertThat(from(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "https://gw.example/api/v1/")).baseUri())
                .isEqualTo(URI.create("https://gw.example/api/v1"));
        assertThat(from(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "https://gw.example")).baseUri())
                .isEqualTo(URI.create("https://gw.example/v1"));
        assertThatThrownBy(() -> from(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "gw.example")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OPENAI_BASE_URL must be an absolute http(s) URL");
    }

    @Test
    void ownHostIsSchemeHostAndPort() {
        OpenAiSettings s = from(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "http://127.0.0.1:8080/v1"));

        assertThat(s.isApiHost(URI.create("http://127.0.0.1:8080/v1/videos/x/content"))).isTrue();
        assertThat(s.isApiHost(URI.create("http://127.0.0.1:8081/v1/videos/x/content"))).isFalse();
        assertThat(s.isApiHost(URI.create("https://127.0.0.1:8080/x"))).isFalse();
        assertThat(s.isApiHost(URI.create("http://storage.example/x"))).isFalse();
    }

    @Test
    void aMalformedWebhookSecretIsAConfigurationErrorThatDoesNotQuoteIt() {
        assertThatThrownBy(() -> new OpenAiProviderFactory().create(new ProviderConfig("openai",
                Map.of("OPENAI_API_KEY", "k", "OPENAI_WEBHOOK_SECRET", "whsec_not*base64"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("OPENAI_WEBHOOK_SECRET: webhook secret must be whsec_ followed by base64, but it is not valid base64");
    }

    @Test
    void profileMustBeKnown() {
        assertThat(from(Map.of("OPENAI_API_KEY", "k", "OPENAI_VIDEO_PROFILE", "Gateway")).profile()).isEqualTo(VideoProfile.GATEWAY);
        assertThatThrownBy(() -> from(Map.of("OPENAI_API_KEY", "k", "OPENAI_VIDEO_PROFILE", "wide")))
                .hasMessage("OPENAI_VIDEO_PROFILE must be openai or gateway, but was wide");
    }

    @Test
    void gatewaySizesFollowRatioAndResolution() {
        assertThat(VideoProfile.GATEWAY.size(dev.videosdk.AspectRatio.LANDSCAPE_16_9, dev.videosdk.Resolution.SD_480P)).isEqualTo("854x480");
        assertThat(VideoProfile.GATEWAY.size(dev.videosdk.AspectRatio.PORTRAIT_3_4, dev.videosdk.Resolution.HD_720P)).isEqualTo("720x960");
        assertThat(VideoProfile.GATEWAY.size(null, null)).isEqualTo("720x1280");
        assertThat(VideoProfile.GATEWAY.rejectSize("1920x1080", "any")).isNull();
        assertThat(VideoProfile.GATEWAY.rejectSize("big", "any")).isEqualTo("size must be WIDTHxHEIGHT like 1280x720, but was big");
    }
}
