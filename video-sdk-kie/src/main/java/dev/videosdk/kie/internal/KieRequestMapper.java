package dev.videosdk.kie.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.kie.KieExtras;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request against the rules of the Kie family that will serve it, and turns it into that
 * family's create body (see {@code shared/providers/kie.md} §4.1, §5, §6.1).
 */
final class KieRequestMapper {
    static final Set<String> VEO_MODELS = Set.of(KieExtras.VEO3_FAST, KieExtras.VEO3, "veo3_lite");
    static final int VEO_SECONDS = 8;
    static final int RUNWAY_DEFAULT_SECONDS = 5;
    static final int RUNWAY_MAX_PROMPT = 1800;
    private static final Set<AspectRatio> VEO_RATIOS = Set.of(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16);
    private static final Set<AspectRatio> RUNWAY_RATIOS = Set.of(AspectRatio.LANDSCAPE_16_9, AspectRatio.LANDSCAPE_4_3,
            AspectRatio.SQUARE_1_1, AspectRatio.PORTRAIT_3_4, AspectRatio.PORTRAIT_9_16);
    private static final Set<Integer> RUNWAY_SECONDS = Set.of(5, 8, 10);
    private static final Set<Resolution> HD_OR_SD = Set.of(Resolution.HD_720P, Resolution.FHD_1080P);

    /**
     * Image URLs after upload.
     *
     * @param frames     the start frame, then the end frame if any
     * @param references reference (material) images
     */
    record ImageUrls(List<String> frames, List<String> references) {
        ImageUrls {
            frames = List.copyOf(frames);
            references = List.copyOf(references);
        }
    }

    private final String provider;

    KieRequestMapper(String provider) {
        this.provider = provider;
    }

    /** Rules the capabilities cannot express, per family. */
    void validate(KieFamily family, String model, VideoRequest r) {
        switch (family) {
            case VEO:
                validateVeo(model, r);
                break;
            case RUNWAY:
                validateRunway(r);
                break;
            default:
                if (r.lastFrame() != null || !r.referenceImages().isEmpty()) {
                    throw InvalidRequestException.local(provider, r.lastFrame() != null ? "lastFrame" : "referenceImages",
                            provider + " market models name their frame and reference fields differently; pass URLs with "
                                    + "extra(\"" + KieExtras.INPUT_PREFIX + "<field>\", ...) as the model's page documents");
                }
        }
    }

    private void validateVeo(String model, VideoRequest r) {
        if (!VEO_MODELS.contains(model)) {
            throw InvalidRequestException.notAllowed(provider, "model", model, List.of(KieExtras.VEO3_FAST, KieExtras.VEO3, "veo3_lite"));
        }
        r.durationSeconds().filter(s -> s != VEO_SECONDS || r.duration().toMillis() % 1000 != 0).ifPresent(s -> {
            throw InvalidRequestException.notAllowed(provider, "duration", describe(r.duration()), List.of(VEO_SECONDS + "s"));
        });
        if (r.aspectRatio() != null && !VEO_RATIOS.contains(r.aspectRatio())) {
            throw InvalidRequestException.notAllowed(provider, "aspectRatio", r.aspectRatio(), List.of("16:9", "9:16", "Auto"));
        }
        if (r.aspectRatio() != null && flag(r, KieExtras.AUTO_ASPECT_RATIO).orElse(false)) {
            throw InvalidRequestException.local(provider, "aspectRatio", "set either aspectRatio or extra "
                    + KieExtras.AUTO_ASPECT_RATIO + ", not both");
        }
        if (r.resolution() != null && !HD_OR_SD.contains(r.resolution())) {
            throw InvalidRequestException.notAllowed(provider, "resolution", r.resolution(), List.of("720p", "1080p"));
        }
        if (r.negativePrompt() != null) {
            throw InvalidRequestException.local(provider, "negativePrompt", provider + " Veo does not support a negative prompt");
        }
        int frames = r.images().size() + (r.lastFrame() == null ? 0 : 1);
        if (frames > 2) {
            throw InvalidRequestException.local(provider, "images", provider + " Veo takes a first and a last frame at most (2 images), but "
                    + frames + " were given");
        }
        if (!r.referenceImages().isEmpty()) {
            if (frames > 0) {
                throw InvalidRequestException.local(provider, "referenceImages", provider
                        + " Veo takes either frames (images, lastFrame) or reference images, not both");
            }
            if (!KieExtras.VEO3_FAST.equals(model)) {
                throw InvalidRequestException.local(provider, "referenceImages", provider
                        + " Veo takes reference images (REFERENCE_2_VIDEO) only with model veo3_fast, but model was " + model);
            }
        }
        if (r.seed() != null && (r.seed() < 10_000 || r.seed() > 99_999)) {
            throw InvalidRequestException.local(provider, "seed", provider + " Veo seeds must be 10000 to 99999, but was " + r.seed());
        }
        flag(r, KieExtras.ENABLE_TRANSLATION);
    }

    private void validateRunway(VideoRequest r) {
        if (r.prompt().length() > RUNWAY_MAX_PROMPT) {
            throw InvalidRequestException.local(provider, "prompt", provider + " Runway allows a prompt of at most "
                    + RUNWAY_MAX_PROMPT + " characters, but it was " + r.prompt().length());
        }
        if (r.images().size() > 1 || r.lastFrame() != null || !r.referenceImages().isEmpty()) {
            throw InvalidRequestException.local(provider, "images", provider + " Runway takes one start image at most");
        }
        if (r.negativePrompt() != null || r.seed() != null) {
            throw InvalidRequestException.local(provider, r.seed() != null ? "seed" : "negativePrompt",
                    provider + " Runway takes no " + (r.seed() != null ? "seed" : "negative prompt"));
        }
        int seconds = r.durationSeconds().orElse(RUNWAY_DEFAULT_SECONDS);
        if (r.duration() != null && (!RUNWAY_SECONDS.contains(seconds) || r.duration().toMillis() % 1000 != 0)) {
            throw InvalidRequestException.notAllowed(provider, "duration", describe(r.duration()), List.of("5s", "8s", "10s"));
        }
        if (r.aspectRatio() != null && !RUNWAY_RATIOS.contains(r.aspectRatio())) {
            throw InvalidRequestException.notAllowed(provider, "aspectRatio", r.aspectRatio(), List.of("16:9", "4:3", "1:1", "3:4", "9:16"));
        }
        if (r.resolution() != null && !HD_OR_SD.contains(r.resolution())) {
            throw InvalidRequestException.notAllowed(provider, "resolution", r.resolution(), List.of("720p", "1080p"));
        }
        if (r.resolution() == Resolution.FHD_1080P && seconds > RUNWAY_DEFAULT_SECONDS) {
            throw InvalidRequestException.local(provider, "resolution", provider + " Runway makes 1080p only for "
                    + RUNWAY_DEFAULT_SECONDS + " s clips, but duration was " + seconds + " s");
        }
    }

    /** The create body for {@code family}. */
    ObjectNode body(ObjectMapper json, KieFamily family, String model, VideoRequest r, ImageUrls images) {
        switch (family) {
            case VEO:
                return veo(json, model, r, images);
            case RUNWAY:
                return runway(json, r, images);
            default:
                return jobs(json, model, r, images);
        }
    }

    private ObjectNode veo(ObjectMapper json, String model, VideoRequest r, ImageUrls images) {
        ObjectNode body = json.createObjectNode().put("prompt", r.prompt()).put("model", model);
        List<String> urls = images.references().isEmpty() ? images.frames() : images.references();
        body.put("generationType", !images.references().isEmpty() ? "REFERENCE_2_VIDEO"
                : !images.frames().isEmpty() ? "FIRST_AND_LAST_FRAMES_2_VIDEO" : "TEXT_2_VIDEO");
        if (!urls.isEmpty()) {
            ArrayNode list = body.putArray("imageUrls");
            urls.forEach(list::add);
        }
        if (r.aspectRatio() != null) {
            body.put("aspect_ratio", r.aspectRatio().toString());
        } else if (flag(r, KieExtras.AUTO_ASPECT_RATIO).orElse(false)) {
            body.put("aspect_ratio", "Auto");
        }
        if (r.seed() != null) {
            body.put("seeds", r.seed());
        }
        if (r.callbackUrl() != null) {
            body.put("callBackUrl", r.callbackUrl().toString());
        }
        flag(r, KieExtras.ENABLE_TRANSLATION).ifPresent(v -> body.put("enableTranslation", v));
        r.extra(KieExtras.WATERMARK).ifPresent(w -> body.put("watermark", w));
        return body;
    }

    private ObjectNode runway(ObjectMapper json, VideoRequest r, ImageUrls images) {
        ObjectNode body = json.createObjectNode().put("prompt", r.prompt());
        if (!images.frames().isEmpty()) {
            body.put("imageUrl", images.frames().get(0));
        }
        body.put("duration", r.durationSeconds().orElse(RUNWAY_DEFAULT_SECONDS));
        body.put("quality", (r.resolution() == null ? Resolution.HD_720P : r.resolution()).label());
        if (r.aspectRatio() != null) {
            body.put("aspectRatio", r.aspectRatio().toString());
        } else if (images.frames().isEmpty()) {
            body.put("aspectRatio", AspectRatio.LANDSCAPE_16_9.toString());   // required for text-only
        }
        body.put("waterMark", r.extra(KieExtras.WATERMARK).orElse(""));
        if (r.callbackUrl() != null) {
            body.put("callBackUrl", r.callbackUrl().toString());
        }
        return body;
    }

    private ObjectNode jobs(ObjectMapper json, String model, VideoRequest r, ImageUrls images) {
        ObjectNode body = json.createObjectNode().put("model", model);
        if (r.callbackUrl() != null) {
            body.put("callBackUrl", r.callbackUrl().toString());
        }
        ObjectNode input = body.putObject("input").put("prompt", r.prompt());
        if (r.negativePrompt() != null) {
            input.put("negative_prompt", r.negativePrompt());
        }
        if (r.aspectRatio() != null) {
            input.put("aspect_ratio", r.aspectRatio().toString());
        }
        r.durationSeconds().ifPresent(s -> input.put("duration", String.valueOf(s)));
        if (r.resolution() != null) {
            input.put("resolution", r.resolution().label());
        }
        if (!images.frames().isEmpty()) {
            ArrayNode list = input.putArray("image_urls");
            images.frames().forEach(list::add);
        }
        if (r.seed() != null) {
            input.put("seed", r.seed());
        }
        for (Map.Entry<String, Object> e : r.extras().entrySet()) {
            if (e.getKey().startsWith(KieExtras.INPUT_PREFIX) && e.getKey().length() > KieExtras.INPUT_PREFIX.length()) {
                input.set(e.getKey().substring(KieExtras.INPUT_PREFIX.length()), json.valueToTree(e.getValue()));
            }
        }
        return body;
    }

    private static String describe(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** A boolean extra (Boolean or "true"/"false"). */
    private Optional<Boolean> flag(VideoRequest r, String name) {
        Object value = r.extras().get(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw InvalidRequestException.local(provider, name, provider + " extra " + name + " must be true or false, but was " + value);
        }
        return Optional.of(Boolean.parseBoolean(text));
    }
}
