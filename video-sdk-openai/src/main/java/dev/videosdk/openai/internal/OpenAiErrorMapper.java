package dev.videosdk.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoException;
import dev.videosdk.openai.OpenAiModelRetiredException;
import dev.videosdk.openai.OpenAiModels;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps answers of the {@code /v1/videos} API (and of the Chat Completions API, for the refiner) to
 * the SDK's errors: the envelope {@code {"error":{"message","type","param","code"}}} by HTTP status,
 * refined by {@code code}; gateways that answer an error with HTTP 200 are mapped by
 * {@code type}/{@code code}; {@code x-should-retry} overrides retryability.
 */
public final class OpenAiErrorMapper {
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "insufficient_user_quota",
            "billing_hard_limit_reached", "quota_exceeded", "billing_not_active");
    private static final Set<String> POLICY_CODES = Set.of("moderation_blocked", "content_policy_violation",
            "content_filter", "safety_violation", "sensitive_words_detected", "input_moderation", "output_moderation");

    private final String provider;
    private final boolean openAiHost;
    private final Clock clock;

    /** A mapper for answers of {@code provider} (the provider id, or a label such as {@code openai-refiner}). */
    public OpenAiErrorMapper(String provider, boolean openAiHost, Clock clock) {
        this.provider = provider;
        this.openAiHost = openAiHost;
        this.clock = clock;
    }

    /**
     * The mapper for one call.
     *
     * @param model  the model the call is about, or null
     * @param create true for a create call (a 404 there means the endpoint is gone)
     */
    public ErrorMapper forCall(String model, boolean create) {
        return reply -> map(reply, model, create);
    }

    /** The error this answer means, or null. */
    VideoException map(HttpReply reply, String model, boolean create) {
        Optional<JsonNode> body = reply.jsonIfAny();
        JsonNode error = body.map(b -> b.path("error")).filter(JsonNode::isObject).orElse(null);
        if (reply.isSuccess()) {
            boolean isVideoObject = body.map(b -> b.has("status") || "video".equals(b.path("object").asText())).orElse(false);
            return error == null || isVideoObject ? null : mapSuccessWithError(reply, error, model, create);
        }
        String code = error == null ? null : text(error, "code");
        String type = error == null ? null : text(error, "type");
        String message = error == null ? body.map(b -> text(b, "message")).orElse(null) : text(error, "message");
        String param = error == null ? null : text(error, "param");
        VideoException mapped = classify(reply, reply.status(), code, type, message, param, model, create);
        return applyShouldRetry(reply, mapped, code, message);
    }

    private VideoException mapSuccessWithError(HttpReply reply, JsonNode error, String model, boolean create) {
        String code = text(error, "code");
        String type = text(error, "type");
        String message = text(error, "message");
        int effective = switch (type == null ? "" : type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error", "permission_denied" -> 403;
            case "not_found_error" -> 404;
            case "rate_limit_error", "rate_limit_exceeded", "requests" -> 429;
            default -> 500;
        };
        if ("model_not_found".equals(code)) {
            effective = 404;
        }
        return classify(reply, effective, code, type, message, text(error, "param"), model, create);
    }

    private VideoException classify(HttpReply reply, int status, String code, String type, String message, String param,
                                    String model, boolean create) {
        String text = HttpErrors.describe(reply, code, message);
        ErrorContext ctx = reply.context(code);
        if (isQuota(code, type)) {
            return new QuotaExceededException(text, ctx, null);
        }
        if (isPolicy(code, type, message)) {
            return new ContentPolicyException(text, message == null ? List.of() : List.of(message), ctx, null);
        }
        if (isRetired(status, code, model, create)) {
            return new OpenAiModelRetiredException("OpenAI shut the Videos API and its Sora 2 models down on "
                    + OpenAiModels.SHUTDOWN_DATE + " (" + text + "). Use another provider (e.g. veo, kling or kie), or set "
                    + "OPENAI_BASE_URL to a gateway that serves the /v1/videos format with a model it offers", ctx);
        }
        if ("model_not_found".equals(code) && status == 503) {
            return new ProviderUnavailableException(text + "; the gateway has no channel for "
                    + (model == null ? "this model" : "model " + model) + " right now", ctx, null);
        }
        if ("model_not_found".equals(code) || status == 404) {
            return new NotFoundException(text, ctx, null);
        }
        if (reply.isSuccess()) {
            return successStatusError(reply, status, text, ctx, param);
        }
        if (status == 409) {
            return new ProviderUnavailableException(text, ctx, null);
        }
        if (status == 400 || status == 422) {
            return new InvalidRequestException(text, param, ctx, null);
        }
        return HttpErrors.byStatus(reply, code, message, clock.instant());
    }

    /** Errors sent with HTTP 2xx, classified by the status their type stands for. */
    private VideoException successStatusError(HttpReply reply, int status, String text, ErrorContext ctx, String param) {
        return switch (status) {
            case 400 -> new InvalidRequestException(text, param, ctx, null);
            case 401 -> new AuthenticationException(text, ctx, null);
            case 403 -> new PermissionDeniedException(text, ctx, null);
            case 429 -> new RateLimitException(text, ctx, reply.retryAfter(clock.instant()).orElse(null), null);
            default -> new ProviderUnavailableException(text, ctx, null);
        };
    }

    private boolean isRetired(int status, String code, String model, boolean create) {
        if (!openAiHost) {
            return false;
        }
        boolean soraOrUnknown = model == null || OpenAiModels.isSora(model);
        return status == 410
                || (create && status == 404)
                || ("model_not_found".equals(code) && soraOrUnknown && (status == 400 || status == 404));
    }

    static boolean isQuota(String code, String type) {
        return (code != null && QUOTA_CODES.contains(code)) || "insufficient_quota".equals(type);
    }

    /** True for moderation / content-policy codes and messages (several codes are unconfirmed). */
    static boolean isPolicy(String code, String type, String message) {
        if (code != null && POLICY_CODES.contains(code.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (type != null && type.toLowerCase(Locale.ROOT).contains("moderation")) {
            return true;
        }
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("moderation system") || m.contains("content policy") || m.contains("safety system");
    }

    private static VideoException applyShouldRetry(HttpReply reply, VideoException error, String code, String message) {
        Optional<String> header = reply.header("x-should-retry");
        if (header.isEmpty() || !(error instanceof ProviderUnavailableException)) {
            return error;
        }
        boolean shouldRetry = "true".equalsIgnoreCase(header.get().trim());
        if (shouldRetry == error.isRetryable()) {
            return error;
        }
        String text = HttpErrors.describe(reply, code, message) + " (x-should-retry: " + header.get().trim() + ")";
        return new ProviderUnavailableException(text, reply.context(code), shouldRetry, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
