package dev.videosdk;

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
 * with {@link #text(String)}, {@link #image(String, MediaInput)} or {@link #builder()}.
 *
 * <pre>{@code
 * VideoRequest request = VideoRequest.text("A calico cat playing piano")
 *         .duration(Duration.ofSeconds(8))
 *         .aspectRatio(AspectRatio.LANDSCAPE_16_9)
 *         .build();
 * }</pre>
 *
 * <p>Unset optional fields are null and mean "the provider's default". The SDK checks every
 * field against the chosen provider's capabilities before any network call.
 *
 * @param prompt          what the video shows; never blank
 * @param negativePrompt  what it must not show, or null
 * @param images          input images; the first is the start frame for image-to-video
 * @param lastFrame       the end frame, or null
 * @param referenceImages style/subject reference images (not frames)
 * @param referenceVideo  a video to extend or take reference from, or null
 * @param duration        clip length, or null for the provider default
 * @param aspectRatio     frame ratio, or null for the provider default
 * @param resolution      output resolution, or null for the provider default
 * @param model           provider model id, or null for the provider default
 * @param seed            random seed, or null
 * @param provider        provider id to use instead of the client's default, or null
 * @param callbackUrl     where the provider should post completion callbacks, or null
 * @param extras          provider-specific fields, passed through as documented by each provider
 */
public record VideoRequest(
        String prompt,
        String negativePrompt,
        List<MediaInput> images,
        MediaInput lastFrame,
        List<MediaInput> referenceImages,
        MediaInput referenceVideo,
        Duration duration,
        AspectRatio aspectRatio,
        Resolution resolution,
        String model,
        Long seed,
        String provider,
        URI callbackUrl,
        Map<String, Object> extras) {

    /** Validates and copies. */
    public VideoRequest {
        if (prompt == null || prompt.isBlank()) {
            throw InvalidRequestException.local("sdk", "prompt", "prompt must not be blank, but was "
                    + (prompt == null ? "null" : "\"" + prompt + "\""));
        }
        images = List.copyOf(images == null ? List.of() : images);
        referenceImages = List.copyOf(referenceImages == null ? List.of() : referenceImages);
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw InvalidRequestException.local("sdk", "duration", "duration must be positive, but was " + duration);
        }
        if (lastFrame != null && images.isEmpty()) {
            throw InvalidRequestException.local("sdk", "lastFrame", "lastFrame must come with a first image, but images was empty");
        }
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

        /** Builds and validates the request. */
        public VideoRequest build() {
            return new VideoRequest(prompt, negativePrompt, images, lastFrame, referenceImages, referenceVideo,
                    duration, aspectRatio, resolution, model, seed, provider, callbackUrl, extras);
        }
    }
}
