package dev.videosdk.openai.internal;

import dev.videosdk.PromptUseCase;
import java.util.EnumMap;
import java.util.Map;

/** The instructions the OpenAI prompt refiner sends: one for describing images, one per use-case preset. */
public final class RefinerPrompts {
    /** System message of the image-description step. */
    public static final String DESCRIBE_IMAGES = "You describe reference images for a video director. For each image, "
            + "state factually the subject, its shape, materials, colours and textures, the lighting, the camera angle "
            + "and the background. Do not guess brands or identities. Answer in at most 150 words of plain text.";

    private static final String BASE = "You rewrite a user's idea into one prompt for an AI video generator. "
            + "Describe a single continuous shot: subject, action, setting, camera movement, lens, lighting, mood and "
            + "pacing, in concrete visual words. Keep every fact the user gave; invent no text overlays, logos or real "
            + "people. Answer with the prompt only, in one paragraph of at most 120 words, without quotes or headings.";

    private static final Map<PromptUseCase, String> PRESETS = new EnumMap<>(Map.of(
            PromptUseCase.PRODUCT_VIDEO, "Use case: a product video for a shop or an advert. Keep the product the hero, "
                    + "true to its shape and colour, on a clean set; slow orbit or push-in; soft studio light; show how it is used.",
            PromptUseCase.HERO_IMAGE, "Use case: the opening hero shot of a web page. A wide, striking, calm composition "
                    + "with space for a headline; slow, steady camera; cinematic light; seamless motion that can loop.",
            PromptUseCase.GEMSTONE_CLOSE_UP, "Use case: a macro close-up of a gemstone or jewel. Razor-sharp facets, "
                    + "light travelling through the stone, sparkle and fire, a slow rotation or rack focus on a dark backdrop.",
            PromptUseCase.LUXURY_BRAND, "Use case: a restrained luxury brand film. Minimal, elegant set; rich materials; "
                    + "soft contrast light; unhurried camera; premium, quiet mood; no clutter.",
            PromptUseCase.GENERAL, "Use case: general. Make the scene vivid and coherent."));

    private RefinerPrompts() {
    }

    /** The system message of the rewrite step for a preset and optional extra instructions. */
    public static String rewrite(PromptUseCase useCase, String extraInstructions) {
        String prompt = BASE + "\n\n" + PRESETS.get(useCase);
        if (extraInstructions != null && !extraInstructions.isBlank()) {
            prompt += "\n\nAlso follow these instructions: " + extraInstructions.trim();
        }
        return prompt;
    }

    /** The user message of the rewrite step. */
    public static String idea(String prompt, String imageDescription) {
        return imageDescription == null ? "Idea: " + prompt
                : "Idea: " + prompt + "\n\nThe reference images show: " + imageDescription;
    }

    /** The text part of the image-description step. */
    public static String describeRequest(int images, String prompt) {
        return "Describe the " + (images == 1 ? "reference image" : images + " reference images")
                + " for a video about: " + prompt;
    }
}
