package dev.videosdk.fal.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.fal.FalExtras;
import dev.videosdk.fal.PikaModels;
import dev.videosdk.spi.ProviderCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provider {@code pika}: Pika's endpoints on fal, each with its documented inputs checked before any
 * call (fal may bill a 422 that reached a runner). Source: fal's Pika pages, {@code fal.md} §6.
 */
final class PikaDialect implements FalDialect {
    /** What an endpoint takes. */
    enum Kind { TEXT, IMAGE, SCENES, FRAMES, EFFECTS }

    /**
     * One endpoint's rules; an empty set means the field is not accepted.
     *
     * @param kind        which images it takes
     * @param ratios      accepted aspect ratios
     * @param resolutions accepted resolutions
     * @param durations   accepted durations in seconds
     */
    record Rules(Kind kind, Set<AspectRatio> ratios, Set<Resolution> resolutions, Set<Integer> durations) {
    }

    static final List<AspectRatio> RATIOS = List.of(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16,
            AspectRatio.SQUARE_1_1, new AspectRatio(4, 5), new AspectRatio(5, 4), new AspectRatio(3, 2), new AspectRatio(2, 3));
    private static final Set<Resolution> HD = Set.of(Resolution.HD_720P, Resolution.FHD_1080P);
    private static final Set<Integer> FIVE_OR_TEN = Set.of(5, 10);
    static final int MAX_SCENE_IMAGES = 5;

    static final Map<String, Rules> MODELS = models();

    static final ProviderCapabilities CAPABILITIES = FalRequests.capabilities()
            .models(false, MODELS.keySet().toArray(String[]::new))
            .durationsSeconds(5, 10)
            .aspectRatios(RATIOS.toArray(AspectRatio[]::new))
            .resolutions(Resolution.SD_480P, Resolution.HD_720P, Resolution.FHD_1080P)
            .maxImages(MAX_SCENE_IMAGES)
            .lastFrame(false)
            .maxReferenceImages(MAX_SCENE_IMAGES)
            .referenceVideo(false)
            .build();

    private static Map<String, Rules> models() {
        Set<AspectRatio> ratios = Set.copyOf(RATIOS);
        Map<String, Rules> m = new LinkedHashMap<>();
        m.put(PikaModels.TEXT_TO_VIDEO, new Rules(Kind.TEXT, ratios, HD, FIVE_OR_TEN));
        m.put(PikaModels.IMAGE_TO_VIDEO, new Rules(Kind.IMAGE, Set.of(), HD, FIVE_OR_TEN));
        m.put(PikaModels.SCENES, new Rules(Kind.SCENES, ratios, HD, FIVE_OR_TEN));
        m.put(PikaModels.FRAMES, new Rules(Kind.FRAMES, Set.of(), HD, Set.of()));
        m.put(PikaModels.TEXT_TO_VIDEO_2_5, new Rules(Kind.TEXT, Set.of(),
                Set.of(Resolution.SD_480P, Resolution.HD_720P, Resolution.FHD_1080P), FIVE_OR_TEN));
        m.put(PikaModels.TEXT_TO_VIDEO_2_1, new Rules(Kind.TEXT, ratios, HD, FIVE_OR_TEN));
        m.put(PikaModels.IMAGE_TO_VIDEO_2_1, new Rules(Kind.IMAGE, Set.of(), HD, FIVE_OR_TEN));
        m.put(PikaModels.PIKAFFECTS, new Rules(Kind.EFFECTS, Set.of(), Set.of(), Set.of()));
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String model(VideoRequest r) {
        if (r.model() != null) {
            return r.model();
        }
        if (!r.images().isEmpty()) {
            return PikaModels.IMAGE_TO_VIDEO;
        }
        return r.referenceImages().isEmpty() ? PikaModels.TEXT_TO_VIDEO : PikaModels.SCENES;
    }

    @Override
    public void validate(VideoRequest r) {
        String model = model(r);
        Rules rules = MODELS.get(model);
        if (rules == null) {
            throw InvalidRequestException.notAllowed(FalProvider.PIKA, "model", model, MODELS.keySet());
        }
        checkImages(model, rules.kind(), r);
        check(model, "aspectRatio", r.aspectRatio(), rules.ratios());
        check(model, "resolution", r.resolution(), rules.resolutions());
        check(model, "duration", r.durationSeconds().orElse(null), rules.durations());
        Object effect = r.extras().get(FalExtras.PIKAFFECT);
        if (rules.kind() == Kind.EFFECTS && !FalExtras.PIKAFFECTS.contains(String.valueOf(effect))) {
            throw InvalidRequestException.notAllowed(FalProvider.PIKA, FalExtras.PIKAFFECT, effect, FalExtras.PIKAFFECTS);
        }
        if (rules.kind() != Kind.EFFECTS && effect != null) {
            throw InvalidRequestException.local(FalProvider.PIKA, FalExtras.PIKAFFECT, "pika model " + model
                    + " takes no pikaffect; use " + PikaModels.PIKAFFECTS);
        }
    }

    private static void checkImages(String model, Kind kind, VideoRequest r) {
        int images = r.images().size();
        int references = r.referenceImages().size();
        String where = "pika model " + model;
        switch (kind) {
            case TEXT -> {
                if (images + references > 0) {
                    throw InvalidRequestException.local(FalProvider.PIKA, "images", where + " is text-to-video and takes no"
                            + " image; use " + PikaModels.IMAGE_TO_VIDEO + " (one image) or " + PikaModels.SCENES);
                }
            }
            case IMAGE, EFFECTS -> {
                if (images != 1 || references > 0) {
                    throw InvalidRequestException.local(FalProvider.PIKA, "images", where + " takes exactly one image"
                            + " (images), but " + images + " image(s) and " + references + " reference image(s) were given");
                }
            }
            case SCENES -> {
                int all = images + references;
                if (all < 1 || all > MAX_SCENE_IMAGES) {
                    throw InvalidRequestException.local(FalProvider.PIKA, "referenceImages", where + " takes 1 to "
                            + MAX_SCENE_IMAGES + " ingredient images, but " + all + " were given");
                }
            }
            case FRAMES -> {
                if (images < 2 || images > MAX_SCENE_IMAGES || references > 0) {
                    throw InvalidRequestException.local(FalProvider.PIKA, "images", where + " takes 2 to "
                            + MAX_SCENE_IMAGES + " keyframes (images), but " + images + " were given");
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static <T> void check(String model, String parameter, T value, Set<T> allowed) {
        if (value == null) {
            return;
        }
        if (allowed.isEmpty()) {
            throw InvalidRequestException.local(FalProvider.PIKA, parameter, "pika model " + model + " takes no "
                    + parameter + ", but it was " + value);
        }
        if (!allowed.contains(value)) {
            List<String> sorted = allowed.stream().map(String::valueOf).sorted().toList();
            throw InvalidRequestException.notAllowed(FalProvider.PIKA, parameter, value, sorted);
        }
    }

    @Override
    public Map<String, Object> input(VideoRequest r, String model) {
        Rules rules = MODELS.get(model);
        Map<String, Object> input = FalRequests.common(r);
        switch (rules.kind()) {
            case IMAGE, EFFECTS -> input.put("image_url", FalRequests.media(r.images().get(0)));
            case SCENES, FRAMES -> {
                List<MediaInput> all = new ArrayList<>(r.images());
                all.addAll(r.referenceImages());
                input.put("image_urls", all.stream().map(FalRequests::media).toList());
            }
            default -> {
            }
        }
        if (r.aspectRatio() != null) {
            input.put("aspect_ratio", r.aspectRatio().toString());
        }
        if (r.resolution() != null) {
            input.put("resolution", FalRequests.resolution(r.resolution()));
        }
        r.durationSeconds().ifPresent(s -> input.put("duration", s));
        return input;
    }
}
