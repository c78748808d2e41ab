package dev.videosdk.veo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import java.time.Duration;
import dev.videosdk.VideoException;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Google's error envelope ({@code {"error": {"code", "message", "status", "details"}}}) mapped to
 * the SDK's errors, for HTTP answers and for the {@code error} of a finished operation
 * ({@code google.rpc.Status} with a numeric canonical code).
 */
final class GoogleErrors {
    /** Parameters Google names in INVALID_ARGUMENT messages, in the order they are looked for. */
    private static final List<String> PARAMETERS = List.of("personGeneration", "durationSeconds", "aspectRatio",
            "resolution", "referenceImages", "lastFrame", "negativePrompt", "sampleCount", "numberOfVideos", "seed",
            "enhancePrompt", "generateAudio", "storageUri", "video", "image", "prompt");

    private final String provider;
    private final Clock clock;

    GoogleErrors(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** The error for an HTTP answer, or null for a success. */
    VideoException map(HttpReply reply) {
        if (reply.isSuccess()) {
            return null;
        }
        JsonNode error = reply.jsonIfAny().map(j -> j.path("error")).orElse(MissingNode.getInstance());
        String status = text(error, "status");
        String message = text(error, "message");
        String reason = reason(error);
        String code = status != null ? status : reason;
        String described = HttpErrors.describe(reply, code, message);
        ErrorContext ctx = reply.context(code);
        if ("API_KEY_INVALID".equals(reason) || "UNAUTHENTICATED".equals(status)) {
            return new AuthenticationException(described + "; check GEMINI_API_KEY (or the Vertex AI access token)", ctx, null);
        }
        if ("FAILED_PRECONDITION".equals(status) && contains(message, "billing")) {
            return new QuotaExceededException(described, ctx, null);
        }
        if (reply.status() == 429 || "RESOURCE_EXHAUSTED".equals(status)) {
            // google.rpc error details (AIP-193): a per-day QuotaFailure will not clear soon (no retry; another key
            // or provider may serve); otherwise RetryInfo.retryDelay is the wait when no Retry-After header is sent
            String dailyQuota = dailyQuotaId(error);
            if (dailyQuota != null) {
                return new QuotaExceededException(described + " (daily quota " + dailyQuota + ")", ctx, null);
            }
            Duration wait = reply.retryAfter(clock.instant()).orElse(retryDelay(error));
            return new RateLimitException(described, ctx, wait, null);
        }
        if (reply.status() == 400 && message != null) {
            if (isContentRefusal(message)) {
                return new ContentPolicyException(described, List.of(message), ctx, null);
            }
            return new InvalidRequestException(described, parameterIn(message), ctx, null);
        }
        return HttpErrors.byStatus(reply, code, message, clock.instant());
    }

    /** The error a finished operation reports ({@code google.rpc.Status}). */
    VideoException operationError(JsonNode error, String operation) {
        int code = error.path("code").asInt(2);
        String name = canonicalName(code);
        String message = text(error, "message");
        String text = provider + " operation " + operation + " failed: " + (message == null ? "no message" : message)
                + " (code " + code + " " + name + ")";
        ErrorContext ctx = ErrorContext.of(provider, 0, name, null);
        if (message != null && isContentRefusal(message)) {
            return new ContentPolicyException(text, List.of(message), ctx, null);
        }
        return switch (code) {
            case 3, 11 -> new InvalidRequestException(text, message == null ? null : parameterIn(message), ctx, null);
            case 7 -> new PermissionDeniedException(text, ctx, null);
            case 16 -> new AuthenticationException(text, ctx, null);
            case 4, 8, 10, 13, 14 -> new GenerationFailedException(text, ctx, true, null);
            default -> new GenerationFailedException(text, ctx, false, null);
        };
    }

    /** The canonical name of a {@code google.rpc.Code}. */
    static String canonicalName(int code) {
        return switch (code) {
            case 0 -> "OK";
            case 1 -> "CANCELLED";
            case 2 -> "UNKNOWN";
            case 3 -> "INVALID_ARGUMENT";
            case 4 -> "DEADLINE_EXCEEDED";
            case 5 -> "NOT_FOUND";
            case 6 -> "ALREADY_EXISTS";
            case 7 -> "PERMISSION_DENIED";
            case 8 -> "RESOURCE_EXHAUSTED";
            case 9 -> "FAILED_PRECONDITION";
            case 10 -> "ABORTED";
            case 11 -> "OUT_OF_RANGE";
            case 12 -> "UNIMPLEMENTED";
            case 13 -> "INTERNAL";
            case 14 -> "UNAVAILABLE";
            case 15 -> "DATA_LOSS";
            case 16 -> "UNAUTHENTICATED";
            default -> "CODE_" + code;
        };
    }

    /** Google words prompt and input refusals this way (Responsible AI filters, usage guidelines). */
    static boolean isContentRefusal(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("usage guidelines") || m.contains("responsible ai") || m.contains("safety")
                || m.contains("blocked") || m.contains("sensitive words");
    }

    private static String parameterIn(String message) {
        return PARAMETERS.stream().filter(message::contains).findFirst().orElse(null);
    }

    /** The {@code quotaId} of a {@code google.rpc.QuotaFailure} violation counted per day, or null. */
    static String dailyQuotaId(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            if (text(d, "@type") != null && text(d, "@type").endsWith("google.rpc.QuotaFailure")) {
                for (JsonNode v : d.path("violations")) {
                    String id = text(v, "quotaId");
                    if (id != null && id.contains("PerDay")) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    /** {@code google.rpc.RetryInfo.retryDelay} (a protobuf Duration such as {@code "37s"} or {@code "1.5s"}), or null. */
    static Duration retryDelay(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            String type = text(d, "@type");
            String delay = text(d, "retryDelay");
            if (type != null && type.endsWith("google.rpc.RetryInfo") && delay != null && delay.endsWith("s")) {
                try {
                    return Duration.ofMillis(Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String reason(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            String r = text(d, "reason");
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static boolean contains(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
