package dev.videosdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Encodes a {@link VideoJob} as versioned, URL-safe Base64 JSON, and back. */
public final class JobTokens {
    private static final String PREFIX = "vj1.";

    private JobTokens() {
    }

    /** The token for a job. */
    public static String encode(VideoJob job) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("p", job.provider());
        node.put("id", job.id());
        if (job.model() != null) node.put("m", job.model());
        node.put("t", job.submittedAt().toString());
        if (job.keyId() != null) node.put("k", job.keyId());
        if (!job.attributes().isEmpty()) {
            ObjectNode attrs = node.putObject("a");
            job.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> attrs.put(e.getKey(), e.getValue()));
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(node));
    }

    /** The job for a token; an {@link dev.videosdk.InvalidRequestException} (parameter {@code token}) if it is not one. */
    public static VideoJob decode(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw dev.videosdk.InvalidRequestException.local("sdk", "token", "job token must start with " + PREFIX
                    + ", but was " + abbreviate(token));
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
            JsonNode node = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
            Map<String, String> attrs = new LinkedHashMap<>();
            node.path("a").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
            return new VideoJob(node.get("p").asText(), node.get("id").asText(),
                    node.hasNonNull("m") ? node.get("m").asText() : null,
                    Instant.parse(node.get("t").asText()),
                    node.hasNonNull("k") ? node.get("k").asText() : null, attrs);
        } catch (RuntimeException | java.io.IOException e) {
            throw new dev.videosdk.InvalidRequestException("job token is damaged: " + abbreviate(token), "token",
                    dev.videosdk.ErrorContext.local("sdk"), e);
        }
    }

    private static String abbreviate(String token) {
        if (token == null) return "null";
        return token.length() > 24 ? token.substring(0, 24) + "…" : token;
    }
}
