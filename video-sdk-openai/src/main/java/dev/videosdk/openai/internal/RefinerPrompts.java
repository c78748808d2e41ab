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

    /** System message of the description step when frames of a reference video are given (ADR 0026). */
    public static final String DESCRIBE_REFERENCES = "You describe references for a video director. For each reference "
            + "image, state factually the subject, its shape, materials, colours and textures, the lighting, the camera "
            + "angle and the background. For the reference video, given as frames in time order, describe its motion "
            + "(what moves and how), its camera movement (static, pan, tilt, dolly, orbit, handheld, zoom) and its pacing "
            + "(slow or fast, cuts or one continuous shot). Do not guess brands or identities. Answer in at most 200 "
            + "words of plain text.";

    /** Added to the rewrite step's system message when a reference video was described. */
    public static final String USE_REFERENCE_VIDEO = "A reference video was described: take its motion, camera movement "
            + "and pacing for the new shot, and end the prompt with one sentence that begins \"From the reference "
            + "video:\" and states what you took from it.";

    private static final String BASE = "You rewrite a user's idea into one prompt for an AI video generator. "
            + "Describe a single continuous shot: subject, action, setting, camera movement, lens, lighting, mood and "
            + "pacing, in concrete visual words. Keep every fact the user gave; invent no text overlays, logos or real "
            + "people. Answer with the prompt only, in one paragraph of at most 120 words, without quotes or headings.";

    private static final Map<PromptUseCase, String> PRESETS = new EnumMap<>(Map.of(
            PromptUseCase.PRODUCT_VIDEO, "Use case: a product video for a shop or an advert. Keep the product the hero, "
                    + "true to its shape and colour, on a clean set; slow orbit or push-in; soft studio light; show how it is used.",
            PromptUseCase.HERO_SHOT, "Use case: the opening hero shot of a web page. A wide, striking, calm composition "
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

    /** The system message of the rewrite step, with the reference-video rule when frames were described. */
    public static String rewrite(PromptUseCase useCase, String extraInstructions, boolean referenceVideo) {
        String prompt = rewrite(useCase, extraInstructions);
        return referenceVideo ? prompt + "\n\n" + USE_REFERENCE_VIDEO : prompt;
    }

    /** The user message of the rewrite step when a reference video was described with the images. */
    public static String ideaWithReferences(String prompt, String description) {
        return "Idea: " + prompt + "\n\nThe references (images and reference video) show: " + description;
    }

    /** The text part that comes before the frames of a reference video. */
    public static String framesLabel(int frames) {
        return "The next " + (frames == 1 ? "image is a frame" : frames + " images are frames")
                + " of the reference video, in time order. Describe its motion, camera movement and pacing.";
    }

    /** The text part of the description step with frames of a reference video. */
    public static String describeRequestWithVideo(int images, String prompt) {
        String what = images == 0 ? "the reference video"
                : "the " + (images == 1 ? "reference image" : images + " reference images") + " and the reference video";
        return "Describe " + what + " for a video about: " + prompt;
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
