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
 * set means "as the provider declares"; a null default means "not declared".
 *
 * <pre>{@code
 * ModelCapabilities.builder("kling-v3").durationsSeconds(3, 4, 5, ..., 15).tier(QualityTier.HIGH).build();
 * }</pre>
 *
 * @param id                     the model id, as sent to the provider
 * @param tier                   the model's quality tier, or null when the provider does not rank it
 * @param durationsSeconds       allowed clip lengths in whole seconds (empty: the provider's)
 * @param aspectRatios           allowed aspect ratios (empty: the provider's)
 * @param resolutions            allowed resolutions (empty: the provider's)
 * @param defaultDurationSeconds clip length the provider uses when a request gives none, or null
 * @param defaultResolution      resolution used when a request gives none, or null
 * @param audioByDefault         true when the model adds audio unless told not to, false when it is silent
 *                               unless asked, null when not declared
 */
public record ModelCapabilities(String id, QualityTier tier, Set<Integer> durationsSeconds, Set<AspectRatio> aspectRatios,
                                Set<Resolution> resolutions, Integer defaultDurationSeconds, Resolution defaultResolution,
                                Boolean audioByDefault) {

    /** Validates and copies the sets, keeping their order. */
    public ModelCapabilities {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("model id must not be blank, but was \"" + id + "\"");
        }
        durationsSeconds = copy(durationsSeconds);
        aspectRatios = copy(aspectRatios);
        resolutions = copy(resolutions);
    }

    private static <T> Set<T> copy(Set<T> set) {
        return set == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /** A builder for model {@code id}; everything else defaults to "as the provider declares". */
    public static Builder builder(String id) {
        return new Builder(id);
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

        /** Builds the capabilities. */
        public ModelCapabilities build() {
            return new ModelCapabilities(id, tier, durations, ratios, resolutions, defaultDuration, defaultResolution, audio);
        }
    }
}
