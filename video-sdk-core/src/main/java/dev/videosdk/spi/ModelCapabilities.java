package dev.videosdk.spi;

import dev.videosdk.AspectRatio;
import dev.videosdk.QualityTier;
import dev.videosdk.Resolution;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one model of a provider accepts, where it differs from the provider's
 * {@link ProviderCapabilities}: validation, price estimates and model choice all read it. An empty
 * set means "as the provider declares"; a null default means "not declared". Immutable; build with
 * {@link #builder(String)}, change with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ModelCapabilities.builder("kling-v3").durationsSecondsBetween(3, 15).tier(QualityTier.HIGH).build();
 * }</pre>
 */
public final class ModelCapabilities {
    private final String id;
    private final QualityTier tier;
    private final Set<Integer> durationsSeconds;
    private final Set<AspectRatio> aspectRatios;
    private final Set<Resolution> resolutions;
    private final Integer defaultDurationSeconds;
    private final Resolution defaultResolution;
    private final Boolean audioByDefault;

    /** Validates and copies the sets, keeping their order. */
    private ModelCapabilities(Builder b) {
        id = Objects.requireNonNull(b.id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("model id must not be blank, but was \"" + id + "\"");
        }
        tier = b.tier;
        durationsSeconds = copy(b.durations);
        aspectRatios = copy(b.ratios);
        resolutions = copy(b.resolutions);
        defaultDurationSeconds = b.defaultDuration;
        defaultResolution = b.defaultResolution;
        audioByDefault = b.audio;
    }

    private static <T> Set<T> copy(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /** A builder for model {@code id}; everything else defaults to "as the provider declares". */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding these capabilities. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.tier = tier;
        b.durations.addAll(durationsSeconds);
        b.ratios.addAll(aspectRatios);
        b.resolutions.addAll(resolutions);
        b.defaultDuration = defaultDurationSeconds;
        b.defaultResolution = defaultResolution;
        b.audio = audioByDefault;
        return b;
    }

    /** The model id, as sent to the provider. */
    public String id() {
        return id;
    }

    /** The model's quality tier, or null when the provider does not rank it. */
    public QualityTier tier() {
        return tier;
    }

    /** Allowed clip lengths in whole seconds (empty: the provider's). */
    public Set<Integer> durationsSeconds() {
        return durationsSeconds;
    }

    /** Allowed aspect ratios (empty: the provider's). */
    public Set<AspectRatio> aspectRatios() {
        return aspectRatios;
    }

    /** Allowed resolutions (empty: the provider's). */
    public Set<Resolution> resolutions() {
        return resolutions;
    }

    /** Clip length in seconds the provider uses when a request gives none, or null. */
    public Integer defaultDurationSeconds() {
        return defaultDurationSeconds;
    }

    /** Resolution used when a request gives none, or null. */
    public Resolution defaultResolution() {
        return defaultResolution;
    }

    /**
     * True when the model adds audio unless told not to, false when it is silent unless asked, null
     * when not declared.
     */
    public Boolean audioByDefault() {
        return audioByDefault;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ModelCapabilities m
                && id.equals(m.id) && tier == m.tier && durationsSeconds.equals(m.durationsSeconds)
                && aspectRatios.equals(m.aspectRatios) && resolutions.equals(m.resolutions)
                && Objects.equals(defaultDurationSeconds, m.defaultDurationSeconds)
                && defaultResolution == m.defaultResolution && Objects.equals(audioByDefault, m.audioByDefault);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tier, durationsSeconds, aspectRatios, resolutions, defaultDurationSeconds,
                defaultResolution, audioByDefault);
    }

    @Override
    public String toString() {
        return "ModelCapabilities[id=" + id + ", tier=" + tier + ", durationsSeconds=" + durationsSeconds
                + ", aspectRatios=" + aspectRatios + ", resolutions=" + resolutions
                + ", defaultDurationSeconds=" + defaultDurationSeconds + ", defaultResolution=" + defaultResolution
                + ", audioByDefault=" + audioByDefault + "]";
    }

    /** Builds {@link ModelCapabilities}. */
    public static final class Builder {
        private final String id;
        private QualityTier tier;
        private final Set<Integer> durations = new LinkedHashSet<>();
        private final Set<AspectRatio> ratios = new LinkedHashSet<>();
        private final Set<Resolution> resolutions = new LinkedHashSet<>();
        private Integer defaultDuration;
        private Resolution defaultResolution;
        private Boolean audio;

        private Builder(String id) {
            this.id = id;
        }

        /** The model's quality tier (default: none). */
        public Builder tier(QualityTier value) {
            tier = value;
            return this;
        }

        /** Allowed clip lengths in seconds (default: the provider's). */
        public Builder durationsSeconds(Integer... seconds) {
            durations.clear();
            durations.addAll(List.of(seconds));
            return this;
        }

        /** Allowed clip lengths from {@code min} to {@code max} seconds, both included. */
        public Builder durationsSecondsBetween(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("durations must satisfy 1 <= min <= max, but were " + min + ".." + max);
            }
            durations.clear();
            for (int s = min; s <= max; s++) {
                durations.add(s);
            }
            return this;
        }

        /** Allowed aspect ratios (default: the provider's). */
        public Builder aspectRatios(AspectRatio... values) {
            ratios.clear();
            ratios.addAll(List.of(values));
            return this;
        }

        /** Allowed resolutions (default: the provider's). */
        public Builder resolutions(Resolution... values) {
            resolutions.clear();
            resolutions.addAll(List.of(values));
            return this;
        }

        /** The clip length used when a request gives none (default: not declared). */
        public Builder defaultDurationSeconds(int seconds) {
            defaultDuration = seconds;
            return this;
        }

        /** The resolution used when a request gives none (default: not declared). */
        public Builder defaultResolution(Resolution value) {
            defaultResolution = value;
            return this;
        }

        /** Whether the model adds audio unless told not to (default: not declared). */
        public Builder audioByDefault(boolean value) {
            audio = value;
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @throws NullPointerException     when the id is null
         * @throws IllegalArgumentException when the id is blank
         */
        public ModelCapabilities build() {
            return new ModelCapabilities(this);
        }
    }
}
