package dev.videosdk.soraproxy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoRequest;
import java.util.List;

/**
 * The chat-completions body a gateway expects:
 * <pre>{@code
 * {"model": "...", "stream": true,
 *  "messages": [{"role": "user", "content": [
 *      {"type": "text", "text": "<prompt>"},
 *      {"type": "image_url", "image_url": {"url": "https://... or data:image/png;base64,..."}}]}]}
 * }</pre>
 */
final class ChatRequests {
    private ChatRequests() {
    }

    /** The body for {@code request} sent to {@code model}. */
    static ObjectNode body(ObjectMapper json, String model, VideoRequest request, boolean stream) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        ArrayNode content = json.createArrayNode();
        content.addObject().put("type", "text").put("text", request.prompt());
        for (MediaInput image : request.images()) {
            ObjectNode part = content.addObject().put("type", "image_url");
            part.putObject("image_url").put("url", url(image));
        }
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.set("content", content);
        body.put("stream", stream);
        return body;
    }

    /** The request's image URLs (to never mistake an echoed input for the result). */
    static List<String> inputUrls(VideoRequest request) {
        return request.images().stream().filter(i -> i instanceof MediaInput.Url).map(i -> ((MediaInput.Url) i).uri().toString()).toList();
    }

    /** A URL as is; bytes or a file as a {@code data:<mime>;base64,...} URI. */
    static String url(MediaInput image) {
        if (image instanceof MediaInput.Url u) {
            return u.uri().toString();
        }
        MediaInput.Bytes bytes = image.toBytes();
        return "data:" + bytes.mimeType() + ";base64," + bytes.base64();
    }
}
