package dev.videosdk.veo.internal;

import dev.videosdk.Resolution;
import java.util.Set;

/** What a Veo model generation accepts, as documented; {@link #OTHER} checks nothing model-specific. */
enum ModelFamily {
    VEO_3_1(Set.of(4, 6, 8), Set.of(Resolution.HD_720P, Resolution.FHD_1080P, Resolution.UHD_4K), true, true, true),
    VEO_3_1_LITE(Set.of(4, 6, 8), Set.of(Resolution.HD_720P, Resolution.FHD_1080P), true, false, false),
    VEO_3_0(Set.of(4, 6, 8), Set.of(Resolution.HD_720P, Resolution.FHD_1080P), false, false, false),
    VEO_2_0(Set.of(5, 6, 8), Set.of(Resolution.HD_720P), false, false, false),
    OTHER(Set.of(), Set.of(), true, true, true);

    final Set<Integer> durations;
    final Set<Resolution> resolutions;
    final boolean lastFrame;
    final boolean referenceImages;
    final boolean extension;

    ModelFamily(Set<Integer> durations, Set<Resolution> resolutions, boolean lastFrame, boolean referenceImages,
                boolean extension) {
        this.durations = durations;
        this.resolutions = resolutions;
        this.lastFrame = lastFrame;
        this.referenceImages = referenceImages;
        this.extension = extension;
    }

    /** The family of a model id, by its documented prefix. */
    static ModelFamily of(String model) {
        if (model.startsWith("veo-3.1-lite")) return VEO_3_1_LITE;
        if (model.startsWith("veo-3.1")) return VEO_3_1;
        if (model.startsWith("veo-3.0")) return VEO_3_0;
        if (model.startsWith("veo-2.0")) return VEO_2_0;
        return OTHER;
    }

    /** Most videos per request on the Gemini API (Vertex AI allows 4 for every model). */
    int maxVideosOnGemini() {
        return this == VEO_2_0 ? 2 : 1;
    }
}
