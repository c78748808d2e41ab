package dev.videosdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.videosdk.ErrorContext;
import dev.videosdk.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The SDK's one JSON mapper: tolerant of unknown fields, never failing on provider additions. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final int EXCERPT = 200;

    private Json() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON or throws a {@link ProtocolException} with an excerpt of the text. */
    public static JsonNode parse(byte[] body, ErrorContext context) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProtocolException(context.provider() + " sent an empty body where JSON was expected", context, null);
            }
            return node;
        } catch (IOException e) {
            throw new ProtocolException(context.provider() + " sent a body that is not JSON: " + excerpt(body), context, e);
        }
    }

    /** Parses JSON if the body is JSON. */
    public static Optional<JsonNode> tryParse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Serialises a value to UTF-8 JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + value.getClass().getName(), e);
        }
    }

    /** A one-line excerpt of a body, at most 200 characters, for error messages. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }
}
