package dev.videosdk.fal.internal;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import java.util.Map;

/**
 * Provider {@code fal}: any fal video model by id. The model is required; the request's fields go
 * where most fal video models take them ({@code image_url}, {@code image_urls}, {@code video_url},
 * {@code duration} as whole seconds, {@code aspect_ratio}, {@code resolution}); a model that names a
 * field otherwise takes it as an extra. Nothing model-specific is checked: each model's schema decides.
 */
final class GenericFalDialect implements FalDialect {
    static final ProviderCapabilities CAPABILITIES = FalRequests.capabilities()
            .models(true)
            .maxImages(1)
            .lastFrame(false)
            .maxReferenceImages(8)
            .referenceVideo(true)
            .build();

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void validate(VideoRequest r) {
        if (r.model() == null) {
            throw InvalidRequestException.local(FalProvider.FAL, "model", "fal needs the model id, e.g."
                    + " .model(\"fal-ai/kling-video/v2.1/master/text-to-video\"); see https://fal.ai/models");
        }
        FalRequests.checkModelId(FalProvider.FAL, r.model());
        FalRequests.checkInlineSize(FalProvider.FAL, "referenceVideo", r.referenceVideo());
    }

    @Override
    public String model(VideoRequest r) {
        return r.model();
    }

    @Override
    public Map<String, Object> input(VideoRequest r, String model) {
        Map<String, Object> input = FalRequests.common(r);
        if (!r.images().isEmpty()) {
            input.put("image_url", FalRequests.media(r.images().get(0)));
        }
        if (!r.referenceImages().isEmpty()) {
            input.put("image_urls", r.referenceImages().stream().map(FalRequests::media).toList());
        }
        if (r.referenceVideo() != null) {
            input.put("video_url", FalRequests.media(r.referenceVideo()));
        }
        r.durationSeconds().ifPresent(s -> input.put("duration", s));
        if (r.aspectRatio() != null) {
            input.put("aspect_ratio", r.aspectRatio().toString());
        }
        if (r.resolution() != null) {
            input.put("resolution", FalRequests.resolution(r.resolution()));
        }
        return input;
    }
}
