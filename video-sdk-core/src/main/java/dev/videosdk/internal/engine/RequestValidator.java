package dev.videosdk.internal.engine;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against a provider's capabilities before any network call. Every message names
 * the provider, the parameter, the value and what is allowed.
 */
final class RequestValidator {
    private RequestValidator() {
    }

    static void validate(String provider, ProviderCapabilities providerCaps, VideoRequest r) {
        // per-model limits: the named model's (else the default model's); with the model left open for
        // the client to choose, the duration/ratio/resolution checks are the chooser's (any model may fit)
        boolean choosing = r.asksForModelChoice();
        ProviderCapabilities caps = choosing ? providerCaps : providerCaps.forModel(r.model());
        java.util.Optional<dev.videosdk.spi.ModelCapabilities> model = choosing ? java.util.Optional.empty()
                : providerCaps.model(providerCaps.modelOrDefault(r.model()));
        if (caps.maxPromptLength() > 0 && r.prompt().length() > caps.maxPromptLength()) {
            throw InvalidRequestException.local(provider, "prompt", provider + " allows a prompt of at most "
                    + caps.maxPromptLength() + " characters, but it was " + r.prompt().length());
        }
        if (r.negativePrompt() != null) {
            if (!caps.negativePrompt()) {
                throw InvalidRequestException.local(provider, "negativePrompt", provider + " does not support a negative prompt");
            }
            if (caps.maxPromptLength() > 0 && r.negativePrompt().length() > caps.maxPromptLength()) {
                throw InvalidRequestException.local(provider, "negativePrompt", provider + " allows a negative prompt of at most "
                        + caps.maxPromptLength() + " characters, but it was " + r.negativePrompt().length());
            }
        }
        if (r.model() != null && !caps.openModels() && !caps.models().contains(r.model())) {
            throw InvalidRequestException.notAllowed(provider, "model", r.model(), caps.models());
        }
        if (!choosing && r.duration() != null && !caps.durationsSeconds().isEmpty()) {
            long seconds = r.duration().toSeconds();
            boolean whole = r.duration().toNanosPart() == 0 && r.duration().toMillis() % 1000 == 0;
            if (!whole || !caps.durationsSeconds().contains((int) seconds)) {
                throw notAllowed(provider, model.filter(m -> !m.durationsSeconds().isEmpty()), "duration",
                        describe(r.duration()), seconds(caps));
            }
        }
        if (!choosing && r.aspectRatio() != null && !caps.aspectRatios().isEmpty()
                && !caps.aspectRatios().contains(r.aspectRatio())) {
            throw notAllowed(provider, model.filter(m -> !m.aspectRatios().isEmpty()), "aspectRatio", r.aspectRatio(),
                    caps.aspectRatios());
        }
        if (!choosing && r.resolution() != null && !caps.resolutions().isEmpty() && !caps.resolutions().contains(r.resolution())) {
            throw notAllowed(provider, model.filter(m -> !m.resolutions().isEmpty()), "resolution", r.resolution(),
                    caps.resolutions());
        }
        if (r.images().size() > caps.maxImages()) {
            throw InvalidRequestException.local(provider, "images", provider + " accepts at most " + caps.maxImages()
                    + " input image(s), but " + r.images().size() + " were given");
        }
        if (r.lastFrame() != null && !caps.lastFrame()) {
            throw InvalidRequestException.local(provider, "lastFrame", provider + " does not support an end frame (lastFrame)");
        }
        if (r.referenceImages().size() > caps.maxReferenceImages()) {
            throw InvalidRequestException.local(provider, "referenceImages", provider + " accepts at most "
                    + caps.maxReferenceImages() + " reference image(s), but " + r.referenceImages().size() + " were given");
        }
        if (r.referenceVideo() != null && !caps.referenceVideo()) {
            throw InvalidRequestException.local(provider, "referenceVideo", provider + " does not support a reference video");
        }
        List<MediaInput> all = new ArrayList<>(r.images());
        if (r.lastFrame() != null) all.add(r.lastFrame());
        all.addAll(r.referenceImages());
        for (MediaInput image : all) {
            checkImage(provider, caps, image);
        }
    }

    private static void checkImage(String provider, ProviderCapabilities caps, MediaInput image) {
        if (image instanceof MediaInput.Url url) {
            if (!caps.imageUrls()) {
                throw InvalidRequestException.local(provider, "images", provider
                        + " does not take images by URL; pass the image as bytes or a file instead of " + url.uri());
            }
            return;
        }
        if (!caps.imageBytes()) {
            throw InvalidRequestException.local(provider, "images", provider
                    + " takes images only by URL; upload the image somewhere public and pass MediaInput.url(...)");
        }
        if (image instanceof MediaInput.File file) {
            if (!Files.isRegularFile(file.path()) || !Files.isReadable(file.path())) {
                throw InvalidRequestException.local(provider, "images", "image file " + file.path() + " cannot be read");
            }
        }
        if (!caps.imageMimeTypes().isEmpty() && !caps.imageMimeTypes().contains(image.mimeType())) {
            throw InvalidRequestException.notAllowed(provider, "image type", image.mimeType(), caps.imageMimeTypes());
        }
        if (caps.maxImageBytes() > 0) {
            long size = sizeOf(image);
            if (size > caps.maxImageBytes()) {
                throw InvalidRequestException.local(provider, "images", provider + " accepts images of at most "
                        + caps.maxImageBytes() + " bytes, but one was " + size + " bytes");
            }
        }
    }

    private static long sizeOf(MediaInput image) {
        if (image instanceof MediaInput.Bytes b) {
            return b.size();
        }
        try {
            return Files.size(((MediaInput.File) image).path());
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * As {@link InvalidRequestException#notAllowed}, naming the model when its own limits applied:
     * {@code "<provider> does not support <parameter> <value> (model <id>); allowed: <allowed>"}.
     */
    private static InvalidRequestException notAllowed(String provider, java.util.Optional<dev.videosdk.spi.ModelCapabilities> model,
                                                      String parameter, Object value, Object allowed) {
        return model.map(m -> InvalidRequestException.local(provider, parameter, provider + " does not support " + parameter
                        + " " + value + " (model " + m.id() + "); allowed: " + allowed))
                .orElseGet(() -> InvalidRequestException.notAllowed(provider, parameter, value, allowed));
    }

    private static String describe(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static List<String> seconds(ProviderCapabilities caps) {
        return caps.durationsSeconds().stream().map(s -> s + "s").toList();
    }
}
