package dev.videosdk.runway.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.Resolution;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What each Runway model accepts on each endpoint, from {@code shared/providers/runway.md} §2 (Runway's
 * SDK unions of 2026). A model missing from the table is sent as asked, unchecked: Runway adds models
 * often, and model ids stay open strings.
 */
final class RunwayModels {

    /** The three video endpoints. */
    enum Endpoint {
        TEXT("text_to_video"), IMAGE("image_to_video"), VIDEO("video_to_video");

        final String path;

        Endpoint(String path) {
            this.path = path;
        }

        static Optional<Endpoint> ofPath(String path) {
            for (Endpoint e : values()) {
                if (e.path.equals(path)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** How the field holding the input video is named. */
    enum VideoField { VIDEO_URI, PROMPT_VIDEO }

    /**
     * The rules of one model on one endpoint.
     *
     * @param sizes            pixel {@code ratio} per resolution and aspect ratio; empty when unknown
     * @param aspectRatioWords true when {@code ratio} is an aspect-ratio word ({@code 16:9}), not a size (hailuo3)
     * @param ratioRequired    true when Runway requires {@code ratio} (the SDK then sends a default)
     * @param durations        allowed whole seconds; empty = not checked
     * @param defaultDuration  sent when the request has none and Runway requires one; null = omit
     * @param maxPrompt        longest {@code promptText} in UTF-16 units; 0 = not checked
     * @param lastFrame        true when a last frame is accepted
     * @param maxReferences    most reference images ({@code references[]})
     * @param negativePrompt   true when {@code negativePrompt} is accepted
     * @param resolutionWords  {@code resolution} field values by SDK resolution (happyhorse); empty = no such field
     * @param videoField       the input video field (video-to-video)
     * @param targetAspects    {@code targetAspectRatio} values (aleph2 outpainting); empty = none
     */
    record Rule(Map<Resolution, Map<AspectRatio, String>> sizes, boolean aspectRatioWords, boolean ratioRequired,
                List<Integer> durations, Integer defaultDuration, int maxPrompt, boolean lastFrame, int maxReferences,
                boolean negativePrompt, Map<Resolution, String> resolutionWords, VideoField videoField,
                List<String> targetAspects) {

        /** Every pixel size this model takes, in table order. */
        Set<String> ratios() {
            Set<String> all = new LinkedHashSet<>();
            sizes.values().forEach(m -> all.addAll(m.values()));
            return all;
        }

        /** The size for an aspect ratio at a resolution (null = 720p), if the table has it. */
        Optional<String> size(AspectRatio aspect, Resolution resolution) {
            Map<AspectRatio, String> row = sizes.get(resolution == null ? Resolution.HD_720P : resolution);
            return row == null ? Optional.empty() : Optional.ofNullable(row.get(aspect));
        }
    }

    static final String DEFAULT_TEXT_MODEL = "gen4.5";
    static final String DEFAULT_IMAGE_MODEL = "gen4.5";
    static final String DEFAULT_VIDEO_MODEL = "aleph2";
    static final int GEN_PROMPT = 1000;
    static final int SEEDANCE_PROMPT = 3500;
    static final int HAPPYHORSE_PROMPT = 2500;
    static final List<String> SEEDANCE = List.of("seedance2", "seedance2_fast", "seedance2_mini");
    static final List<String> RETIRED = List.of("gen3a_turbo");
    static final List<String> HAILUO_ASPECTS = List.of("adaptive", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16");
    static final List<String> ALEPH2_TARGETS = List.of("16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "21:9");

    private static final Map<Resolution, Map<AspectRatio, String>> GEN4_IMAGE_SIZES = Map.of(Resolution.HD_720P,
            ordered(AspectRatio.LANDSCAPE_16_9, "1280:720", AspectRatio.PORTRAIT_9_16, "720:1280",
                    AspectRatio.LANDSCAPE_4_3, "1104:832", AspectRatio.SQUARE_1_1, "960:960",
                    AspectRatio.PORTRAIT_3_4, "832:1104", AspectRatio.CINEMA_21_9, "1584:672"));
    private static final Map<Resolution, Map<AspectRatio, String>> WIDE_OR_TALL_720 = Map.of(Resolution.HD_720P,
            ordered(AspectRatio.LANDSCAPE_16_9, "1280:720", AspectRatio.PORTRAIT_9_16, "720:1280"));
    private static final Map<Resolution, Map<AspectRatio, String>> VEO_SIZES = orderedByResolution(
            Resolution.HD_720P, ordered(AspectRatio.LANDSCAPE_16_9, "1280:720", AspectRatio.PORTRAIT_9_16, "720:1280"),
            Resolution.FHD_1080P, ordered(AspectRatio.LANDSCAPE_16_9, "1920:1080", AspectRatio.PORTRAIT_9_16, "1080:1920"));
    private static final List<Integer> TWO_TO_TEN = range(2, 10);
    private static final List<Integer> THREE_TO_TEN = range(3, 10);
    private static final List<Integer> VEO31_DURATIONS = List.of(4, 6, 8);

    private static final Map<String, Rule> TEXT = new LinkedHashMap<>();
    private static final Map<String, Rule> IMAGE = new LinkedHashMap<>();
    private static final Map<String, Rule> VIDEO = new LinkedHashMap<>();

    static {
        TEXT.put("gen4.5", sized(WIDE_OR_TALL_720, TWO_TO_TEN, 5, false, false));
        TEXT.put("veo3.1", sized(VEO_SIZES, VEO31_DURATIONS, null, false, true));
        TEXT.put("veo3.1_fast", sized(VEO_SIZES, VEO31_DURATIONS, null, false, true));
        TEXT.put("veo3", sized(VEO_SIZES, List.of(8), 8, false, true));
        TEXT.put("gemini_omni_flash", sized(WIDE_OR_TALL_720, THREE_TO_TEN, null, false, false));
        TEXT.put("happyhorse_1_0", open(HAPPYHORSE_PROMPT, false, 0));
        TEXT.put("hailuo3", new Rule(Map.of(), true, false, List.of(), null, 0, false, 9, false, Map.of(),
                VideoField.VIDEO_URI, List.of()));
        SEEDANCE.forEach(m -> TEXT.put(m, open(SEEDANCE_PROMPT, false, 9)));

        IMAGE.put("gen4.5", sized(GEN4_IMAGE_SIZES, TWO_TO_TEN, 5, false, false));
        IMAGE.put("gen4_turbo", sized(GEN4_IMAGE_SIZES, TWO_TO_TEN, null, false, false));
        IMAGE.put("veo3.1", sized(VEO_SIZES, VEO31_DURATIONS, null, true, true));
        IMAGE.put("veo3.1_fast", sized(VEO_SIZES, VEO31_DURATIONS, null, true, true));
        IMAGE.put("veo3", sized(VEO_SIZES, List.of(8), 8, false, true));
        IMAGE.put("gemini_omni_flash", sized(WIDE_OR_TALL_720, THREE_TO_TEN, null, false, false));
        IMAGE.put("happyhorse_1_0", new Rule(Map.of(), false, false, List.of(), null, HAPPYHORSE_PROMPT, false, 0,
                false, orderedWords(Resolution.HD_720P, "720P", Resolution.FHD_1080P, "1080P"), VideoField.VIDEO_URI,
                List.of()));
        SEEDANCE.forEach(m -> IMAGE.put(m, open(SEEDANCE_PROMPT, true, 0)));

        VIDEO.put("aleph2", new Rule(Map.of(), false, false, List.of(), null, GEN_PROMPT, false, 0, false, Map.of(),
                VideoField.VIDEO_URI, ALEPH2_TARGETS));
        VIDEO.put("gen4_aleph", new Rule(Map.of(), false, false, List.of(), null, GEN_PROMPT, false, 1, false,
                Map.of(), VideoField.VIDEO_URI, List.of()));
        SEEDANCE.forEach(m -> VIDEO.put(m, new Rule(Map.of(), false, false, List.of(), null, SEEDANCE_PROMPT, false, 9,
                false, Map.of(), VideoField.PROMPT_VIDEO, List.of())));
    }

    private RunwayModels() {
    }

    /** The rule of {@code model} on {@code endpoint}, or empty when the SDK does not know the pair. */
    static Optional<Rule> rule(Endpoint endpoint, String model) {
        Map<String, Rule> table = switch (endpoint) {
            case TEXT -> TEXT;
            case IMAGE -> IMAGE;
            case VIDEO -> VIDEO;
        };
        return Optional.ofNullable(table.get(model));
    }

    /** The models the SDK knows on {@code endpoint}, for messages. */
    static Set<String> known(Endpoint endpoint) {
        return switch (endpoint) {
            case TEXT -> TEXT.keySet();
            case IMAGE -> IMAGE.keySet();
            case VIDEO -> VIDEO.keySet();
        };
    }

    /** Every model the SDK knows, on any endpoint, the default first. */
    static String[] all() {
        Set<String> all = new LinkedHashSet<>();
        all.add(DEFAULT_TEXT_MODEL);
        all.addAll(TEXT.keySet());
        all.addAll(IMAGE.keySet());
        all.addAll(VIDEO.keySet());
        return all.toArray(String[]::new);
    }

    /** The endpoint's default model. */
    static String defaultModel(Endpoint endpoint) {
        return switch (endpoint) {
            case TEXT -> DEFAULT_TEXT_MODEL;
            case IMAGE -> DEFAULT_IMAGE_MODEL;
            case VIDEO -> DEFAULT_VIDEO_MODEL;
        };
    }

    private static Rule sized(Map<Resolution, Map<AspectRatio, String>> sizes, List<Integer> durations,
                              Integer defaultDuration, boolean lastFrame, boolean negativePrompt) {
        return new Rule(sizes, false, true, durations, defaultDuration, GEN_PROMPT, lastFrame, 0, negativePrompt,
                Map.of(), VideoField.VIDEO_URI, List.of());
    }

    private static Rule open(int maxPrompt, boolean lastFrame, int maxReferences) {
        return new Rule(Map.of(), false, false, List.of(), null, maxPrompt, lastFrame, maxReferences, false, Map.of(),
                VideoField.VIDEO_URI, List.of());
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static <K, V> Map<K, V> ordered(Object... pairs) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            K key = (K) pairs[i];
            @SuppressWarnings("unchecked")
            V value = (V) pairs[i + 1];
            map.put(key, value);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Map<Resolution, Map<AspectRatio, String>> orderedByResolution(Object... pairs) {
        return ordered(pairs);
    }

    private static Map<Resolution, String> orderedWords(Object... pairs) {
        return ordered(pairs);
    }
}
