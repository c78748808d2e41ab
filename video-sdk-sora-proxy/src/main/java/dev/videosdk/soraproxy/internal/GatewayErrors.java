package dev.videosdk.soraproxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoException;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Gateway errors: the OpenAI envelope {@code {"error":{"message","type","code"}}} on an HTTP
 * answer (also on HTTP 200 in non-streaming mode), the same object inside the stream, and failure
 * text in the assistant's content.
 */
final class GatewayErrors implements ErrorMapper {
    private final String provider;
    private final Clock clock;

    GatewayErrors(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public VideoException map(HttpReply reply) {
        JsonNode error = reply.jsonIfAny().map(j -> j.get("error")).filter(e -> !e.isNull()).orElse(null);
        if (reply.isSuccess()) {
            return error == null ? null : inStream(error, reply.requestId());
        }
        String code = field(error, "code");
        String message = error != null && error.isTextual() ? error.asText() : field(error, "message");
        String text = HttpErrors.describe(reply, code, message);
        if (isQuota(code, message)) {
            return new QuotaExceededException(text, reply.context(code), null);
        }
        if (isContentPolicy(code, message)) {
            return new ContentPolicyException(text, List.of(message == null ? reply.excerpt() : message), reply.context(code), null);
        }
        return HttpErrors.byStatus(reply, code, message, clock.instant());
    }

    /** The error a {@code data:} object with a top-level {@code error} means (HTTP 200 already sent). */
    VideoException inStream(JsonNode error, String requestId) {
        String code = field(error, "code");
        String message = error.isTextual() ? error.asText() : field(error, "message");
        if (message == null) {
            message = error.toString();
        }
        ErrorContext ctx = ErrorContext.of(provider, 200, code, requestId);
        String text = provider + " reported an error inside the stream: " + message + (code == null ? "" : " (code " + code + ")");
        return classify(text, code, message, ctx);
    }

    /** The error failure text in the assistant's answer means ({@code ❌ ...}, a content-policy notice). */
    VideoException fromText(String failureLine, boolean contentPolicy, boolean overloaded, String requestId) {
        ErrorContext ctx = ErrorContext.of(provider, 200, null, requestId);
        String reason = failureLine != null ? failureLine : contentPolicy ? "Content Policy Violation" : "under heavy load";
        String text = provider + " reported a failed generation: " + reason;
        if (contentPolicy) {
            return new ContentPolicyException(text, List.of(reason), ctx, null);
        }
        return classify(text, null, overloaded ? "under heavy load" : reason, ctx);
    }

    private static VideoException classify(String text, String code, String message, ErrorContext ctx) {
        if (isQuota(code, message)) {
            return new QuotaExceededException(text, ctx, null);
        }
        if (isContentPolicy(code, message)) {
            return new ContentPolicyException(text, List.of(message), ctx, null);
        }
        if (message != null && message.toLowerCase(Locale.ROOT).contains("under heavy load")) {
            return new ProviderUnavailableException(text, ctx, null);
        }
        return new GenerationFailedException(text, ctx, false, null);
    }

    private static boolean isQuota(String code, String message) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return c.contains("quota") || (message != null && message.toLowerCase(Locale.ROOT).contains("insufficient_quota"));
    }

    private static boolean isContentPolicy(String code, String message) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return c.contains("content_policy") || c.contains("moderation") || m.contains("content policy")
                || m.contains("moderation system");
    }

    private static String field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
