package dev.videosdk.internal.download;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.spi.HttpReply;

/**
 * Code and message of the usual JSON error bodies: {@code {"error":{"message","code"|"type"}}},
 * {@code {"error":"text"}} or {@code {"message","code"}}; both null when the body has neither.
 *
 * @param code    the error code (or type), or null
 * @param message the message, or null
 */
public record ErrorText(String code, String message) {

    /** Reads {@code reply}'s body. */
    public static ErrorText of(HttpReply reply) {
        JsonNode body = reply.jsonIfAny().filter(JsonNode::isObject).orElse(null);
        if (body == null) {
            return new ErrorText(null, null);
        }
        JsonNode error = body.path("error");
        JsonNode src = error.isObject() ? error : body;
        String message = text(src, "message");
        if (message == null && error.isTextual()) {
            message = error.asText();
        }
        String code = text(src, "code");
        return new ErrorText(code != null ? code : text(src, "type"), message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
