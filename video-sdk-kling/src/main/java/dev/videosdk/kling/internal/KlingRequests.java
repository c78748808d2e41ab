package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoRequest;
import dev.videosdk.kling.KlingExtras;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a {@link VideoRequest} into the body of {@code POST /v1/videos/text2video} or
 * {@code /v1/videos/image2video}, and checks what Kling documents as hard rules before any call.
 * Defaults: model {@value #DEFAULT_MODEL}, mode {@code std}, duration 5 s, aspect ratio 1:1 for
 * text-to-video, {@code cfg_scale} 0.5 for image-to-video on {@code kling-v1*} models.
 */
final class KlingRequests {
    static final String TEXT_TO_VIDEO = "text2video";
    static final String IMAGE_TO_VIDEO = "image2video";
    static final String DEFAULT_MODEL = "kling-v1-6";
    static final int DEFAULT_DURATION_SECONDS = 5;
    static final AspectRatio DEFAULT_ASPECT_RATIO = AspectRatio.SQUARE_1_1;
    static final double DEFAULT_IMAGE_CFG_SCALE = 0.5;
    static final int MIN_IMAGE_SIDE = 300;
    static final double MAX_IMAGE_RATIO = 2.5;
    static final int MAX_PROMPT_LENGTH = 2500;
    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;

    /** Wire fields the SDK fills from {@link VideoRequest}'s own fields, with the setter to use instead. */
    private static final Map<String, String> MANAGED = Map.of(
            "model_name", "model(...)",
            "model", "model(...) (Kling ignores the old field \"model\" and silently uses kling-v1)",
            "prompt", "prompt(...)",
            "negative_prompt", "negativePrompt(...)",
            "image", "image(...)",
            "image_tail", "lastFrame(...)",
            "duration", "duration(...)",
            "aspect_ratio", "aspectRatio(...)",
            "callback_url", "callbackUrl(...)");

    /** For building trees only (the body is written by the core); never configured. */
    private static final ObjectMapper TREES = Json.mapper();

    private KlingRequests() {
    }

    /** The endpoint family: image-to-video when the request has an image, else text-to-video. */
    static String endpoint(VideoRequest r) {
        return r.images().isEmpty() ? TEXT_TO_VIDEO : IMAGE_TO_VIDEO;
    }

    /** The caller's {@code external_task_id} extra, if set. */
    static Optional<String> externalTaskId(VideoRequest r) {
        return r.extra(KlingExtras.EXTERNAL_TASK_ID);
    }

    /**
     * Checks the rules the capabilities cannot express.
     *
     * @throws InvalidRequestException naming the parameter, the value and what is allowed
     */
    static void validate(VideoRequest r) {
        if (r.seed() != null) {
            throw InvalidRequestException.local(KlingProvider.ID, "seed", "kling does not support a seed");
        }
        if (r.resolution() != null) {
            throw InvalidRequestException.local(KlingProvider.ID, "resolution", "kling does not take a resolution;"
                    + " it follows the model and mode: set extra \"mode\" to \"std\" (720p) or \"pro\" (1080p on"
                    + " kling-v1-5 and later) instead of resolution " + r.resolution());
        }
        for (String name : r.extras().keySet()) {
            if (MANAGED.containsKey(name)) {
                throw InvalidRequestException.local(KlingProvider.ID, name, "kling extra \"" + name
                        + "\" is set by the SDK; use VideoRequest.Builder." + MANAGED.get(name) + " instead");
            }
        }
        r.extra(KlingExtras.MODE).ifPresent(mode -> {
            if (!KlingExtras.MODES.contains(mode)) {
                throw InvalidRequestException.notAllowed(KlingProvider.ID, KlingExtras.MODE, mode, KlingExtras.MODES);
            }
        });
        if (r.extras().containsKey(KlingExtras.CFG_SCALE)) {
            cfgScale(r);
        }
        if (r.extras().containsKey(KlingExtras.CAMERA_CONTROL)) {
            checkCameraControl(TREES.valueToTree(r.extras().get(KlingExtras.CAMERA_CONTROL)));
            if (r.lastFrame() != null) {
                throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                        "kling does not accept camera_control together with an end frame (lastFrame); drop one of them");
            }
        }
        externalTaskId(r).ifPresent(id -> {
            if (id.isBlank()) {
                throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.EXTERNAL_TASK_ID,
                        "kling external_task_id must not be blank");
            }
        });
        for (MediaInput image : r.images()) {
            checkImage("images", image);
        }
        if (r.lastFrame() != null) {
            checkImage("lastFrame", r.lastFrame());
        }
    }

    /** The create body; {@code externalTaskId} is sent on every try of the call. */
    static ObjectNode body(VideoRequest r, String model, String externalTaskId) {
        String endpoint = endpoint(r);
        ObjectNode body = TREES.createObjectNode();
        body.put("model_name", model);
        if (endpoint.equals(IMAGE_TO_VIDEO)) {
            body.put("image", encode(r.images().get(0)));
            if (r.lastFrame() != null) {
                body.put("image_tail", encode(r.lastFrame()));
            }
        }
        body.put("prompt", r.prompt());
        if (r.negativePrompt() != null) {
            body.put("negative_prompt", r.negativePrompt());
        }
        if (r.extras().containsKey(KlingExtras.CFG_SCALE)) {
            body.put("cfg_scale", cfgScale(r));
        } else if (endpoint.equals(IMAGE_TO_VIDEO) && model.startsWith("kling-v1")) {
            body.put("cfg_scale", DEFAULT_IMAGE_CFG_SCALE);
        }
        body.put("mode", r.extra(KlingExtras.MODE).orElse(KlingExtras.MODE_STD));
        if (endpoint.equals(TEXT_TO_VIDEO)) {
            body.put("aspect_ratio", (r.aspectRatio() != null ? r.aspectRatio() : DEFAULT_ASPECT_RATIO).toString());
        } else if (r.aspectRatio() != null) {
            body.put("aspect_ratio", r.aspectRatio().toString());
        }
        body.put("duration", Integer.toString(r.durationSeconds().orElse(DEFAULT_DURATION_SECONDS)));
        if (r.callbackUrl() != null) {
            body.put("callback_url", r.callbackUrl().toString());
        }
        body.put("external_task_id", externalTaskId);
        r.extras().forEach((name, value) -> {
            if (!name.equals(KlingExtras.MODE) && !name.equals(KlingExtras.CFG_SCALE)
                    && !name.equals(KlingExtras.EXTERNAL_TASK_ID)) {
                body.set(name, TREES.valueToTree(value));
            }
        });
        return body;
    }

    /** A URL as is; bytes, files and {@code data:} URLs as bare Base64 (Kling rejects a {@code data:} prefix). */
    static String encode(MediaInput image) {
        if (image instanceof MediaInput.Url url) {
            String text = url.uri().toString();
            return isDataUrl(url) ? text.substring(text.indexOf(',') + 1) : text;
        }
        return image.toBytes().base64();
    }

    private static boolean isDataUrl(MediaInput.Url url) {
        return "data".equalsIgnoreCase(url.uri().getScheme());
    }

    private static double cfgScale(VideoRequest r) {
        Object value = r.extras().get(KlingExtras.CFG_SCALE);
        double scale;
        try {
            scale = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CFG_SCALE,
                    "kling cfg_scale must be a number from 0 to 1, but was " + value);
        }
        if (!(scale >= 0.0 && scale <= 1.0)) {
            throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CFG_SCALE,
                    "kling cfg_scale must be from 0 to 1, but was " + value);
        }
        return scale;
    }

    private static void checkCameraControl(JsonNode camera) {
        String type = camera.path("type").asText("");
        if (!camera.isObject() || !KlingExtras.CAMERA_TYPES.contains(type)) {
            throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                    "kling camera_control needs a type, one of " + KlingExtras.CAMERA_TYPES + ", but was " + camera);
        }
        JsonNode config = camera.path("config");
        if (!type.equals("simple")) {
            if (!config.isMissingNode() && !config.isNull() && !config.isEmpty()) {
                throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                        "kling camera_control type " + type + " takes no config, but had " + config);
            }
            return;
        }
        if (!config.isObject()) {
            throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                    "kling camera_control type simple needs a config with one of " + KlingExtras.CAMERA_AXES);
        }
        int nonZero = 0;
        for (Map.Entry<String, JsonNode> axis : config.properties()) {
            JsonNode v = axis.getValue();
            if (!KlingExtras.CAMERA_AXES.contains(axis.getKey()) || !v.isNumber()
                    || v.asDouble() < -10 || v.asDouble() > 10) {
                throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                        "kling camera_control config allows " + KlingExtras.CAMERA_AXES
                                + " with numbers from -10 to 10, but had " + axis.getKey() + "=" + v);
            }
            if (v.asDouble() != 0) {
                nonZero++;
            }
        }
        if (nonZero != 1) {
            throw InvalidRequestException.local(KlingProvider.ID, KlingExtras.CAMERA_CONTROL,
                    "kling camera_control type simple needs exactly one non-zero value, but had " + nonZero);
        }
    }

    private static void checkImage(String parameter, MediaInput image) {
        if (image instanceof MediaInput.Url url) {
            String text = url.uri().toString();
            if (isDataUrl(url) && !text.substring(0, Math.max(0, text.indexOf(','))).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw InvalidRequestException.local(KlingProvider.ID, parameter,
                        "kling takes a data: URL only when it is Base64-encoded (data:image/png;base64,...)");
            }
            return;
        }
        byte[] data = image.toBytes().data();
        Optional<int[]> size = dimensions(data);
        if (size.isEmpty()) {
            return; // not readable here (e.g. an unusual JPEG variant); Kling checks it
        }
        int width = size.get()[0];
        int height = size.get()[1];
        if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
            throw InvalidRequestException.local(KlingProvider.ID, parameter, "kling needs images of at least "
                    + MIN_IMAGE_SIDE + " px on each side, but one was " + width + "x" + height);
        }
        double ratio = (double) Math.max(width, height) / Math.min(width, height);
        if (ratio > MAX_IMAGE_RATIO) {
            throw InvalidRequestException.local(KlingProvider.ID, parameter, "kling needs an image aspect ratio between"
                    + " 1:2.5 and 2.5:1, but one was " + width + "x" + height);
        }
    }

    /** Width and height from the image header, without decoding the pixels; empty if unreadable. */
    static Optional<int[]> dimensions(byte[] data) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
