package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ConfigurationException;
import dev.videosdk.VideoClient;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake is found on the class path of every test, but it is a default only when asked for by name. */
class DefaultProviderTest {

    /** A real provider as an application would add it: a factory that may be the default. */
    private static final class RealFactory implements VideoProviderFactory {
        @Override
        public String id() {
            return "real";
        }

        @Override
        public VideoProvider create(ProviderConfig config) {
            return new FakeVideoProvider("real", FakeScript.succeedAfterPolls(1), new FakeVideoProvider().defaultPolling(), "s");
        }
    }

    @Test
    void theFakeFactoryIsNotADefaultCandidate() {
        assertThat(new FakeVideoProviderFactory().defaultCandidate()).isFalse();
        assertThat(new RealFactory().defaultCandidate()).isTrue();
    }

    @Test
    void aRealProviderBesideTheDiscoveredFakeIsTheDefault() {
        try (VideoClient client = VideoClient.builder().env(Map.of()).providerFactory(new RealFactory()).build()) {
            assertThat(client.providers()).containsExactly("fake", "real");
            assertThat(client.defaultProvider()).isEqualTo("real");
        }
    }

    @Test
    void onlyTheFakeOnTheClassPath_isNotPickedAndTheMessageSaysHowToAskForIt() {
        assertThatThrownBy(() -> VideoClient.fromEnv(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[fake]")
                .hasMessageContaining("VIDEO_PROVIDER=<id>")
                .hasMessageContaining("defaultProvider(");
    }

    @Test
    void theFakeAskedForByName_isTheDefault() {
        try (VideoClient byEnv = VideoClient.fromEnv(Map.of("VIDEO_PROVIDER", "fake"));
             VideoClient byBuilder = VideoClient.builder().env(Map.of()).defaultProvider("fake").build()) {
            assertThat(byEnv.defaultProvider()).isEqualTo("fake");
            assertThat(byBuilder.defaultProvider()).isEqualTo("fake");
        }
    }

    @Test
    void aFakeInstanceGivenInCode_isTheDefault() {
        try (VideoClient client = VideoClient.builder().env(Map.of()).provider(new FakeVideoProvider()).build()) {
            assertThat(client.defaultProvider()).isEqualTo("fake");
        }
    }

    @Test
    void anUnknownName_namesWhereItCameFrom() {
        assertThatThrownBy(() -> VideoClient.fromEnv(Map.of("VIDEO_PROVIDER", "foo")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'foo' (from VIDEO_PROVIDER)")
                .hasMessageContaining("known providers: [fake]");
    }
}
