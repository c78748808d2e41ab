package dev.videosdk.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a {@link VideoRequest} as JSON text and reads it back, field by field. Media given as
 * bytes are stored as Base64; files by path (the file must still be there when a worker submits).
 * Not API.
 */
public final class RequestCodec {
    /** The mapper used for every JSON column of the queue. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private RequestCodec() {
    }

    /** The request as JSON text. */
    public static String write(VideoRequest r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("prompt", r.prompt());
        putIf(n, "negativePrompt", r.negativePrompt());
        ArrayNode images = n.putArray("images");
        r.images().forEach(i -> images.add(media(i)));
        if (r.lastFrame() != null) {
            n.set("lastFrame", media(r.lastFrame()));
        }
        ArrayNode refs = n.putArray("referenceImages");
        r.referenceImages().forEach(i -> refs.add(media(i)));
        if (r.referenceVideo() != null) {
            n.set("referenceVideo", media(r.referenceVideo()));
        }
        if (r.duration() != null) {
            n.put("durationMillis", r.duration().toMillis());
        }
        if (r.aspectRatio() != null) {
            n.put("aspectRatio", r.aspectRatio().width() + ":" + r.aspectRatio().height());
        }
        if (r.resolution() != null) {
            n.put("resolution", r.resolution().name());
        }
        putIf(n, "model", r.model());
        if (r.seed() != null) {
            n.put("seed", r.seed());
        }
        putIf(n, "provider", r.provider());
        if (r.callbackUrl() != null) {
            n.put("callbackUrl", r.callbackUrl().toString());
        }
        n.set("extras", JSON.valueToTree(r.extras()));
        return n.toString();
    }

    /** Reads what {@link #write} wrote. */
    public static VideoRequest read(String json) {
        JsonNode n = tree(json);
        VideoRequest.Builder b = VideoRequest.builder().prompt(n.path("prompt").asText());
        if (n.hasNonNull("negativePrompt")) {
            b.negativePrompt(n.get("negativePrompt").asText());
        }
        n.path("images").forEach(i -> b.image(media(i)));
        if (n.hasNonNull("lastFrame")) {
            b.lastFrame(media(n.get("lastFrame")));
        }
        n.path("referenceImages").forEach(i -> b.referenceImage(media(i)));
        if (n.hasNonNull("referenceVideo")) {
            b.referenceVideo(media(n.get("referenceVideo")));
        }
        if (n.hasNonNull("durationMillis")) {
            b.duration(Duration.ofMillis(n.get("durationMillis").asLong()));
        }
        if (n.hasNonNull("aspectRatio")) {
            b.aspectRatio(AspectRatio.parse(n.get("aspectRatio").asText()));
        }
        if (n.hasNonNull("resolution")) {
            b.resolution(Resolution.valueOf(n.get("resolution").asText()));
        }
        if (n.hasNonNull("model")) {
            b.model(n.get("model").asText());
        }
        if (n.hasNonNull("seed")) {
            b.seed(n.get("seed").asLong());
        }
        if (n.hasNonNull("provider")) {
            b.provider(n.get("provider").asText());
        }
        if (n.hasNonNull("callbackUrl")) {
            b.callbackUrl(URI.create(n.get("callbackUrl").asText()));
        }
        Map<String, Object> extras = JSON.convertValue(n.path("extras"), mapType());
        if (extras != null) {
            extras.forEach(b::extra);
        }
        return b.build();
    }

    /** A string map as JSON text. */
    public static String writeMap(Map<String, String> map) {
        return JSON.valueToTree(map).toString();
    }

    /** A string map from JSON text (empty for null). */
    public static Map<String, String> readMap(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        tree(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Parses JSON text. */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> mapType() {
        return new com.fasterxml.jackson.core.type.TypeReference<>() {
        };
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static ObjectNode media(MediaInput m) {
        ObjectNode n = JSON.createObjectNode();
        if (m instanceof MediaInput.Url u) {
            n.put("url", u.uri().toString());
        } else if (m instanceof MediaInput.Bytes b) {
            n.put("base64", b.base64());
        } else if (m instanceof MediaInput.File f) {
            n.put("file", f.path().toString());
        }
        putIf(n, "mimeType", m.mimeType());
        return n;
    }

    private static MediaInput media(JsonNode n) {
        String mime = n.hasNonNull("mimeType") ? n.get("mimeType").asText() : null;
        if (n.has("url")) {
            return new MediaInput.Url(URI.create(n.get("url").asText()), mime);
        }
        if (n.has("base64")) {
            return MediaInput.bytes(Base64.getDecoder().decode(n.get("base64").asText()), mime);
        }
        return MediaInput.file(Path.of(n.get("file").asText()), mime);
    }
}
