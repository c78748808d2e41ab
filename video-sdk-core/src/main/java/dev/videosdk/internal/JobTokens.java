package dev.videosdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
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
        String keyId = ProviderData.keyId(job);
        if (keyId != null) node.put("k", keyId);
        Map<String, String> attributes = ProviderData.attributes(job);
        if (!attributes.isEmpty()) {
            ObjectNode attrs = node.putObject("a");
            attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> attrs.put(e.getKey(), e.getValue()));
        }
        if (job.estimatedCost() != null) {
            ObjectNode cost = node.putObject("c");
            cost.put("a", job.estimatedCost().amount().toPlainString());
            cost.put("u", job.estimatedCost().unit());
            if (job.estimatedCost().usdPerUnit() != null) cost.put("r", job.estimatedCost().usdPerUnit().toPlainString());
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
            VideoJob job = VideoJob.builder().provider(node.get("p").asText()).id(node.get("id").asText())
                    .model(node.hasNonNull("m") ? node.get("m").asText() : null)
                    .submittedAt(Instant.parse(node.get("t").asText())).estimatedCost(cost(node.path("c"))).build();
            return ProviderData.withAttributes(ProviderData.withKeyId(job, node.hasNonNull("k") ? node.get("k").asText() : null),
                    attrs);
        } catch (RuntimeException | java.io.IOException e) {
            throw new dev.videosdk.InvalidRequestException("job token is damaged: " + abbreviate(token), "token",
                    dev.videosdk.ErrorContext.local("sdk"), e);
        }
    }

    private static dev.videosdk.Cost cost(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        return new dev.videosdk.Cost(new java.math.BigDecimal(c.get("a").asText()), c.get("u").asText(),
                c.hasNonNull("r") ? new java.math.BigDecimal(c.get("r").asText()) : null);
    }

    private static String abbreviate(String token) {
        if (token == null) return "null";
        return token.length() > 24 ? token.substring(0, 24) + "…" : token;
    }
}
