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
 * An empty set means "any value".
 *
 * @param models             known model ids (for messages and validation)
 * @param defaultModel       the model used when a request names none
 * @param openModels         true when any model string is accepted (gateways); false restricts to {@code models}
 * @param durationsSeconds   allowed clip lengths in whole seconds
 * @param aspectRatios       allowed aspect ratios
 * @param resolutions        allowed resolutions
 * @param maxImages          most input images (0 = text only)
 * @param lastFrame          true when an end frame is accepted
 * @param maxReferenceImages most reference images
 * @param referenceVideo     true when a reference video is accepted
 * @param imageUrls          true when images may be URLs
 * @param imageBytes         true when images may be bytes or files
 * @param imageMimeTypes     accepted image MIME types
 * @param maxImageBytes      largest image in bytes (0 = no limit)
 * @param maxPromptLength    longest prompt in characters (0 = no limit)
 * @param negativePrompt     true when a negative prompt is accepted
 * @param remoteCancel       true when {@link VideoProvider#cancel} stops the job at the provider
 * @param streaming          true when the result arrives on one streaming response ({@link VideoProvider#stream})
 * @param idempotentCreate   true when the create call carries a key that makes retrying it safe
 * @param webhooks           true when {@link VideoProvider#parseWebhook} is supported
 * @param modelCapabilities  per-model limits, tiers and defaults, by model id (see {@link #forModel(String)})
 */
public record ProviderCapabilities(
        Set<String> models, String defaultModel, boolean openModels,
        Set<Integer> durationsSeconds, Set<AspectRatio> aspectRatios, Set<Resolution> resolutions,
        int maxImages, boolean lastFrame, int maxReferenceImages, boolean referenceVideo,
        boolean imageUrls, boolean imageBytes, Set<String> imageMimeTypes, long maxImageBytes,
        int maxPromptLength, boolean negativePrompt,
        boolean remoteCancel, boolean streaming, boolean idempotentCreate, boolean webhooks,
        Map<String, ModelCapabilities> modelCapabilities) {

    /** Copies the sets, keeping their order for messages. */
    public ProviderCapabilities {
        modelCapabilities = modelCapabilities == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelCapabilities));
        models = ordered(models);
        durationsSeconds = ordered(durationsSeconds);
        aspectRatios = ordered(aspectRatios);
        resolutions = ordered(resolutions);
        imageMimeTypes = ordered(imageMimeTypes);
    }

    /** The capabilities without per-model entries (the form before per-model capabilities existed). */
    public ProviderCapabilities(
            Set<String> models, String defaultModel, boolean openModels,
            Set<Integer> durationsSeconds, Set<AspectRatio> aspectRatios, Set<Resolution> resolutions,
            int maxImages, boolean lastFrame, int maxReferenceImages, boolean referenceVideo,
            boolean imageUrls, boolean imageBytes, Set<String> imageMimeTypes, long maxImageBytes,
            int maxPromptLength, boolean negativePrompt,
            boolean remoteCancel, boolean streaming, boolean idempotentCreate, boolean webhooks) {
        this(models, defaultModel, openModels, durationsSeconds, aspectRatios, resolutions, maxImages, lastFrame,
                maxReferenceImages, referenceVideo, imageUrls, imageBytes, imageMimeTypes, maxImageBytes, maxPromptLength,
                negativePrompt, remoteCancel, streaming, idempotentCreate, webhooks, Map.of());
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
        return new ProviderCapabilities(models, defaultModel, openModels,
                m.durationsSeconds().isEmpty() ? durationsSeconds : m.durationsSeconds(),
                m.aspectRatios().isEmpty() ? aspectRatios : m.aspectRatios(),
                m.resolutions().isEmpty() ? resolutions : m.resolutions(),
                maxImages, lastFrame, maxReferenceImages, referenceVideo, imageUrls, imageBytes, imageMimeTypes,
                maxImageBytes, maxPromptLength, negativePrompt, remoteCancel, streaming, idempotentCreate, webhooks,
                modelCapabilities);
    }

    private static <T> Set<T> ordered(Set<T> set) {
        return set == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
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
            return new ProviderCapabilities(models, defaultModel, openModels, durations, aspectRatios, resolutions,
                    maxImages, lastFrame, maxReferenceImages, referenceVideo, imageUrls, imageBytes,
                    imageMimeTypes, maxImageBytes, maxPromptLength, negativePrompt,
                    remoteCancel, streaming, idempotentCreate, webhooks, perModel);
        }
    }

    /** {@code model}, or the default model when null. */
    public String modelOrDefault(String model) {
        return model != null ? model : Objects.requireNonNullElse(defaultModel, "default");
    }
}
