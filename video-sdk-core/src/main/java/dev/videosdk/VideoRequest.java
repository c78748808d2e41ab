package dev.videosdk;

import dev.videosdk.internal.http.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: a prompt plus optional images, video and parameters. Immutable; build one
 * with {@link #text(String)}, {@link #image(String, MediaInput)} or {@link #builder()}, and change
 * one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * VideoRequest request = VideoRequest.text("A calico cat playing piano")
 *         .duration(Duration.ofSeconds(8))
 *         .aspectRatio(AspectRatio.LANDSCAPE_16_9)
 *         .build();
 * }</pre>
 *
 * <p>Unset optional fields are null and mean "the provider's default". The SDK checks every
 * field against the chosen provider's capabilities before any network call. New optional fields
 * arrive as builder methods with a default (ADR 0028), so code that builds requests keeps compiling.
 */
public final class VideoRequest {
    private final String prompt;
    private final String negativePrompt;
    private final List<MediaInput> images;
    private final MediaInput lastFrame;
    private final List<MediaInput> referenceImages;
    private final MediaInput referenceVideo;
    private final Duration duration;
    private final AspectRatio aspectRatio;
    private final Resolution resolution;
    private final String model;
    private final Long seed;
    private final String provider;
    private final URI callbackUrl;
    private final Map<String, Object> extras;
    private final QualityTier quality;
    private final boolean cheapest;
    private final Cost maxCost;

    /** Validates and copies; fails with an {@link InvalidRequestException} naming the parameter. */
    private VideoRequest(Builder b) {
        if (b.prompt == null || b.prompt.isBlank()) {
            throw InvalidRequestException.local("sdk", "prompt", "prompt must not be blank, but was "
                    + (b.prompt == null ? "null" : "\"" + b.prompt + "\""));
        }
        if (b.duration != null && (b.duration.isNegative() || b.duration.isZero())) {
            throw InvalidRequestException.local("sdk", "duration", "duration must be positive, but was " + b.duration);
        }
        if (b.lastFrame != null && b.images.isEmpty()) {
            throw InvalidRequestException.local("sdk", "lastFrame", "lastFrame must come with a first image, but images was empty");
        }
        prompt = b.prompt;
        negativePrompt = b.negativePrompt;
        images = List.copyOf(b.images);
        lastFrame = b.lastFrame;
        referenceImages = List.copyOf(b.referenceImages);
        referenceVideo = b.referenceVideo;
        duration = b.duration;
        aspectRatio = b.aspectRatio;
        resolution = b.resolution;
        model = b.model;
        seed = b.seed;
        provider = b.provider;
        callbackUrl = b.callbackUrl;
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
        quality = b.quality;
        cheapest = b.cheapest;
        maxCost = b.maxCost;
    }

    /** What the video shows; never blank. */
    public String prompt() {
        return prompt;
    }

    /** What the video must not show, or null. */
    public String negativePrompt() {
        return negativePrompt;
    }

    /** Input images, never null; the first is the start frame for image-to-video. */
    public List<MediaInput> images() {
        return images;
    }

    /** The end frame, or null. */
    public MediaInput lastFrame() {
        return lastFrame;
    }

    /** Style/subject reference images (not frames), never null. */
    public List<MediaInput> referenceImages() {
        return referenceImages;
    }

    /** A video to extend or take reference from, or null. */
    public MediaInput referenceVideo() {
        return referenceVideo;
    }

    /** Clip length, or null for the provider default. */
    public Duration duration() {
        return duration;
    }

    /** Frame ratio, or null for the provider default. */
    public AspectRatio aspectRatio() {
        return aspectRatio;
    }

    /** Output resolution, or null for the provider default. */
    public Resolution resolution() {
        return resolution;
    }

    /** Provider model id, or null for the provider default. */
    public String model() {
        return model;
    }

    /** Random seed, or null. */
    public Long seed() {
        return seed;
    }

    /** Provider id to use instead of the client's default, or null. */
    public String provider() {
        return provider;
    }

    /** Where the provider should post completion callbacks, or null. */
    public URI callbackUrl() {
        return callbackUrl;
    }

    /** Provider-specific fields (never null), passed through as documented by each provider module. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** With no model given: pick a model of this tier, or null. */
    public QualityTier quality() {
        return quality;
    }

    /** With no model given: pick the cheapest model (by the price table) that fits the request. */
    public boolean cheapest() {
        return cheapest;
    }

    /**
     * Refuse the request before any network call when its estimate is above this, or null for the
     * client's per-call limit.
     */
    public Cost maxCost() {
        return maxCost;
    }

    /** True when the model is left open and the client is asked to choose it (by tier or price). */
    public boolean asksForModelChoice() {
        return model == null && (quality != null || cheapest);
    }

    /** This request for another model. */
    public VideoRequest withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A builder for a text-to-video request. */
    public static Builder text(String prompt) {
        return new Builder().prompt(prompt);
    }

    /** A builder for an image-to-video request starting from {@code image}. */
    public static Builder image(String prompt, MediaInput image) {
        return new Builder().prompt(prompt).image(image);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prompt = prompt;
        b.negativePrompt = negativePrompt;
        b.images.addAll(images);
        b.lastFrame = lastFrame;
        b.referenceImages.addAll(referenceImages);
        b.referenceVideo = referenceVideo;
        b.duration = duration;
        b.aspectRatio = aspectRatio;
        b.resolution = resolution;
        b.model = model;
        b.seed = seed;
        b.provider = provider;
        b.callbackUrl = callbackUrl;
        b.extras.putAll(extras);
        b.quality = quality;
        b.cheapest = cheapest;
        b.maxCost = maxCost;
        return b;
    }

    /** This request with another prompt (e.g. a refined one). */
    public VideoRequest withPrompt(String newPrompt) {
        return toBuilder().prompt(newPrompt).build();
    }

    /** This request sent to another provider. */
    public VideoRequest withProvider(String newProvider) {
        return toBuilder().provider(newProvider).build();
    }

    /** The clip length in whole seconds, if set. */
    public Optional<Integer> durationSeconds() {
        return Optional.ofNullable(duration).map(d -> (int) d.toSeconds());
    }

    /** An extra field as text, if set. */
    public Optional<String> extra(String name) {
        return Optional.ofNullable(extras.get(name)).map(String::valueOf);
    }

    /** True when any image, frame or reference is given. */
    public boolean hasImages() {
        return !images.isEmpty() || lastFrame != null || !referenceImages.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof VideoRequest r
                && prompt.equals(r.prompt) && Objects.equals(negativePrompt, r.negativePrompt)
                && images.equals(r.images) && Objects.equals(lastFrame, r.lastFrame)
                && referenceImages.equals(r.referenceImages) && Objects.equals(referenceVideo, r.referenceVideo)
                && Objects.equals(duration, r.duration) && Objects.equals(aspectRatio, r.aspectRatio)
                && resolution == r.resolution && Objects.equals(model, r.model) && Objects.equals(seed, r.seed)
                && Objects.equals(provider, r.provider) && Objects.equals(callbackUrl, r.callbackUrl)
                && extras.equals(r.extras) && quality == r.quality && cheapest == r.cheapest
                && Objects.equals(maxCost, r.maxCost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, negativePrompt, images, lastFrame, referenceImages, referenceVideo, duration,
                aspectRatio, resolution, model, seed, provider, callbackUrl, extras, quality, cheapest, maxCost);
    }

    /** The fields that are set; extras by name only, the callback URL with secret query parameters masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VideoRequest[prompt=").append(prompt);
        field(sb, "negativePrompt", negativePrompt);
        field(sb, "images", images.isEmpty() ? null : images);
        field(sb, "lastFrame", lastFrame);
        field(sb, "referenceImages", referenceImages.isEmpty() ? null : referenceImages);
        field(sb, "referenceVideo", referenceVideo);
        field(sb, "duration", duration);
        field(sb, "aspectRatio", aspectRatio);
        field(sb, "resolution", resolution);
        field(sb, "model", model);
        field(sb, "seed", seed);
        field(sb, "provider", provider);
        field(sb, "callbackUrl", callbackUrl == null ? null : Redaction.uri(callbackUrl));
        field(sb, "extras", extras.isEmpty() ? null : extras.keySet());
        field(sb, "quality", quality);
        field(sb, "cheapest", cheapest ? Boolean.TRUE : null);
        field(sb, "maxCost", maxCost);
        return sb.append(']').toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(", ").append(name).append('=').append(value);
        }
    }

    /** Builds a {@link VideoRequest}; every setter is optional except {@link #prompt(String)}. */
    public static final class Builder {
        private String prompt;
        private String negativePrompt;
        private final List<MediaInput> images = new ArrayList<>();
        private MediaInput lastFrame;
        private final List<MediaInput> referenceImages = new ArrayList<>();
        private MediaInput referenceVideo;
        private Duration duration;
        private AspectRatio aspectRatio;
        private Resolution resolution;
        private String model;
        private Long seed;
        private String provider;
        private URI callbackUrl;
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private QualityTier quality;
        private boolean cheapest;
        private Cost maxCost;

        private Builder() {
        }

        /** What the video shows. Required, not blank. */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** What the video must not show. */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** Adds an input image; the first one is the start frame. */
        public Builder image(MediaInput image) {
            images.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** The end frame; needs a first image. */
        public Builder lastFrame(MediaInput lastFrame) {
            this.lastFrame = lastFrame;
            return this;
        }

        /** Adds a reference image (style or subject, not a frame). */
        public Builder referenceImage(MediaInput image) {
            referenceImages.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** A reference video, e.g. one to extend. */
        public Builder referenceVideo(MediaInput video) {
            this.referenceVideo = video;
            return this;
        }

        /** Clip length; default: the provider's. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** Clip length in seconds; default: the provider's. */
        public Builder durationSeconds(int seconds) {
            return duration(Duration.ofSeconds(seconds));
        }

        /** Frame ratio; default: the provider's. */
        public Builder aspectRatio(AspectRatio aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Output resolution; default: the provider's. */
        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        /** Provider model id; default: the provider's default model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Provider id for this request; default: the client's default provider. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Where the provider should post its completion callback. */
        public Builder callbackUrl(URI callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /** A provider-specific field, documented by each provider module. */
        public Builder extra(String name, Object value) {
            extras.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * With no {@link #model(String)}: let the client pick a model of this tier from the provider's
         * models that fit the request (the cheapest such when {@link #cheapest()} is also set, else the
         * provider's first). Default: none (the provider's default model).
         */
        public Builder quality(QualityTier tier) {
            this.quality = tier;
            return this;
        }

        /**
         * With no {@link #model(String)}: let the client pick the cheapest of the provider's models
         * that fit the request (duration, ratio, resolution), by the client's price table; models with
         * an unknown price come last. Default: off.
         */
        public Builder cheapest() {
            this.cheapest = true;
            return this;
        }

        /**
         * The most this call may cost: the client refuses it with a {@link BudgetExceededException}
         * before any network call when the estimate is higher (or unknown, unless the client allows
         * unknown costs). Default: the client's {@link VideoClient.Builder#maxCostPerCall(Cost)}.
         */
        public Builder maxCost(Cost limit) {
            this.maxCost = limit;
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @throws InvalidRequestException for a blank prompt, a duration that is not positive, or an
         *                                 end frame without a first image ({@code parameter()} names the field)
         */
        public VideoRequest build() {
            return new VideoRequest(this);
        }
    }
}
