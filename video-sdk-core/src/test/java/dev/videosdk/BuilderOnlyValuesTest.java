package dev.videosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values ADR 0028 makes builder-only: no public constructor, and the builder round-trips every field. */
class BuilderOnlyValuesTest {

    @Test
    void builderOnlyValues_areFinalClassesWithoutPublicConstructors() {
        for (Class<?> c : List.of(VideoRequest.class, Price.class, HttpCall.class, ProviderCapabilities.class,
                ModelCapabilities.class)) {
            assertThat(c.isRecord()).as(c.getSimpleName() + " is a record").isFalse();
            assertThat(java.lang.reflect.Modifier.isFinal(c.getModifiers())).as(c.getSimpleName() + " is final").isTrue();
            assertThat(c.getConstructors()).as(c.getSimpleName() + " public constructors").isEmpty();
        }
    }

    @Test
    void videoRequest_toBuilderKeepsEveryField_andOneChangedFieldMakesItUnequal() {
        VideoRequest full = VideoRequest.image("A fox", MediaInput.url("https://a/first.png"))
                .negativePrompt("blur").lastFrame(MediaInput.url("https://a/last.png"))
                .referenceImage(MediaInput.url("https://a/ref.png")).referenceVideo(MediaInput.url("https://a/v.mp4"))
                .durationSeconds(8).aspectRatio(AspectRatio.PORTRAIT_9_16).resolution(Resolution.FHD_1080P)
                .model("m-1").seed(7).provider("fake").callbackUrl(URI.create("https://me/hook"))
                .extra("watermark", "x").quality(QualityTier.HIGH).cheapest().maxCost(Cost.usd("2"))
                .build();
        VideoRequest copy = full.toBuilder().build();
        assertThat(copy).isEqualTo(full).hasSameHashCodeAs(full).isNotSameAs(full);
        assertThat(copy.extras()).containsExactly(java.util.Map.entry("watermark", "x"));
        assertThat(full.toBuilder().seed(8).build()).isNotEqualTo(full);
        assertThat(full.withModel("m-2").model()).isEqualTo("m-2");
        assertThat(VideoRequest.text("A fox").build()).isEqualTo(VideoRequest.builder().prompt("A fox").build());
    }

    @Test
    void videoRequest_invalidFieldsFailWithInvalidRequestExceptionNamingTheParameter() {
        assertThatThrownBy(() -> VideoRequest.text(" ").build()).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.parameter()).contains("prompt"));
        assertThatThrownBy(() -> VideoRequest.text("x").duration(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).contains("duration"));
        assertThatThrownBy(() -> VideoRequest.text("x").lastFrame(MediaInput.url("https://a/b.png")).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter()).contains("lastFrame"));
    }

    @Test
    void videoRequest_toStringShowsSetFields_extrasByNameOnly_andMasksCallbackSecrets() {
        VideoRequest r = VideoRequest.text("A fox").durationSeconds(4)
                .callbackUrl(URI.create("https://me/hook?token=s3cr3t-value&job=1"))
                .extra("apiKeyLike", "hidden-value").build();
        assertThat(r.toString())
                .isEqualTo("VideoRequest[prompt=A fox, duration=PT4S, callbackUrl=https://me/hook?token=***&job=1, "
                        + "extras=[apiKeyLike]]")
                .doesNotContain("s3cr3t", "hidden-value");
    }

    @Test
    void price_builderDefaultsToUsdPerSecond_andValidatesAsBefore() {
        LocalDate day = LocalDate.parse("2026-11-30");
        Price p = Price.builder().provider("veo").model("veo-3").amount("0.40").source("https://x").readOn(day).build();
        assertThat(p.unit()).isEqualTo(Cost.USD);
        assertThat(p.per()).isEqualTo(Price.Per.SECOND);
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("0.40"));
        assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(p.toBuilder().per(Price.Per.VIDEO).build()).isNotEqualTo(p);
        assertThat(p.toString()).isEqualTo("Price[veo veo-3: 0.40 USD per SECOND, source https://x, read 2026-11-30]");

        Price.Builder noSource = Price.builder().provider("veo").model("m").readOn(day);
        assertThatThrownBy(noSource::build).isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> noSource.source(" ").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source must not be blank, but was \" \"");
        assertThatThrownBy(() -> noSource.source("s").amount("-1").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be zero or more, but was -1");
        assertThat(Price.usdPerSecond("veo", "m", "0.1", "s").isKnown()).isTrue();
    }

    @Test
    void httpCall_equalsComparesTheBodyByContent_andToStringIsShortWithoutSecrets() {
        URI uri = URI.create("https://api.example/v1/jobs/1?key=AIza-secret-1234");
        HttpCall a = HttpCall.put(uri).body("{\"a\":1}", "application/json").header("X-Trace", "t").build();
        HttpCall b = HttpCall.put(uri).body("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json")
                .header("X-Trace", "t").build();
        assertThat(a.kind()).isEqualTo(CallKind.IDEMPOTENT);
        assertThat(a.method()).isEqualTo("PUT");
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().kind(CallKind.CREATE).build()).isNotEqualTo(a);
        assertThat(a.toString()).isEqualTo("HttpCall[PUT https://api.example/v1/jobs/1?key=***, IDEMPOTENT]");
        assertThatThrownBy(() -> HttpCall.get(null).build()).isInstanceOf(NullPointerException.class).hasMessage("uri");
    }

    @Test
    void capabilities_toBuilderKeepsEveryField_andForModelReplacesOnlyWhatTheModelDeclares() {
        ModelCapabilities m = ModelCapabilities.builder("m-2").tier(QualityTier.HIGH).durationsSeconds(4, 8)
                .defaultDurationSeconds(4).audioByDefault(true).build();
        ProviderCapabilities caps = ProviderCapabilities.builder().models(false, "m-1", "m-2")
                .durationsSeconds(5, 10).aspectRatios(AspectRatio.LANDSCAPE_16_9).maxImages(2).lastFrame(true)
                .maxPromptLength(2000).remoteCancel(true).webhooks(true).model(m).build();
        assertThat(caps.toBuilder().build()).isEqualTo(caps).hasSameHashCodeAs(caps);
        assertThat(caps.toBuilder().streaming(true).build()).isNotEqualTo(caps);
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);

        ProviderCapabilities forM2 = caps.forModel("m-2");
        assertThat(forM2.durationsSeconds()).containsExactly(4, 8);
        assertThat(forM2.aspectRatios()).containsExactly(AspectRatio.LANDSCAPE_16_9);
        assertThat(forM2.modelCapabilities()).containsOnlyKeys("m-2");
        assertThat(forM2.toBuilder().durationsSeconds(5, 10).build()).isEqualTo(caps);
        assertThat(caps.forModel(null)).isSameAs(caps);
        assertThat(caps.defaultModel()).isEqualTo("m-1");
        assertThat(caps.models()).isEqualTo(Set.of("m-1", "m-2"));

        assertThatThrownBy(() -> ModelCapabilities.builder(" ").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model id must not be blank, but was \" \"");
    }
}
