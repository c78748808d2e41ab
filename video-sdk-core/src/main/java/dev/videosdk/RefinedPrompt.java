package dev.videosdk;

import java.util.Objects;

/**
 * A refiner's answer: the original prompt, the rewritten one, and the description of the
 * reference images it wrote first (null without images).
 *
 * @param original         the user's prompt
 * @param refined          the prompt to send
 * @param imageDescription what the refiner saw in the reference images, or null
 */
public record RefinedPrompt(String original, String refined, String imageDescription) {
    /** Validates. */
    public RefinedPrompt {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(refined, "refined");
        if (refined.isBlank()) {
            throw new IllegalArgumentException("refined prompt must not be blank, but was \"" + refined + "\"");
        }
    }

    /** A "refinement" that keeps the prompt as it is. */
    public static RefinedPrompt unchanged(String prompt) {
        return new RefinedPrompt(prompt, prompt, null);
    }
}
