package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.internal.Json;
import dev.videosdk.runway.RunwayExtras;
import dev.videosdk.runway.internal.RunwayModels.Endpoint;
import dev.videosdk.runway.internal.RunwayModels.Rule;
import dev.videosdk.runway.internal.RunwayModels.VideoField;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link VideoRequest} into the body of {@code POST /v1/text_to_video}, {@code /image_to_video}
 * or {@code /video_to_video}, and checks the per-model rules of {@code shared/providers/runway.md} §2 and
 * the input rules of §3 before any call. A reference video makes it video-to-video, else an image
 * image-to-video, else text-to-video.
 */
final class RunwayRequests {
    /** Largest {@code seed} (ComfyUI's Runway node; Runway documents no range, see ADR 0702). */
    static final long MAX_SEED = 4_294_967_295L;
    /** Longest input URL Runway fetches. */
    static final int MAX_URL_LENGTH = 2048;
    /** Largest data URI Runway takes, as encoded length: images 5 MB, video 16 MB. */
    static final long MAX_IMAGE_DATA_URI = 5L * 1024 * 1024;
    static final long MAX_VIDEO_DATA_URI = 16L * 1024 * 1024;
    /** Largest ephemeral upload. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    /** Wire fields the SDK fills itself, with the setter to use instead. */
    private static final Map<String, String> MANAGED = Map.of(
            "model", "model(...)",
            "promptText", "prompt(...)",
            "promptImage", "image(...) and lastFrame(...)",
            "videoUri", "referenceVideo(...)",
            "promptVideo", "referenceVideo(...)",
            "duration", "duration(...)",
            "seed", "seed(...)",
            "negativePrompt", "negativePrompt(...)",
            "references", "referenceImage(...)");

    private static final ObjectMapper TREES = Json.mapper();

    private RunwayRequests() {
    }

    /** The endpoint the request goes to. */
    static Endpoint endpoint(VideoRequest r) {
        return r.referenceVideo() != null ? Endpoint.VIDEO : r.images().isEmpty() ? Endpoint.TEXT : Endpoint.IMAGE;
    }

    /** The model the request runs on. */
    static String model(VideoRequest r) {
        return r.model() != null ? r.model() : RunwayModels.defaultModel(endpoint(r));
    }

    /**
     * Checks everything the SDK knows about the model, the inputs and the extras.
     *
     * @throws InvalidRequestException naming the parameter, the value and what is allowed
     */
    static void validate(VideoRequest r) {
        Endpoint endpoint = endpoint(r);
        String model = model(r);
        if (r.callbackUrl() != null) {
            throw local("callbackUrl", "runway has no callbacks (webhooks); the SDK polls GET /v1/tasks/{id}, so drop"
                    + " callbackUrl " + r.callbackUrl());
        }
        if (RunwayModels.RETIRED.contains(model)) {
            throw local("model", "runway retired model " + model + " (dropped from Runway's SDKs in 2026-06); use"
                    + " gen4_turbo or gen4.5 instead");
        }
        if (endpoint == Endpoint.TEXT && model.equals("gen4_turbo")) {
            throw local("model", "runway gen4_turbo needs a start image (image-to-video); add image(...) or choose a"
                    + " text-to-video model: " + RunwayModels.known(Endpoint.TEXT));
        }
        if (endpoint == Endpoint.VIDEO && !r.images().isEmpty()) {
            throw local("images", "runway video_to_video takes no start frame; give reference images with"
                    + " referenceImage(...) or aleph2 keyframes with extra \"" + RunwayExtras.KEYFRAMES + "\"");
        }
        for (String name : r.extras().keySet()) {
            if (MANAGED.containsKey(name)) {
                throw local(name, "runway extra \"" + name + "\" is set by the SDK; use VideoRequest.Builder."
                        + MANAGED.get(name) + " instead");
            }
        }
        Optional<Rule> rule = RunwayModels.rule(endpoint, model);
        rule.ifPresent(known -> checkRule(r, endpoint, model, known));
        ratio(r, endpoint, model, rule);
        resolutionWord(r, model, rule);
        r.durationSeconds().ifPresent(seconds -> {
            if (r.duration().toMillis() % 1000 != 0) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, "duration", r.duration().toMillis() + "ms",
                        "whole seconds");
            }
        });
        if (r.seed() != null && (r.seed() < 0 || r.seed() > MAX_SEED)) {
            throw local("seed", "runway seed must be from 0 to " + MAX_SEED + ", but was " + r.seed());
        }
        checkExtras(r);
        for (MediaInput image : r.images()) {
            checkInput("images", image, false);
        }
        if (r.lastFrame() != null) {
            checkInput("lastFrame", r.lastFrame(), false);
        }
        for (MediaInput image : r.referenceImages()) {
            checkInput("referenceImages", image, false);
        }
        if (r.referenceVideo() != null) {
            checkInput("referenceVideo", r.referenceVideo(), true);
        }
    }

    private static void checkRule(VideoRequest r, Endpoint endpoint, String model, Rule rule) {
        String what = "runway " + model + " (" + endpoint.path + ")";
        if (rule.maxPrompt() > 0 && r.prompt().length() > rule.maxPrompt()) {
            throw local("prompt", what + " allows a prompt of at most " + rule.maxPrompt()
                    + " UTF-16 characters, but it was " + r.prompt().length());
        }
        if (r.negativePrompt() != null) {
            if (!rule.negativePrompt()) {
                throw local("negativePrompt", what + " does not take a negative prompt; only the Veo models do");
            }
            if (r.negativePrompt().length() > rule.maxPrompt()) {
                throw local("negativePrompt", what + " allows a negative prompt of at most " + rule.maxPrompt()
                        + " UTF-16 characters, but it was " + r.negativePrompt().length());
            }
        }
        if (r.lastFrame() != null && !rule.lastFrame()) {
            throw local("lastFrame", what + " takes a first frame only; models with a last frame: veo3.1, veo3.1_fast,"
                    + " " + String.join(", ", RunwayModels.SEEDANCE));
        }
        if (r.referenceImages().size() > rule.maxReferences()) {
            throw local("referenceImages", what + " accepts at most " + rule.maxReferences()
                    + " reference image(s), but " + r.referenceImages().size() + " were given");
        }
        if (!rule.durations().isEmpty() && r.durationSeconds().isPresent()
                && !rule.durations().contains(r.durationSeconds().get())) {
            throw InvalidRequestException.notAllowed(RunwayProvider.ID, "duration", r.durationSeconds().get() + "s",
                    rule.durations().stream().map(s -> s + "s").toList() + " for " + model);
        }
    }

    /** The {@code ratio} to send, if any. */
    static Optional<String> ratio(VideoRequest r, Endpoint endpoint, String model, Optional<Rule> rule) {
        Optional<String> explicit = r.extra(RunwayExtras.RATIO);
        if (explicit.isPresent()) {
            String value = explicit.get();
            if (rule.isPresent() && rule.get().aspectRatioWords() && !RunwayModels.HAILUO_ASPECTS.contains(value)) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, RunwayExtras.RATIO, value,
                        RunwayModels.HAILUO_ASPECTS + " for " + model);
            }
            if (rule.isPresent() && !rule.get().sizes().isEmpty() && !rule.get().ratios().contains(value)) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, RunwayExtras.RATIO, value,
                        rule.get().ratios() + " for " + model);
            }
            if (rule.isEmpty() && !value.matches("\\d{2,5}:\\d{2,5}|[A-Za-z0-9:]{1,16}")) {
                throw local(RunwayExtras.RATIO, "runway ratio must be a pixel size like 1280:720, but was " + value);
            }
            return explicit;
        }
        if (rule.isPresent() && rule.get().aspectRatioWords()) {
            if (r.aspectRatio() == null) {
                return Optional.empty();
            }
            String word = r.aspectRatio().toString();
            if (!RunwayModels.HAILUO_ASPECTS.contains(word)) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, "aspectRatio", word,
                        RunwayModels.HAILUO_ASPECTS + " for " + model);
            }
            return Optional.of(word);
        }
        if (rule.isPresent() && !rule.get().sizes().isEmpty()) {
            Rule known = rule.get();
            Resolution resolution = r.resolution() == null ? Resolution.HD_720P : r.resolution();
            if (!known.sizes().containsKey(resolution)) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, "resolution", resolution,
                        known.sizes().keySet() + " for " + model);
            }
            AspectRatio aspect = r.aspectRatio() == null ? AspectRatio.LANDSCAPE_16_9 : r.aspectRatio();
            return Optional.of(known.size(aspect, resolution).orElseThrow(() -> InvalidRequestException.notAllowed(
                    RunwayProvider.ID, "aspectRatio", aspect, known.sizes().get(resolution).keySet() + " at "
                            + resolution + " for " + model + " (or an explicit extra \"ratio\" among "
                            + known.ratios() + ")")));
        }
        boolean outpaint = endpoint == Endpoint.VIDEO && rule.isPresent() && !rule.get().targetAspects().isEmpty();
        if (r.aspectRatio() != null && !outpaint) {
            throw local("aspectRatio", "runway " + model + " (" + endpoint.path + ") has no aspect-ratio table in the"
                    + " SDK" + (rule.isPresent() ? " (its output follows the input)" : "")
                    + "; drop aspectRatio or give Runway's pixel size with extra \"ratio\", e.g. \"1280:720\"");
        }
        if (outpaint && r.aspectRatio() != null && !rule.get().targetAspects().contains(r.aspectRatio().toString())) {
            throw InvalidRequestException.notAllowed(RunwayProvider.ID, "aspectRatio", r.aspectRatio(),
                    rule.get().targetAspects() + " for " + model + " outpainting (targetAspectRatio)");
        }
        return Optional.empty();
    }

    /** The {@code resolution} word to send (happyhorse), if any; checks resolutions the model cannot take. */
    private static Optional<String> resolutionWord(VideoRequest r, String model, Optional<Rule> rule) {
        if (r.resolution() == null || (rule.isPresent() && !rule.get().sizes().isEmpty())) {
            return Optional.empty();
        }
        if (rule.isPresent() && !rule.get().resolutionWords().isEmpty()) {
            String word = rule.get().resolutionWords().get(r.resolution());
            if (word == null) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, "resolution", r.resolution(),
                        rule.get().resolutionWords().keySet() + " for " + model);
            }
            return Optional.of(word);
        }
        throw local("resolution", "runway " + model + " takes no resolution the SDK can map; give Runway's own value"
                + " with extra \"" + RunwayExtras.RATIO + "\" (pixel size) or \"" + RunwayExtras.RESOLUTION
                + "\" (e.g. hailuo3 768P / 2K) instead of resolution " + r.resolution());
    }

    private static void checkExtras(VideoRequest r) {
        Object moderation = r.extras().get(RunwayExtras.CONTENT_MODERATION);
        if (moderation != null) {
            Object threshold = moderation instanceof Map<?, ?> map ? map.get("publicFigureThreshold") : null;
            if (!(moderation instanceof Map<?, ?>) || (threshold != null
                    && !RunwayExtras.PUBLIC_FIGURE_THRESHOLDS.contains(String.valueOf(threshold)))) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, RunwayExtras.CONTENT_MODERATION, moderation,
                        "{publicFigureThreshold: one of " + RunwayExtras.PUBLIC_FIGURE_THRESHOLDS + "}");
            }
        }
        r.extra(RunwayExtras.OUTPUT_FORMAT).ifPresent(format -> {
            if (!RunwayExtras.OUTPUT_FORMATS.contains(format)) {
                throw InvalidRequestException.notAllowed(RunwayProvider.ID, RunwayExtras.OUTPUT_FORMAT, format,
                        RunwayExtras.OUTPUT_FORMATS);
            }
        });
    }

    /** Runway's input rules (§3): https URLs on a domain name, at most 2048 characters; data URIs within size. */
    private static void checkInput(String parameter, MediaInput input, boolean video) {
        if (input instanceof MediaInput.Url url) {
            URI uri = url.uri();
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("data")) {
                long max = video ? MAX_VIDEO_DATA_URI : MAX_IMAGE_DATA_URI;
                if (uri.toString().length() > max) {
                    throw local(parameter, "runway takes a data URI of at most " + max + " characters for "
                            + (video ? "a video" : "an image") + ", but it was " + uri.toString().length()
                            + "; pass the bytes (MediaInput.bytes or file) and the SDK uploads them");
                }
                return;
            }
            if (!scheme.equals("https")) {
                throw local(parameter, "runway fetches inputs only over https, but got " + scheme + ": " + uri
                        + "; pass an https URL or the bytes (the SDK uploads them)");
            }
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (host.isEmpty() || host.matches("[0-9.]+") || host.startsWith("[")) {
                throw local(parameter, "runway fetches inputs only from a domain name, not an IP address, but got " + uri);
            }
            if (uri.toString().length() > MAX_URL_LENGTH) {
                throw local(parameter, "runway fetches URLs of at most " + MAX_URL_LENGTH + " characters, but it was "
                        + uri.toString().length());
            }
            return;
        }
        if (video && !input.mimeType().startsWith("video/")) {
            throw InvalidRequestException.notAllowed(RunwayProvider.ID, "referenceVideo type", input.mimeType(), "video/*");
        }
        long size = input instanceof MediaInput.Bytes b ? b.size() : fileSize((MediaInput.File) input, parameter);
        if (size > MAX_UPLOAD_BYTES) {
            throw local(parameter, "runway uploads files of at most " + MAX_UPLOAD_BYTES + " bytes, but it was " + size);
        }
    }

    private static long fileSize(MediaInput.File file, String parameter) {
        try {
            return java.nio.file.Files.size(file.path());
        } catch (java.io.IOException e) {
            throw local(parameter, "runway input file " + file.path() + " cannot be read: " + e.getMessage());
        }
    }

    /** Every input of the request that needs a URI on the wire, in body order. */
    static List<MediaInput> inputs(VideoRequest r) {
        List<MediaInput> all = new ArrayList<>(r.images());
        if (r.lastFrame() != null) {
            all.add(r.lastFrame());
        }
        all.addAll(r.referenceImages());
        if (r.referenceVideo() != null) {
            all.add(r.referenceVideo());
        }
        return all;
    }

    /**
     * The create body. {@code uris} holds the wire URI of every input of {@link #inputs}: the URL as is,
     * or the {@code runway://} URI of its upload.
     */
    static ObjectNode body(VideoRequest r, Map<MediaInput, String> uris) {
        Endpoint endpoint = endpoint(r);
        String model = model(r);
        Optional<Rule> rule = RunwayModels.rule(endpoint, model);
        ObjectNode body = TREES.createObjectNode();
        body.put("model", model);
        body.put("promptText", r.prompt());
        if (endpoint == Endpoint.IMAGE) {
            ArrayNode frames = body.putArray("promptImage");
            frames.addObject().put("uri", uris.get(r.images().get(0))).put("position", "first");
            if (r.lastFrame() != null) {
                frames.addObject().put("uri", uris.get(r.lastFrame())).put("position", "last");
            }
        }
        if (endpoint == Endpoint.VIDEO) {
            boolean promptVideo = rule.map(x -> x.videoField() == VideoField.PROMPT_VIDEO).orElse(false);
            body.put(promptVideo ? "promptVideo" : "videoUri", uris.get(r.referenceVideo()));
        }
        if (!r.referenceImages().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            r.referenceImages().forEach(image -> refs.addObject().put("type", "image").put("uri", uris.get(image)));
        }
        ratio(r, endpoint, model, rule).ifPresent(ratio -> body.put("ratio", ratio));
        if (endpoint == Endpoint.VIDEO && r.aspectRatio() != null && !r.extras().containsKey(RunwayExtras.TARGET_ASPECT_RATIO)) {
            body.put("targetAspectRatio", r.aspectRatio().toString());
        }
        resolutionWord(r, model, rule).ifPresent(word -> body.put("resolution", word));
        Optional<Integer> duration = r.durationSeconds().or(() -> rule.map(Rule::defaultDuration));
        duration.ifPresent(seconds -> body.put("duration", seconds));
        if (r.seed() != null) {
            body.put("seed", r.seed());
        }
        if (r.negativePrompt() != null) {
            body.put("negativePrompt", r.negativePrompt());
        }
        r.extras().forEach((name, value) -> {
            if (!name.equals(RunwayExtras.RATIO)) {
                body.set(name, TREES.valueToTree(value));
            }
        });
        return body;
    }

    private static InvalidRequestException local(String parameter, String message) {
        return InvalidRequestException.local(RunwayProvider.ID, parameter, message);
    }
}
