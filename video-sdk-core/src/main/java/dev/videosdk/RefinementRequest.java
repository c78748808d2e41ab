package dev.videosdk;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PromptRefiner} gets: the user's prompt, up to three reference images to describe
 * first, a use-case preset and free extra instructions.
 *
 * @param prompt            the user's prompt
 * @param referenceImages   0–3 images to describe before writing the prompt
 * @param useCase           the preset
 * @param extraInstructions added to the refiner's instructions, or null
 */
public record RefinementRequest(String prompt, List<MediaInput> referenceImages, PromptUseCase useCase,
                                String extraInstructions) {
    /** Validates. */
    public RefinementRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(useCase, "useCase");
        referenceImages = List.copyOf(referenceImages == null ? List.of() : referenceImages);
        if (referenceImages.size() > 3) {
            throw new IllegalArgumentException("referenceImages must be at most 3, but was " + referenceImages.size());
        }
    }
}
