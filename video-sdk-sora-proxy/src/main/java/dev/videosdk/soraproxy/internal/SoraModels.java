package dev.videosdk.soraproxy.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.VideoRequest;
import dev.videosdk.soraproxy.SoraProxy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateways' model names. They carry orientation and length in the name, so a request's
 * aspect ratio and duration are expressed by choosing the model: derived when the request names
 * none, checked against the name when it does. {@code sora-2-*} and {@code sora2pro*} names go to
 * the pro/character endpoint, everything else to the standard one.
 */
final class SoraModels {
    /** Which endpoint profile serves a model. */
    enum Profile { STANDARD, CHARACTER }

    /**
     * One model of the {@code sora_video2} family.
     *
     * @param model   its name
     * @param ratio   the orientation its name fixes, or null (the gateway's default)
     * @param seconds its clip length
     */
    record Variant(String model, AspectRatio ratio, int seconds) {
        String describe() {
            return model + " (" + (ratio == null ? "" : ratio + ", ") + seconds + " s)";
        }
    }

    static final List<Variant> FAMILY = List.of(
            new Variant(SoraProxy.SORA_VIDEO2, null, 10),
            new Variant(SoraProxy.SORA_VIDEO2_15S, null, 15),
            new Variant(SoraProxy.SORA_VIDEO2_LANDSCAPE, AspectRatio.LANDSCAPE_16_9, 10),
            new Variant(SoraProxy.SORA_VIDEO2_PORTRAIT, AspectRatio.PORTRAIT_9_16, 10),
            new Variant(SoraProxy.SORA_VIDEO2_LANDSCAPE_15S, AspectRatio.LANDSCAPE_16_9, 15),
            new Variant(SoraProxy.SORA_VIDEO2_PORTRAIT_15S, AspectRatio.PORTRAIT_9_16, 15));

    /** Known names, first the default (for capabilities and messages; any name is accepted). */
    static final String[] KNOWN = {
        SoraProxy.SORA_VIDEO2, SoraProxy.SORA_VIDEO2_15S, SoraProxy.SORA_VIDEO2_LANDSCAPE, SoraProxy.SORA_VIDEO2_PORTRAIT,
        SoraProxy.SORA_VIDEO2_LANDSCAPE_15S, SoraProxy.SORA_VIDEO2_PORTRAIT_15S, SoraProxy.SORA_2, SoraProxy.SORA_2_PRO,
        "sora-2-landscape", "sora-2-portrait", "sora-2-landscape-hd", "sora-2-portrait-hd", "sora-2-hd", "sora-2-characters"
    };

    private static final Pattern SECONDS_IN_NAME = Pattern.compile("(?:^|[-_])(\\d{1,3})s(?:$|[-_])");

    private SoraModels() {
    }

    /** The model to send: the request's, checked against its duration and ratio, or one derived from them. */
    static String resolve(VideoRequest request) {
        if (request.model() == null) {
            return derive(request.aspectRatio(), request.durationSeconds().orElse(null)).model();
        }
        check(request.model(), request.aspectRatio(), request.durationSeconds().orElse(null));
        return request.model();
    }

    /**
     * The {@code sora_video2} model for this ratio and length (null = unset).
     *
     * @throws InvalidRequestException listing the valid combinations
     */
    static Variant derive(AspectRatio ratio, Integer seconds) {
        int wanted = seconds == null ? 10 : seconds;
        for (Variant v : FAMILY) {
            if (v.seconds() == wanted && java.util.Objects.equals(v.ratio(), ratio)) {
                return v;
            }
        }
        String parameter = ratio != null && FAMILY.stream().noneMatch(v -> ratio.equals(v.ratio())) ? "aspectRatio" : "duration";
        throw InvalidRequestException.local(SoraProxy.ID, parameter, SoraProxy.ID + " has no sora_video2 model for "
                + (ratio == null ? "the default aspect ratio" : "aspect ratio " + ratio) + " and " + wanted + " s; valid: "
                + validCombinations());
    }

    /** The family as {@code "sora_video2 (10 s), sora_video2-15s (15 s), sora_video2-landscape (16:9, 10 s), ..."}. */
    static String validCombinations() {
        return FAMILY.stream().map(Variant::describe).collect(Collectors.joining(", "));
    }

    /**
     * Rejects a ratio or duration that the named model does not state (the gateway reads both
     * from the name only, so they could not be sent).
     */
    static void check(String model, AspectRatio ratio, Integer seconds) {
        Optional<AspectRatio> named = ratioIn(model);
        Optional<Integer> namedSeconds = secondsIn(model);
        if (ratio != null && !named.equals(Optional.of(ratio))) {
            throw InvalidRequestException.local(SoraProxy.ID, "aspectRatio", SoraProxy.ID + " takes the aspect ratio from the "
                    + "model name, and model " + model + " does not state " + ratio + "; leave aspectRatio unset or leave "
                    + "the model unset to derive one of: " + validCombinations());
        }
        if (seconds != null && !namedSeconds.equals(Optional.of(seconds))) {
            throw InvalidRequestException.local(SoraProxy.ID, "duration", SoraProxy.ID + " takes the duration from the "
                    + "model name, and model " + model + " does not state " + seconds + " s; leave duration unset or leave "
                    + "the model unset to derive one of: " + validCombinations());
        }
    }

    /** The orientation a model name states ({@code landscape}, {@code portrait}). */
    static Optional<AspectRatio> ratioIn(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.contains("landscape")) return Optional.of(AspectRatio.LANDSCAPE_16_9);
        if (m.contains("portrait")) return Optional.of(AspectRatio.PORTRAIT_9_16);
        return Optional.empty();
    }

    /** The length a model name states: {@code -15s}, {@code -10s}; 10 s for the plain {@code sora_video2} family. */
    static Optional<Integer> secondsIn(String model) {
        Matcher m = SECONDS_IN_NAME.matcher(model.toLowerCase(Locale.ROOT));
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        return FAMILY.stream().filter(v -> v.model().equals(model)).map(Variant::seconds).findFirst();
    }

    /** The endpoint profile that serves a model. */
    static Profile profileOf(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        return m.startsWith("sora-2-") || m.startsWith("sora2pro") ? Profile.CHARACTER : Profile.STANDARD;
    }
}
