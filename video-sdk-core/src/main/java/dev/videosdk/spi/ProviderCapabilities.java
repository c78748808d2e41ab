package dev.videosdk.spi;

import dev.videosdk.AspectRatio;
import dev.videosdk.Resolution;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider accepts and can do. The core checks every request against it before any network
 * call and names the provider, parameter, value and allowed values when a request does not fit.
 * An empty set means "any value". Immutable; build with {@link #builder()}, change with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * ProviderCapabilities.builder()
 *         .models(false, "acme-2", "acme-1")                // closed list, the first is the default
 *         .durationsSeconds(5, 10).aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
 *         .remoteCancel(true)
 *         .build();
 * }</pre>
 */
public final class ProviderCapabilities {
    private final Set<String> models;
    private final String defaultModel;
    private final boolean openModels;
    private final Set<Integer> durationsSeconds;
    private final Set<AspectRatio> aspectRatios;
    private final Set<Resolution> resolutions;
    private final int maxImages;
    private final boolean lastFrame;
    private final int maxReferenceImages;
    private final boolean referenceVideo;
    private final boolean imageUrls;
    private final boolean imageBytes;
    private final Set<String> imageMimeTypes;
    private final long maxImageBytes;
    private final int maxPromptLength;
    private final boolean negativePrompt;
    private final boolean remoteCancel;
    private final boolean streaming;
    private final boolean idempotentCreate;
    private final boolean webhooks;
    private final Map<String, ModelCapabilities> modelCapabilities;

    /** Copies the sets and map, keeping their order for messages. */
    private ProviderCapabilities(Builder b) {
        models = ordered(b.models);
        defaultModel = b.defaultModel;
        openModels = b.openModels;
        durationsSeconds = ordered(b.durations);
        aspectRatios = ordered(b.aspectRatios);
        resolutions = ordered(b.resolutions);
        maxImages = b.maxImages;
        lastFrame = b.lastFrame;
        maxReferenceImages = b.maxReferenceImages;
        referenceVideo = b.referenceVideo;
        imageUrls = b.imageUrls;
        imageBytes = b.imageBytes;
        imageMimeTypes = ordered(b.imageMimeTypes);
        maxImageBytes = b.maxImageBytes;
        maxPromptLength = b.maxPromptLength;
        negativePrompt = b.negativePrompt;
        remoteCancel = b.remoteCancel;
        streaming = b.streaming;
        idempotentCreate = b.idempotentCreate;
        webhooks = b.webhooks;
        modelCapabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.perModel));
    }

    /** Known model ids (for messages and validation), in declaration order. */
    public Set<String> models() {
        return models;
    }

    /** The model used when a request names none, or null. */
    public String defaultModel() {
        return defaultModel;
    }

    /** True when any model string is accepted (gateways); false restricts to {@link #models()}. */
    public boolean openModels() {
        return openModels;
    }

    /** Allowed clip lengths in whole seconds (empty: any). */
    public Set<Integer> durationsSeconds() {
        return durationsSeconds;
    }

    /** Allowed aspect ratios (empty: any). */
    public Set<AspectRatio> aspectRatios() {
        return aspectRatios;
    }

    /** Allowed resolutions (empty: any). */
    public Set<Resolution> resolutions() {
        return resolutions;
    }

    /** Most input images (0 = text only). */
    public int maxImages() {
        return maxImages;
    }

    /** True when an end frame is accepted. */
    public boolean lastFrame() {
        return lastFrame;
    }

    /** Most reference images. */
    public int maxReferenceImages() {
        return maxReferenceImages;
    }

    /** True when a reference video is accepted. */
    public boolean referenceVideo() {
        return referenceVideo;
    }

    /** True when images may be URLs. */
    public boolean imageUrls() {
        return imageUrls;
    }

    /** True when images may be bytes or files. */
    public boolean imageBytes() {
        return imageBytes;
    }

    /** Accepted image MIME types (empty: any). */
    public Set<String> imageMimeTypes() {
        return imageMimeTypes;
    }

    /** Largest image in bytes (0 = no limit). */
    public long maxImageBytes() {
        return maxImageBytes;
    }

    /** Longest prompt in characters (0 = no limit). */
    public int maxPromptLength() {
        return maxPromptLength;
    }

    /** True when a negative prompt is accepted. */
    public boolean negativePrompt() {
        return negativePrompt;
    }

    /** True when {@link VideoProvider#cancel} stops the job at the provider. */
    public boolean remoteCancel() {
        return remoteCancel;
    }

    /** True when the result arrives on one streaming response ({@link VideoProvider#stream}). */
    public boolean streaming() {
        return streaming;
    }

    /** True when the create call carries a key that makes retrying it safe. */
    public boolean idempotentCreate() {
        return idempotentCreate;
    }

    /** True when {@link VideoProvider#parseWebhook} is supported. */
    public boolean webhooks() {
        return webhooks;
    }

    /** Per-model limits, tiers and defaults, by model id (see {@link #forModel(String)}). */
    public Map<String, ModelCapabilities> modelCapabilities() {
        return modelCapabilities;
    }

    /** The declared capabilities of one model, if the provider declares any. */
    public Optional<ModelCapabilities> model(String id) {
        return Optional.ofNullable(id == null ? null : modelCapabilities.get(id));
    }

    /**
     * The capabilities that apply to {@code model} (the default model when null): the provider's,
     * with the durations, aspect ratios and resolutions the model declares in their place.
     */
    public ProviderCapabilities forModel(String model) {
        ModelCapabilities m = modelCapabilities.get(modelOrDefault(model));
        if (m == null) {
            return this;
        }
        Builder b = toBuilder();
        replace(b.durations, m.durationsSeconds());
        replace(b.aspectRatios, m.aspectRatios());
        replace(b.resolutions, m.resolutions());
        return b.build();
    }

    private static <T> void replace(Set<T> target, Set<T> modelValues) {
        if (!modelValues.isEmpty()) {
            target.clear();
            target.addAll(modelValues);
        }
    }

    private static <T> Set<T> ordered(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /** A builder holding these capabilities. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.models.clear();
        b.models.addAll(models);
        b.defaultModel = defaultModel;
        b.openModels = openModels;
        b.durations.clear();
        b.durations.addAll(durationsSeconds);
        b.aspectRatios.clear();
        b.aspectRatios.addAll(aspectRatios);
        b.resolutions.clear();
        b.resolutions.addAll(resolutions);
        b.maxImages = maxImages;
        b.lastFrame = lastFrame;
        b.maxReferenceImages = maxReferenceImages;
        b.referenceVideo = referenceVideo;
        b.imageUrls = imageUrls;
        b.imageBytes = imageBytes;
        b.imageMimeTypes.clear();
        b.imageMimeTypes.addAll(imageMimeTypes);
        b.maxImageBytes = maxImageBytes;
        b.maxPromptLength = maxPromptLength;
        b.negativePrompt = negativePrompt;
        b.remoteCancel = remoteCancel;
        b.streaming = streaming;
        b.idempotentCreate = idempotentCreate;
        b.webhooks = webhooks;
        b.perModel.putAll(modelCapabilities);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ProviderCapabilities c
                && models.equals(c.models) && Objects.equals(defaultModel, c.defaultModel)
                && openModels == c.openModels && durationsSeconds.equals(c.durationsSeconds)
                && aspectRatios.equals(c.aspectRatios) && resolutions.equals(c.resolutions)
                && maxImages == c.maxImages && lastFrame == c.lastFrame && maxReferenceImages == c.maxReferenceImages
                && referenceVideo == c.referenceVideo && imageUrls == c.imageUrls && imageBytes == c.imageBytes
                && imageMimeTypes.equals(c.imageMimeTypes) && maxImageBytes == c.maxImageBytes
                && maxPromptLength == c.maxPromptLength && negativePrompt == c.negativePrompt
                && remoteCancel == c.remoteCancel && streaming == c.streaming
                && idempotentCreate == c.idempotentCreate && webhooks == c.webhooks
                && modelCapabilities.equals(c.modelCapabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(models, defaultModel, openModels, durationsSeconds, aspectRatios, resolutions, maxImages,
                lastFrame, maxReferenceImages, referenceVideo, imageUrls, imageBytes, imageMimeTypes, maxImageBytes,
                maxPromptLength, negativePrompt, remoteCancel, streaming, idempotentCreate, webhooks,
                modelCapabilities);
    }

    @Override
    public String toString() {
        return "ProviderCapabilities[models=" + models
                + ", defaultModel=" + defaultModel + ", openModels=" + openModels
                + ", durationsSeconds=" + durationsSeconds + ", aspectRatios=" + aspectRatios
                + ", resolutions=" + resolutions + ", maxImages=" + maxImages + ", lastFrame=" + lastFrame
                + ", maxReferenceImages=" + maxReferenceImages + ", referenceVideo=" + referenceVideo
                + ", imageUrls=" + imageUrls + ", imageBytes=" + imageBytes + ", imageMimeTypes=" + imageMimeTypes
                + ", maxImageBytes=" + maxImageBytes + ", maxPromptLength=" + maxPromptLength
                + ", negativePrompt=" + negativePrompt + ", remoteCancel=" + remoteCancel + ", streaming=" + streaming
                + ", idempotentCreate=" + idempotentCreate + ", webhooks=" + webhooks
                + ", modelCapabilities=" + modelCapabilities + "]";
    }

    /** A builder with permissive defaults: any model, duration, ratio and resolution; 1 image by URL or bytes. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProviderCapabilities}. */
    public static final class Builder {
        private final Set<String> models = new LinkedHashSet<>();
        private String defaultModel;
        private boolean openModels = true;
        private final Set<Integer> durations = new LinkedHashSet<>();
        private final Set<AspectRatio> aspectRatios = new LinkedHashSet<>();
        private final Set<Resolution> resolutions = new LinkedHashSet<>();
        private int maxImages = 1;
        private boolean lastFrame;
        private int maxReferenceImages;
        private boolean referenceVideo;
        private boolean imageUrls = true;
        private boolean imageBytes = true;
        private final Set<String> imageMimeTypes = new LinkedHashSet<>(List.of("image/jpeg", "image/png", "image/webp"));
        private long maxImageBytes;
        private int maxPromptLength;
        private boolean negativePrompt;
        private boolean remoteCancel;
        private boolean streaming;
        private boolean idempotentCreate;
        private boolean webhooks;
        private final Map<String, ModelCapabilities> perModel = new LinkedHashMap<>();

        private Builder() {
        }

        /** Known models, the first being the default; with {@code open} false only these are accepted. */
        public Builder models(boolean open, String... ids) {
            models.clear();
            models.addAll(List.of(ids));
            defaultModel = ids.length == 0 ? null : ids[0];
            openModels = open;
            return this;
        }

        /** The model used when a request names none (default: the first of {@link #models}). */
        public Builder defaultModel(String id) {
            defaultModel = id;
            return this;
        }

        /** Allowed clip lengths in seconds (default: any). */
        public Builder durationsSeconds(Integer... seconds) {
            durations.clear();
            durations.addAll(List.of(seconds));
            return this;
        }

        /** Allowed aspect ratios (default: any). */
        public Builder aspectRatios(AspectRatio... ratios) {
            aspectRatios.clear();
            aspectRatios.addAll(List.of(ratios));
            return this;
        }

        /** Allowed resolutions (default: any). */
        public Builder resolutions(Resolution... values) {
            resolutions.clear();
            resolutions.addAll(List.of(values));
            return this;
        }

        /** Most input images (default 1). */
        public Builder maxImages(int n) {
            maxImages = n;
            return this;
        }

        /** Whether an end frame is accepted (default false). */
        public Builder lastFrame(boolean accepted) {
            lastFrame = accepted;
            return this;
        }

        /** Most reference images (default 0). */
        public Builder maxReferenceImages(int n) {
            maxReferenceImages = n;
            return this;
        }

        /** Whether a reference video is accepted (default false). */
        public Builder referenceVideo(boolean accepted) {
            referenceVideo = accepted;
            return this;
        }

        /** Which image forms are accepted (default both). */
        public Builder imageInputs(boolean urls, boolean bytes) {
            imageUrls = urls;
            imageBytes = bytes;
            return this;
        }

        /** Accepted image MIME types (default JPEG, PNG, WebP). */
        public Builder imageMimeTypes(String... types) {
            imageMimeTypes.clear();
            imageMimeTypes.addAll(List.of(types));
            return this;
        }

        /** Largest image in bytes (default 0 = no limit). */
        public Builder maxImageBytes(long n) {
            maxImageBytes = n;
            return this;
        }

        /** Longest prompt in characters (default 0 = no limit). */
        public Builder maxPromptLength(int n) {
            maxPromptLength = n;
            return this;
        }

        /** Whether a negative prompt is accepted (default false). */
        public Builder negativePrompt(boolean accepted) {
            negativePrompt = accepted;
            return this;
        }

        /** Whether jobs can be cancelled at the provider (default false). */
        public Builder remoteCancel(boolean supported) {
            remoteCancel = supported;
            return this;
        }

        /** Whether results arrive on one streaming response (default false). */
        public Builder streaming(boolean streams) {
            streaming = streams;
            return this;
        }

        /** Whether the create call carries an idempotency key (default false). */
        public Builder idempotentCreate(boolean idempotent) {
            idempotentCreate = idempotent;
            return this;
        }

        /** Whether callbacks are supported (default false). */
        public Builder webhooks(boolean supported) {
            webhooks = supported;
            return this;
        }

        /**
         * Declares one model's limits, tier and defaults (see {@link ModelCapabilities}); later
         * declarations of the same id replace earlier ones. Default: none.
         */
        public Builder model(ModelCapabilities model) {
            perModel.put(model.id(), model);
            return this;
        }

        /** Builds the capabilities. */
        public ProviderCapabilities build() {
            return new ProviderCapabilities(this);
        }
    }

    /** {@code model}, or the default model when null. */
    public String modelOrDefault(String model) {
        return model != null ? model : Objects.requireNonNullElse(defaultModel, "default");
    }
}
