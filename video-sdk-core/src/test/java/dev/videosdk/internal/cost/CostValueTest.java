package dev.videosdk.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.Cost;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostValueTest {
    private static final Cost CREDITS = Cost.of(new BigDecimal("25"), "runway-credits", new BigDecimal("0.01"));

    @Test
    void comparesInOneUnitOrThroughDollars() {
        assertThat(Cost.usd("0.30").compare(CREDITS)).contains(1);
        assertThat(CREDITS.compare(Cost.usd("0.25"))).contains(0);
        assertThat(Cost.of(BigDecimal.TEN, "kie-credits").compare(Cost.usd("1"))).isEmpty();
        assertThat(Cost.of(BigDecimal.TEN, "kie-credits").compare(Cost.of(BigDecimal.ONE, "kie-credits"))).contains(1);
        assertThatThrownBy(() -> Cost.of(BigDecimal.TEN, "kie-credits").compareTo(Cost.usd("1")))
                .hasMessage("costs in kie-credits and USD cannot be compared without a dollar rate for both");
        assertThat(CREDITS.plus(Cost.usd("1"))).contains(Cost.usd("1.25"));
    }

    @Test
    void rejectsNegativeAndBlank() {
        assertThatThrownBy(() -> Cost.of(new BigDecimal("-1"), "x")).hasMessage("amount must be zero or more, but was -1");
        assertThatThrownBy(() -> Cost.of(BigDecimal.ONE, " ")).hasMessage("unit must not be blank, but was \" \"");
        assertThat(new Cost(BigDecimal.ONE, Cost.USD, null).usdPerUnit()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void estimateSurvivesTheJobToken() {
        VideoJob job = ProviderData.withAttributes(ProviderData.withKeyId(VideoJob.of("runway", "t-1", "gen4_turbo",
                Instant.parse("2026-11-30T01:00:00Z")), "runway#1"), Map.of("a", "b")).withEstimatedCost(CREDITS);
        VideoJob back = VideoJob.fromToken(job.toToken());
        assertThat(back).isEqualTo(job);
        assertThat(back.estimatedCost()).isEqualTo(CREDITS);
        VideoJob none = VideoJob.of("fake", "f-1", null, Instant.EPOCH);
        assertThat(VideoJob.fromToken(none.toToken()).estimatedCost()).isNull();
    }
}
