package dev.videosdk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a {@link PriceTable}: what a provider charges for a model, per second of video or per
 * video, at a resolution and with or without audio. Immutable; build one with {@link #builder()} or
 * {@link #usdPerSecond}, change one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Price.builder().provider("veo").model("veo-3.1-generate-preview")
 *         .resolution(Resolution.HD_720P).audio(true)
 *         .amount("0.40")                                      // USD per second unless unit/per say otherwise
 *         .source("https://ai.google.dev/gemini-api/docs/pricing").readOn(LocalDate.parse("2026-11-30"))
 *         .build();
 * }</pre>
 */
public final class Price {

    /** What a price is charged for. */
    public enum Per {
        /** Each second of generated video. */
        SECOND,
        /** Each video, whatever its length. */
        VIDEO
    }

    private final String provider;
    private final String model;
    private final Resolution resolution;
    private final Boolean audio;
    private final BigDecimal amount;
    private final String unit;
    private final Per per;
    private final String source;
    private final LocalDate readOn;
    private final String note;

    private Price(Builder b) {
        provider = Objects.requireNonNull(b.provider, "provider");
        model = Objects.requireNonNull(b.model, "model");
        unit = Objects.requireNonNull(b.unit, "unit");
        per = Objects.requireNonNull(b.per, "per");
        source = Objects.requireNonNull(b.source, "source");
        readOn = Objects.requireNonNull(b.readOn, "readOn");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank, but was \"" + source + "\"");
        }
        if (b.amount != null && b.amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be zero or more, but was " + b.amount.toPlainString());
        }
        resolution = b.resolution;
        audio = b.audio;
        amount = b.amount;
        note = b.note;
    }

    /** An empty builder: unit {@value Cost#USD}, per {@link Per#SECOND}, any resolution and audio setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this price's values. */
    public Builder toBuilder() {
        return new Builder().provider(provider).model(model).resolution(resolution).audio(audio).amount(amount)
                .unit(unit).per(per).source(source).readOn(readOn).note(note);
    }

    /** A dollar price per second of video, for any resolution and audio setting, read today (UTC). */
    public static Price usdPerSecond(String provider, String model, String amount, String source) {
        return builder().provider(provider).model(model).amount(amount).source(source)
                .readOn(LocalDate.now(java.time.ZoneOffset.UTC)).build();
    }

    /** Provider id. */
    public String provider() {
        return provider;
    }

    /** Model id, or {@code "*"} for every model of the provider. */
    public String model() {
        return model;
    }

    /** The resolution the price is for, or null for any. */
    public Resolution resolution() {
        return resolution;
    }

    /** True for "with audio", false for "without", null for either. */
    public Boolean audio() {
        return audio;
    }

    /**
     * Price per {@link #per()} in {@link #unit()}, or null when the price is unknown (an explicit
     * "unknown": estimates say so instead of guessing).
     */
    public BigDecimal amount() {
        return amount;
    }

    /** {@value Cost#USD} or the provider's unit (e.g. {@code runway-credits}). */
    public String unit() {
        return unit;
    }

    /** Whether {@link #amount()} is per second of video or per video. */
    public Per per() {
        return per;
    }

    /** Where the price was read (a URL, or a note); never blank. */
    public String source() {
        return source;
    }

    /** The day it was read. */
    public LocalDate readOn() {
        return readOn;
    }

    /** Anything a reader must know (e.g. "secondary source"), or null. */
    public String note() {
        return note;
    }

    /** True when the price is known. */
    public boolean isKnown() {
        return amount != null;
    }

    /** True when this row is for every model of its provider. */
    public boolean anyModel() {
        return "*".equals(model);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Price p
                && provider.equals(p.provider) && model.equals(p.model) && resolution == p.resolution
                && Objects.equals(audio, p.audio) && Objects.equals(amount, p.amount) && unit.equals(p.unit)
                && per == p.per && source.equals(p.source) && readOn.equals(p.readOn) && Objects.equals(note, p.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, resolution, audio, amount, unit, per, source, readOn, note);
    }

    @Override
    public String toString() {
        return "Price[" + provider + " " + model + (resolution == null ? "" : " " + resolution)
                + (audio == null ? "" : audio ? " audio" : " silent") + ": "
                + (amount == null ? "unknown" : amount.toPlainString() + " " + unit) + " per " + per
                + ", source " + source + ", read " + readOn + (note == null ? "" : ", " + note) + "]";
    }

    /** Builds a {@link Price}; provider, model, source and read-on day are required. */
    public static final class Builder {
        private String provider;
        private String model;
        private Resolution resolution;
        private Boolean audio;
        private BigDecimal amount;
        private String unit = Cost.USD;
        private Per per = Per.SECOND;
        private String source;
        private LocalDate readOn;
        private String note;

        private Builder() {
        }

        /** Provider id. Required. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Model id, or {@code "*"} for every model of the provider. Required. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The resolution the price is for (default null: any). */
        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        /** True for "with audio", false for "without" (default null: either). */
        public Builder audio(Boolean audio) {
            this.audio = audio;
            return this;
        }

        /** Price per {@link #per(Per)} in {@link #unit(String)}, zero or more (default null: unknown). */
        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        /**
         * The amount as a decimal string, e.g. {@code "0.40"}.
         *
         * @throws NumberFormatException when {@code amount} is not a decimal number
         */
        public Builder amount(String amount) {
            return amount(new BigDecimal(amount));
        }

        /** {@value Cost#USD} (the default) or the provider's unit, e.g. {@code runway-credits}. */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** Per second of video (the default) or per video. */
        public Builder per(Per per) {
            this.per = per;
            return this;
        }

        /** Where the price was read (a URL, or a note). Required, not blank. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** The day the price was read. Required. */
        public Builder readOn(LocalDate day) {
            this.readOn = day;
            return this;
        }

        /** Anything a reader must know, e.g. "secondary source" (default null). */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /**
         * Builds and validates the price.
         *
         * @throws NullPointerException     when provider, model, unit, per, source or readOn is missing
         * @throws IllegalArgumentException when source is blank or amount is negative
         */
        public Price build() {
            return new Price(this);
        }
    }
}
