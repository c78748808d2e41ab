package dev.videosdk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a {@link PriceTable}: what a provider charges for a model, per second of video or per
 * video, at a resolution and with or without audio.
 *
 * <pre>{@code
 * new Price("veo", "veo-3.1-generate-preview", Resolution.HD_720P, true, new BigDecimal("0.40"), Cost.USD,
 *         Price.Per.SECOND, "https://ai.google.dev/gemini-api/docs/pricing", LocalDate.parse("2026-11-30"), null);
 * }</pre>
 *
 * @param provider   provider id
 * @param model      model id, or {@code "*"} for every model of the provider
 * @param resolution the resolution the price is for, or null for any
 * @param audio      true for "with audio", false for "without", null for either
 * @param amount     price per {@code per} in {@code unit}, or null when the price is unknown (an explicit
 *                   "unknown": estimates say so instead of guessing)
 * @param unit       {@value Cost#USD} or the provider's unit (e.g. {@code runway-credits})
 * @param per        whether {@code amount} is per second of video or per video
 * @param source     where the price was read (a URL, or a note); never blank
 * @param readOn     the day it was read
 * @param note       anything a reader must know (e.g. "secondary source"), or null
 */
public record Price(String provider, String model, Resolution resolution, Boolean audio, BigDecimal amount,
                    String unit, Per per, String source, LocalDate readOn, String note) {

    /** What a price is charged for. */
    public enum Per {
        /** Each second of generated video. */
        SECOND,
        /** Each video, whatever its length. */
        VIDEO
    }

    /** Validates. */
    public Price {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(readOn, "readOn");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank, but was \"" + source + "\"");
        }
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be zero or more, but was " + amount.toPlainString());
        }
    }

    /** A dollar price per second of video, for any resolution and audio setting, read today. */
    public static Price usdPerSecond(String provider, String model, String amount, String source) {
        return new Price(provider, model, null, null, new BigDecimal(amount), Cost.USD, Per.SECOND, source,
                LocalDate.now(java.time.ZoneOffset.UTC), null);
    }

    /** True when the price is known. */
    public boolean isKnown() {
        return amount != null;
    }

    /** True when this row is for every model of its provider. */
    public boolean anyModel() {
        return "*".equals(model);
    }
}
