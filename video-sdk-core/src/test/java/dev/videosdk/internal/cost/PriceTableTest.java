package dev.videosdk.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.Cost;
import dev.videosdk.CostEstimate;
import dev.videosdk.Price;
import dev.videosdk.PriceTable;
import dev.videosdk.QualityTier;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped table: every row has a source and a date, and every priced row gives the estimate it says. */
class PriceTableTest {
    private static final PriceTable SHIPPED = PriceTable.defaults();
    private static final ProviderCapabilities ANY = ProviderCapabilities.builder().build();

    @Test
    void shippedTableIsVersionedAndEveryRowHasASourceAndADate() {
        assertThat(SHIPPED.version()).isEqualTo("video-sdk 2026-11-30.1");
        assertThat(SHIPPED.prices()).hasSizeGreaterThan(30);
        assertThat(SHIPPED.prices()).allSatisfy(p -> {
            assertThat(p.source()).isNotBlank();
            assertThat(p.readOn()).isEqualTo(LocalDate.parse("2026-11-30"));
        });
        assertThat(SHIPPED.usdRate("runway-credits")).contains(new BigDecimal("0.01"));
        assertThat(SHIPPED.usdRate("kling-units")).contains(new BigDecimal("0.14"));
        assertThat(SHIPPED.usdRate(Cost.USD)).contains(BigDecimal.ONE);
        assertThat(SHIPPED.usdRate("kie-credits")).isEmpty();
    }

    /** For every known row: a request that names exactly that row gets amount × 8 s (or the per-video amount). */
    @Test
    void everyPricedRowGivesItsEstimate() {
        Estimator estimator = new Estimator(SHIPPED);
        List<Price> priced = SHIPPED.prices().stream().filter(Price::isKnown).filter(p -> !p.anyModel()).toList();
        assertThat(priced).hasSizeGreaterThan(25);
        for (Price p : priced) {
            VideoRequest.Builder b = VideoRequest.text("x").durationSeconds(8).model(p.model());
            if (p.resolution() != null) b.resolution(p.resolution());
            if (p.audio() != null) b.extra("generateAudio", p.audio());
            CostEstimate e = estimator.estimate(p.provider(), ANY, b.build(), p.model());
            BigDecimal expected = p.per() == Price.Per.SECOND ? p.amount().multiply(BigDecimal.valueOf(8)) : p.amount();
            assertThat(e.isKnown()).as(p.toString()).isTrue();
            assertThat(e.cost().amount()).as(p.toString()).isEqualByComparingTo(expected);
            assertThat(e.cost().unit()).isEqualTo(p.unit());
            assertThat(e.basis()).contains(p.source()).contains("2026-11-30");
        }
    }

    @Test
    void veoStandardWithAudioAt720pIsForty() {
        CostEstimate e = new Estimator(SHIPPED).estimate("veo", ANY, VideoRequest.text("x").durationSeconds(8)
                .resolution(Resolution.HD_720P).build(), "veo-3.1-generate-preview");
        assertThat(e.cost()).isEqualTo(Cost.usd("3.2"));
        assertThat(e.basis()).startsWith("8 s × 0.4 USD/s (veo, veo-3.1-generate-preview, 720p, with audio); source https://aifreeapi");
    }

    @Test
    void creditsCarryTheirDollarRate() {
        CostEstimate e = new Estimator(SHIPPED).estimate("runway", ANY, VideoRequest.text("x").durationSeconds(5).build(),
                "gen4_turbo");
        assertThat(e.cost()).isEqualTo(Cost.of(new BigDecimal("25"), "runway-credits", new BigDecimal("0.01")));
        assertThat(e.cost().toUsd()).contains(new BigDecimal("0.25"));
        assertThat(e.cost()).hasToString("25 runway-credits (≈0.25 USD)");
    }

    @Test
    void unknownPriceIsSaidNeverZero() {
        CostEstimate kling = new Estimator(SHIPPED).estimate("kling", ANY, VideoRequest.text("x").durationSeconds(5).build(),
                "kling-v2-6");
        assertThat(kling.isKnown()).isFalse();
        assertThat(kling.cost()).isNull();
        assertThat(kling.basis()).startsWith("price unknown for (kling, *, any resolution, audio on or off)");
        CostEstimate nowhere = new Estimator(SHIPPED).estimate("acme", ANY, VideoRequest.text("x").build(), "a-1");
        assertThat(nowhere.isKnown()).isFalse();
        assertThat(nowhere.basis()).isEqualTo("no price for acme model a-1 in price table video-sdk 2026-11-30.1; "
                + "add one with VideoClient.builder().prices(...)");
    }

    @Test
    void openResolutionTakesTheDearestRowUnlessTheModelDeclaresADefault() {
        VideoRequest open = VideoRequest.text("x").durationSeconds(8).build();
        Estimator estimator = new Estimator(SHIPPED);
        assertThat(estimator.estimate("veo", ANY, open, "veo-3.1-generate-preview").cost()).isEqualTo(Cost.usd("4.8"));
        ProviderCapabilities declared = ProviderCapabilities.builder().models(true, "veo-3.1-generate-preview")
                .model(ModelCapabilities.builder("veo-3.1-generate-preview").defaultResolution(Resolution.HD_720P).build())
                .build();
        assertThat(estimator.estimate("veo", declared, open, null).cost()).isEqualTo(Cost.usd("3.2"));
    }

    @Test
    void noDurationUsesTheModelDefaultElseTheLongestAllowed() {
        ProviderCapabilities caps = ProviderCapabilities.builder().models(true, "gen4_turbo", "gen4.5")
                .durationsSeconds(5, 10)
                .model(ModelCapabilities.builder("gen4.5").defaultDurationSeconds(5).build()).build();
        Estimator estimator = new Estimator(SHIPPED);
        CostEstimate longest = estimator.estimate("runway", caps, VideoRequest.text("x").build(), "gen4_turbo");
        assertThat(longest.cost().amount()).isEqualByComparingTo("50");
        assertThat(longest.basis()).endsWith("(no duration given: assumed 10 s)");
        assertThat(estimator.estimate("runway", caps, VideoRequest.text("x").build(), "gen4.5").cost().amount())
                .isEqualByComparingTo("60");
    }

    @Test
    void overridesWinAlsoWhenTheyAreCheaperOrUnknown() {
        PriceTable mine = SHIPPED.with(Price.builder().provider("veo").model("veo-3.1-generate-preview")
                .resolution(Resolution.HD_720P).audio(true).amount(new BigDecimal("0.30")).unit(Cost.USD)
                .per(Price.Per.SECOND).source("our contract").readOn(LocalDate.parse("2026-11-01")).build());
        VideoRequest r = VideoRequest.text("x").durationSeconds(8).resolution(Resolution.HD_720P).build();
        assertThat(new Estimator(mine).estimate("veo", ANY, r, "veo-3.1-generate-preview").cost()).isEqualTo(Cost.usd("2.4"));
        PriceTable unknown = SHIPPED.overriddenBy(PriceTable.parse("""
                kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note
                price,veo,veo-3.1-generate-preview,720p,*,unknown,USD,second,renegotiating,2026-11-02,
                """));
        assertThat(new Estimator(unknown).estimate("veo", ANY, r, "veo-3.1-generate-preview").isKnown()).isFalse();
    }

    @Test
    void loadsAFileAndNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, """
                # version: ours-3
                kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note
                price,acme,a-1,*,*,0.5,USD,video,https://acme.example/pricing,2026-11-30,
                rate,*,*,*,*,0.02,acme-credits,unit,https://acme.example/credits,2026-11-30,
                """);
        PriceTable table = PriceTable.load(file);
        assertThat(table.version()).isEqualTo(file + " ours-3");
        assertThat(table.usdRate("acme-credits")).contains(new BigDecimal("0.02"));
        assertThat(new Estimator(table).estimate("acme", ANY, VideoRequest.text("x").build(), "a-1").cost())
                .isEqualTo(Cost.usd("0.5"));
        assertThatThrownBy(() -> PriceTable.parse("""
                kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note
                price,acme,a-1,*,maybe,0.5,USD,video,src,2026-11-30,
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price table text line 2: audio must be on, off or *, but was \"maybe\"");
        assertThatThrownBy(() -> PriceTable.parse("""
                kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note
                price,acme,a-1,*,*,0.5,USD,video,,2026-11-30,
                """)).hasMessage("price table text line 2: source must not be empty: every price names where it was read");
        assertThatThrownBy(() -> PriceTable.parse("provider,price\n"))
                .hasMessageStartingWith("price table text line 1: the first line must be the header");
        assertThatThrownBy(() -> PriceTable.parse("""
                kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note
                price,acme,a-1,*,*,free,USD,video,src,2026-11-30,
                """)).hasMessage("price table text line 2: amount must be a decimal or unknown, but was \"free\"");
    }

    @Test
    void tierIsDeclaredPerModel() {
        ModelCapabilities m = ModelCapabilities.builder("x").tier(QualityTier.HIGH).durationsSecondsBetween(3, 15).build();
        assertThat(m.durationsSeconds()).hasSize(13).startsWith(3).endsWith(15);
        assertThatThrownBy(() -> ModelCapabilities.builder("x").durationsSecondsBetween(5, 3))
                .hasMessage("durations must satisfy 1 <= min <= max, but were 5..3");
    }
}
