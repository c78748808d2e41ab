package dev.videosdk.runway;

import java.util.List;

/**
 * Runway-specific request fields, passed with {@link dev.videosdk.VideoRequest.Builder#extra(String, Object)}.
 * Every other extra is sent to Runway as is (e.g. {@code proresProfile}, {@code referenceAudio}), so
 * new fields work without an SDK release. Fields the SDK fills from {@code VideoRequest} itself
 * ({@code model}, {@code promptText}, {@code promptImage}, {@code videoUri}, {@code promptVideo},
 * {@code duration}, {@code seed}, {@code negativePrompt}, {@code references}) are refused as extras.
 *
 * <pre>{@code
 * VideoRequest.image("Waves roll in", MediaInput.url("https://cdn.example.com/lighthouse.jpg"))
 *         .model("gen4_turbo")
 *         .extra(RunwayExtras.RATIO, "1584:672")
 *         .extra(RunwayExtras.CONTENT_MODERATION, Map.of("publicFigureThreshold", "low"))
 *         .build();
 * }</pre>
 * Source of the values: {@code shared/providers/runway.md} §2 (Runway's SDKs of 2026).
 */
public final class RunwayExtras {
    /**
     * {@code ratio}: an explicit Runway output size in pixels, {@code "W:H"} (e.g. {@code "1104:832"}),
     * or for {@code hailuo3} an aspect-ratio word ({@code "adaptive"}, {@code "16:9"}, ...). Wins over
     * {@code aspectRatio}/{@code resolution}; checked against the model's list where the SDK knows it.
     */
    public static final String RATIO = "ratio";

    /** {@code contentModeration}: a map {@code {"publicFigureThreshold": "auto" | "low"}} (Gen-4.x and Aleph models). */
    public static final String CONTENT_MODERATION = "contentModeration";
    /** The values of {@code contentModeration.publicFigureThreshold}. */
    public static final List<String> PUBLIC_FIGURE_THRESHOLDS = List.of("auto", "low");

    /**
     * {@code outputFormat}: the result's container and colour format; {@code mp4} (H.264) is the default.
     * Any other value is not one MP4 file: its asset gets MIME type {@code application/octet-stream}.
     */
    public static final String OUTPUT_FORMAT = "outputFormat";
    /** The documented {@code outputFormat} values. */
    public static final List<String> OUTPUT_FORMATS = List.of("mp4", "prores", "png_sequence", "hdr10", "hlg",
            "sdr_rec709_10bit", "hdr_pq_12bit_master", "hdr_prores", "hdr_png_sequence", "hdr_exr_sequence");

    /** {@code audio}: a boolean; Veo 3.1 and Seedance generate sound with it (it changes the price). */
    public static final String AUDIO = "audio";

    /** {@code keyframes}: aleph2 keyframes, a list of maps {@code {uri, seconds}} or {@code {uri, at}} (at most 5). */
    public static final String KEYFRAMES = "keyframes";

    /**
     * {@code targetAspectRatio}: aleph2 outpainting target; also filled from {@code aspectRatio} when the
     * request is video-to-video on aleph2.
     */
    public static final String TARGET_ASPECT_RATIO = "targetAspectRatio";

    /** {@code resolution}: a Runway resolution word where a model takes one ({@code hailuo3}: {@code 768P}, {@code 2K}). */
    public static final String RESOLUTION = "resolution";

    private RunwayExtras() {
    }
}
