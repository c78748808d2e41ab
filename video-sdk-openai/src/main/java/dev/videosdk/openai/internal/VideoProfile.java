package dev.videosdk.openai.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.Resolution;
import dev.videosdk.openai.OpenAiModels;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which clip lengths, ratios, resolutions and sizes the {@code openai} provider accepts.
 * {@link #OPENAI} follows the enums of OpenAI's OpenAPI file, so every body validates against it;
 * {@link #GATEWAY} widens them for compatible gateways that serve other models.
 */
public enum VideoProfile {
    /** OpenAI's own enums: 4, 8 or 12 s; 16:9 or 9:16; 720p, and 1024p sizes for {@code sora-2-pro}. */
    OPENAI(List.of(4, 8, 12), List.of(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9),
            List.of(Resolution.HD_720P, Resolution.FHD_1080P)),
    /** Any length; 16:9, 9:16, 1:1, 4:3, 3:4; 480p, 720p, 1080p; any {@code WxH} size. */
    GATEWAY(List.of(), List.of(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9, AspectRatio.SQUARE_1_1,
            AspectRatio.LANDSCAPE_4_3, AspectRatio.PORTRAIT_3_4),
            List.of(Resolution.SD_480P, Resolution.HD_720P, Resolution.FHD_1080P));

    /** Sizes in OpenAI's {@code VideoSize} enum. */
    static final List<String> OPENAI_SIZES = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    /** Sizes only {@code sora-2-pro} renders. */
    static final Set<String> PRO_SIZES = Set.of("1024x1792", "1792x1024");
    /** The size sent when the request names none (portrait 720p, as the original service did). */
    static final String DEFAULT_SIZE = "720x1280";
    private static final Pattern WXH = Pattern.compile("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");

    private final List<Integer> durations;
    private final List<AspectRatio> ratios;
    private final List<Resolution> resolutions;

    VideoProfile(List<Integer> durations, List<AspectRatio> ratios, List<Resolution> resolutions) {
        this.durations = durations;
        this.ratios = ratios;
        this.resolutions = resolutions;
    }

    /** Allowed lengths in seconds; empty means any. */
    public List<Integer> durations() {
        return durations;
    }

    /** Allowed aspect ratios. */
    public List<AspectRatio> aspectRatios() {
        return ratios;
    }

    /** Allowed resolutions. */
    public List<Resolution> resolutions() {
        return resolutions;
    }

    /**
     * The {@code size} for a ratio and resolution (either may be null: portrait, 720p). In the
     * OpenAI profile 1080p means OpenAI's largest class, 1024x1792 / 1792x1024 ({@code sora-2-pro}).
     */
    public String size(AspectRatio ratio, Resolution resolution) {
        AspectRatio r = ratio == null ? AspectRatio.PORTRAIT_9_16 : ratio;
        Resolution res = resolution == null ? Resolution.HD_720P : resolution;
        if (this == OPENAI) {
            boolean large = res == Resolution.FHD_1080P;
            if (r.isLandscape()) {
                return large ? "1792x1024" : "1280x720";
            }
            return large ? "1024x1792" : "720x1280";
        }
        int shortSide = res.lines();
        int longSide = 2 * (int) Math.round(shortSide * (double) Math.max(r.width(), r.height())
                / Math.min(r.width(), r.height()) / 2.0);
        return r.isLandscape() ? longSide + "x" + shortSide : shortSide + "x" + longSide;
    }

    /** Why {@code size} is not accepted for {@code model}, or null when it is. */
    public String rejectSize(String size, String model) {
        if (this == GATEWAY) {
            return WXH.matcher(size).matches() ? null : "size must be WIDTHxHEIGHT like 1280x720, but was " + size;
        }
        if (!OPENAI_SIZES.contains(size)) {
            return "openai does not support size " + size + "; allowed: " + OPENAI_SIZES
                    + " (set OPENAI_VIDEO_PROFILE=gateway for a gateway that offers more)";
        }
        if (PRO_SIZES.contains(size) && OpenAiModels.isSora(model) && !OpenAiModels.isPro(model)) {
            return "size " + size + " is offered only by " + OpenAiModels.SORA_2_PRO + ", not by " + model
                    + "; allowed for " + model + ": [720x1280, 1280x720]";
        }
        return null;
    }
}
