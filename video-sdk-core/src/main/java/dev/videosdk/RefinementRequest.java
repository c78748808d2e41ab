package dev.videosdk;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PromptRefiner} gets: the user's prompt, up to three reference images to describe
 * first, a use-case preset, free extra instructions, and frames sampled from a reference video.
 *
 * @param prompt               the user's prompt
 * @param referenceImages      0–3 images to describe before writing the prompt
 * @param useCase              the preset
 * @param extraInstructions    added to the refiner's instructions, or null
 * @param referenceVideoFrames 0–16 frames of a reference video, in time order, as images (from a
 *                             {@link FrameSampler}); empty when there is no reference video or no
 *                             sampler. A refiner describes their motion, camera and pacing.
 */
public record RefinementRequest(String prompt, List<MediaInput> referenceImages, PromptUseCase useCase,
                                String extraInstructions, List<MediaInput> referenceVideoFrames) {
    /** Most frames of a reference video a request carries. */
    public static final int MAX_VIDEO_FRAMES = 16;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for more than 3 images or more than 16 frames
     */
    public RefinementRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(useCase, "useCase");
        referenceImages = List.copyOf(referenceImages == null ? List.of() : referenceImages);
        if (referenceImages.size() > 3) {
            throw new IllegalArgumentException("referenceImages must be at most 3, but was " + referenceImages.size());
        }
        referenceVideoFrames = List.copyOf(referenceVideoFrames == null ? List.of() : referenceVideoFrames);
        if (referenceVideoFrames.size() > MAX_VIDEO_FRAMES) {
            throw new IllegalArgumentException("referenceVideoFrames must be at most " + MAX_VIDEO_FRAMES
                    + ", but was " + referenceVideoFrames.size());
        }
    }

    /** A request without reference-video frames. */
    public RefinementRequest(String prompt, List<MediaInput> referenceImages, PromptUseCase useCase,
                             String extraInstructions) {
        this(prompt, referenceImages, useCase, extraInstructions, List.of());
    }
}
