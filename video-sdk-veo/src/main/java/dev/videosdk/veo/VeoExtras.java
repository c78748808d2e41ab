package dev.videosdk.veo;

/**
 * Keys of {@link dev.videosdk.VideoRequest#extras()} that the Veo providers read. Any other key
 * is rejected before a request is sent, so a typo cannot be silently ignored.
 *
 * <pre>{@code
 * VideoRequest.text("A chef plating a dessert")
 *         .extra(VeoExtras.PERSON_GENERATION, "allow_all")
 *         .extra(VeoExtras.NUMBER_OF_VIDEOS, 1)
 *         .build();
 * }</pre>
 */
public final class VeoExtras {
    /** {@code allow_all}, {@code allow_adult} or {@code dont_allow}; unset by default (Google decides). */
    public static final String PERSON_GENERATION = "personGeneration";
    /** Number of videos (sent as {@code sampleCount}): 1 for Veo 3.x on the Gemini API, 1–2 for Veo 2, 1–4 on Vertex AI. */
    public static final String NUMBER_OF_VIDEOS = "numberOfVideos";
    /** {@code true}/{@code false}: let Google rewrite the prompt. */
    public static final String ENHANCE_PROMPT = "enhancePrompt";
    /** Vertex AI only: {@code true}/{@code false} for generated audio (always on for Veo 3 on the Gemini API). */
    public static final String GENERATE_AUDIO = "generateAudio";
    /** Vertex AI only: {@code gs://bucket/prefix} for the output, overriding the provider's setting. */
    public static final String STORAGE_URI = "storageUri";

    private VeoExtras() {
    }
}
