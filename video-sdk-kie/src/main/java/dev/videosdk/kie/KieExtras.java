package dev.videosdk.kie;

/**
 * Kie.ai-specific request fields, passed with {@link dev.videosdk.VideoRequest.Builder#extra(String, Object)},
 * and the model ids that choose a Kie endpoint family.
 *
 * <pre>{@code
 * VideoRequest.text("A paper boat in the rain")
 *         .model(KieExtras.VEO3_FAST)
 *         .resolution(Resolution.FHD_1080P)          // Veo: also fetch the 1080p file, waiting until it is ready
 *         .extra(KieExtras.WATERMARK, "MyBrand")
 *         .build();
 * VideoRequest.text("Espresso pouring, slow motion")
 *         .model("kling-2.6/text-to-video")           // any other model goes to Kie's market jobs API
 *         .extra(KieExtras.INPUT_PREFIX + "sound", false)
 *         .build();
 * }</pre>
 */
public final class KieExtras {
    /** Veo 3.1 Fast on {@code /api/v1/veo/generate}; the default model. */
    public static final String VEO3_FAST = "veo3_fast";
    /** Veo 3.1 Quality on {@code /api/v1/veo/generate}. */
    public static final String VEO3 = "veo3";
    /** Runway on {@code /api/v1/runway/generate} (Kie's Runway API has no model field; this id selects it). */
    public static final String RUNWAY = "runway";

    /** Veo and Runway: watermark text (String); Veo omits it by default, Runway sends {@code ""} (none). */
    public static final String WATERMARK = "watermark";
    /** Veo: auto-translate the prompt to English (Boolean); not sent unless set (Kie's documented default is true). */
    public static final String ENABLE_TRANSLATION = "enableTranslation";
    /** Veo: {@code true} sends {@code aspect_ratio: "Auto"} (crop to the ratio closest to the input image). */
    public static final String AUTO_ASPECT_RATIO = "autoAspectRatio";
    /**
     * Market models: an extra named {@code INPUT_PREFIX + "field"} is copied into the request's {@code input}
     * object as {@code field}, e.g. {@code extra("input.sound", false)} for Kling 2.6.
     */
    public static final String INPUT_PREFIX = "input.";

    private KieExtras() {
    }
}
