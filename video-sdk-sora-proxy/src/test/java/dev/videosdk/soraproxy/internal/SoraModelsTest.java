package dev.videosdk.soraproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model derivation table, the checks of named models, and the endpoint profile per model. */
class SoraModelsTest {
    private static final String VALID = "sora_video2 (10 s), sora_video2-15s (15 s), sora_video2-landscape (16:9, 10 s), "
            + "sora_video2-portrait (9:16, 10 s), sora_video2-landscape-15s (16:9, 15 s), sora_video2-portrait-15s (9:16, 15 s)";

    private static VideoRequest request(String ratio, Integer seconds, String model) {
        VideoRequest.Builder b = VideoRequest.text("x");
        if (ratio != null) b.aspectRatio(AspectRatio.parse(ratio));
        if (seconds != null) b.durationSeconds(seconds);
        if (model != null) b.model(model);
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}s -> {2}")
    @CsvSource(nullValues = "-", value = {
        "-,    -,  sora_video2",
        "-,    10, sora_video2",
        "-,    15, sora_video2-15s",
        "16:9, -,  sora_video2-landscape",
        "16:9, 10, sora_video2-landscape",
        "16:9, 15, sora_video2-landscape-15s",
        "9:16, -,  sora_video2-portrait",
        "9:16, 10, sora_video2-portrait",
        "9:16, 15, sora_video2-portrait-15s"})
    void derivesTheModelFromRatioAndDuration(String ratio, Integer seconds, String model) {
        assertThat(SoraModels.resolve(request(ratio, seconds, null))).isEqualTo(model);
    }

    @ParameterizedTest(name = "{0} {1}s rejected on {2}")
    @CsvSource(nullValues = "-", value = {
        "1:1,  10, aspectRatio, aspect ratio 1:1 and 10 s",
        "4:3,  -,  aspectRatio, aspect ratio 4:3 and 10 s",
        "16:9, 8,  duration,    aspect ratio 16:9 and 8 s",
        "-,    20, duration,    the default aspect ratio and 20 s"})
    void rejectsCombinationsTheFamilyDoesNotOffer_listingTheValidOnes(String ratio, Integer seconds, String parameter, String what) {
        assertThatThrownBy(() -> SoraModels.resolve(request(ratio, seconds, null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("sora-proxy has no sora_video2 model for " + what + "; valid: " + VALID)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue(parameter));
    }

    @ParameterizedTest(name = "{2} with {0} {1}s")
    @CsvSource(nullValues = "-", value = {
        "16:9, 15, sora_video2-landscape-15s",
        "9:16, -,  sora_video2-portrait",
        "-,    10, sora_video2",
        "16:9, -,  sora-2-landscape",
        "9:16, 15, sora2-portrait-15s",
        "-,    -,  sora-2-pro",
        "-,    -,  some-new-gateway-model"})
    void namedModel_isSentAsIs_whenTheRequestAgreesWithItsName(String ratio, Integer seconds, String model) {
        assertThat(SoraModels.resolve(request(ratio, seconds, model))).isEqualTo(model);
    }

    @Test
    void namedModel_contradictingTheRatio_isRejected() {
        assertThatThrownBy(() -> SoraModels.resolve(request("16:9", null, "sora_video2-portrait")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("sora-proxy takes the aspect ratio from the model name, and model sora_video2-portrait does not "
                        + "state 16:9; leave aspectRatio unset or leave the model unset to derive one of: " + VALID);
    }

    @Test
    void namedModel_notStatingTheDuration_isRejected() {
        assertThatThrownBy(() -> SoraModels.resolve(request(null, 15, "sora-2")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("sora-proxy takes the duration from the model name, and model sora-2 does not state 15 s;")
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("duration"));
    }

    @ParameterizedTest
    @CsvSource({
        "sora_video2, STANDARD", "sora_video2-landscape-15s, STANDARD", "sora-2, STANDARD", "sora2-landscape-10s, STANDARD",
        "sora-2-pro, CHARACTER", "sora-2-characters, CHARACTER", "sora-2-landscape-hd, CHARACTER", "sora2pro-landscape-25s, CHARACTER",
        "SORA-2-PRO, CHARACTER"})
    void profileFollowsTheModelName(String model, SoraModels.Profile profile) {
        assertThat(SoraModels.profileOf(model)).isEqualTo(profile);
    }

    @Test
    void providerValidate_rejectsResolution_andABadStreamExtra() {
        SoraProxyProvider provider = (SoraProxyProvider) new SoraProxyProviderFactory().create(new ProviderConfig(SoraProxy.ID,
                Map.of(SoraProxy.API_KEY, "k", SoraProxy.BASE_URL, "https://gw.example")));
        assertThatThrownBy(() -> provider.validate(VideoRequest.text("x").resolution(Resolution.FHD_1080P).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("sora-proxy takes the resolution from the model name");
        assertThatThrownBy(() -> provider.validate(VideoRequest.text("x").extra(SoraProxy.EXTRA_STREAM, "maybe").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("extra \"stream\" must be true or false, but was maybe");
    }

    @ParameterizedTest
    @CsvSource({
        "https://gw.example, https://gw.example/v1/chat/completions",
        "https://gw.example/, https://gw.example/v1/chat/completions",
        "https://gw.example/v1, https://gw.example/v1/chat/completions",
        "https://gw.example/v1/, https://gw.example/v1/chat/completions",
        "https://gw.example/openai, https://gw.example/openai/v1/chat/completions"})
    void chatUri_acceptsBaseUrlsWithOrWithoutSlashAndV1(String base, String expected) {
        SoraProxySettings s = SoraProxySettings.from(new ProviderConfig(SoraProxy.ID, Map.of(SoraProxy.API_KEY, "k", SoraProxy.BASE_URL, base)));
        assertThat(s.standard().chatUri()).hasToString(expected);
        assertThat(s.character()).as("no character settings: the standard endpoint serves pro models").isEqualTo(s.standard());
        assertThat(s.idleTimeout()).hasSeconds(300);
        assertThat(s.requestTimeout()).hasSeconds(600);
        assertThat(s.stream()).isTrue();
    }
}
