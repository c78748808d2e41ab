package dev.videosdk.veo;

import java.util.Set;

/**
 * Veo model ids known to this module. Any other id is passed through as is (Google adds and
 * retires models often), with only the rules that hold for every Veo model checked.
 *
 * <pre>{@code
 * VideoRequest.text("A lighthouse in a storm").model(VeoModels.VEO_3_1_FAST).build();
 * }</pre>
 */
public final class VeoModels {
    /** Veo 3.1 on the Gemini API (default there): 720p/1080p/4k, 4/6/8 s, frames, references, extension. */
    public static final String VEO_3_1 = "veo-3.1-generate-preview";
    /** Veo 3.1 Fast on the Gemini API: the same features, faster and cheaper. */
    public static final String VEO_3_1_FAST = "veo-3.1-fast-generate-preview";
    /** Veo 3.1 Lite on the Gemini API: text and image to video only, no 4k. */
    public static final String VEO_3_1_LITE = "veo-3.1-lite-generate-preview";
    /** Veo 3.1 on Vertex AI (default there). */
    public static final String VEO_3_1_VERTEX = "veo-3.1-generate-001";
    /** Veo 3.1 Fast on Vertex AI. */
    public static final String VEO_3_1_FAST_VERTEX = "veo-3.1-fast-generate-001";
    /** Veo 3.0; deprecated by Google. */
    public static final String VEO_3_0 = "veo-3.0-generate-001";
    /** Veo 3.0 Fast; deprecated by Google. */
    public static final String VEO_3_0_FAST = "veo-3.0-fast-generate-001";
    /** Veo 2.0 (silent, 5/6/8 s, 720p); deprecated by Google. */
    public static final String VEO_2_0 = "veo-2.0-generate-001";

    private static final Set<String> DEPRECATED = Set.of(VEO_3_0, VEO_3_0_FAST, VEO_2_0);

    private VeoModels() {
    }

    /** True for a model Google marks deprecated; the SDK logs a warning once per model and client. */
    public static boolean isDeprecated(String model) {
        return DEPRECATED.contains(model);
    }
}
