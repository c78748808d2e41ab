package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoException;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Runway's HTTP answers (docs "Errors", {@code shared/providers/runway.md} §5) to the error
 * hierarchy. The body is {@code {"error": "<text>"}}, sometimes with per-field {@code issues}
 * ({@code [{path, message}]}); an {@code error} object ({@code {message, code}}) is read too.
 * <ul>
 *   <li>400 invalid request, naming the SDK parameter when the body names the field; out of credits
 *       (the message says so) is a quota error.</li>
 *   <li>401 authentication, 403 permission, 404 not found, 405/409/422 invalid request.</li>
 *   <li>429 rate limit with {@code Retry-After}; the daily generation cap ("daily" in the message) is
 *       a quota error, which waiting seconds does not fix.</li>
 *   <li>5xx: the usual unavailable error. On a create call the core reads it as "a task may exist"
 *       (Runway documents no "not accepted" 5xx and has no idempotency key; ADR 0701).</li>
 * </ul>
 */
final class RunwayErrors {
    /** Wire field to SDK parameter. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("promptText", "prompt"),
            Map.entry("promptImage", "images"),
            Map.entry("ratio", "aspectRatio"),
            Map.entry("duration", "duration"),
            Map.entry("seed", "seed"),
            Map.entry("model", "model"),
            Map.entry("videoUri", "referenceVideo"),
            Map.entry("promptVideo", "referenceVideo"),
            Map.entry("references", "referenceImages"),
            Map.entry("negativePrompt", "negativePrompt"),
            Map.entry("contentModeration", "contentModeration"),
            Map.entry("outputFormat", "outputFormat"),
            Map.entry("keyframes", "keyframes"),
            Map.entry("targetAspectRatio", "aspectRatio"));
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern KEYS = Pattern.compile("key_[A-Za-z0-9]{8,}");
    private static final Pattern SECRETS = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=*-]+");
    private static final List<String> OUT_OF_CREDITS = List.of("enough credits", "insufficient credits",
            "out of credits", "credit balance");

    private final Clock clock;

    RunwayErrors(Clock clock) {
        this.clock = clock;
    }

    /** The mapper for every call to Runway's API. */
    ErrorMapper mapper() {
        return this::map;
    }

    VideoException map(HttpReply reply) {
        if (reply.isSuccess()) {
            return null;
        }
        JsonNode body = reply.jsonIfAny().filter(JsonNode::isObject).orElse(null);
        String message = message(body);
        String code = body == null ? null : text(body.path("error").path("code"));
        int status = reply.status();
        String text = redact(HttpErrors.describe(reply, code, message));
        ErrorContext ctx = reply.context(code);
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (status == 400 && OUT_OF_CREDITS.stream().anyMatch(lower::contains)) {
            return new QuotaExceededException(text + "; add credits to the Runway organization", ctx, null);
        }
        if (status == 400 || status == 405 || status == 409 || status == 422) {
            return new InvalidRequestException(text, parameter(body, message).orElse(null), ctx, null);
        }
        if (status == 401) {
            return new AuthenticationException(text + "; check RUNWAY_API_KEY (keys start with key_) and that the base"
                    + " URL is https://api.dev.runwayml.com", ctx, null);
        }
        if (status == 429 && lower.contains("daily")) {
            return new QuotaExceededException(text + "; the organization reached its daily generation limit"
                    + " (rolling 24 h)", ctx, null);
        }
        if (status == 429) {
            return new RateLimitException(text, ctx, reply.retryAfter(clock.instant()).orElse(null), null);
        }
        return HttpErrors.byStatus(reply, code, redact(message == null ? reply.excerpt() : message), clock.instant());
    }

    /**
     * The text with Runway keys ({@code key_} + hex) and bearer tokens masked, for bodies that echo a
     * credential (until core redacts every quoted body, LIFECYCLE §8).
     */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        return SECRETS.matcher(KEYS.matcher(text).replaceAll("key_***")).replaceAll("Bearer ***");
    }

    private static String message(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode error = body.path("error");
        String message = error.isTextual() ? text(error) : text(error.path("message"));
        if (message == null) {
            message = text(body.path("message"));
        }
        JsonNode issues = body.path("issues");
        if (issues.isArray() && !issues.isEmpty()) {
            StringBuilder sb = new StringBuilder(message == null ? "invalid request" : message);
            for (JsonNode issue : issues) {
                sb.append("; ").append(path(issue)).append(": ").append(issue.path("message").asText(""));
            }
            message = sb.toString();
        }
        return message;
    }

    /** The SDK parameter named by the first issue's path, else by the first field word of the message. */
    static Optional<String> parameter(JsonNode body, String message) {
        JsonNode issues = body == null ? null : body.path("issues");
        if (issues != null && issues.isArray()) {
            for (JsonNode issue : issues) {
                Optional<String> named = sdkName(path(issue));
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        if (message != null) {
            Matcher m = WORD.matcher(message);
            while (m.find()) {
                Optional<String> named = sdkName(m.group());
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sdkName(String wire) {
        if (wire == null || wire.isEmpty()) {
            return Optional.empty();
        }
        String head = wire.split("[.\\[]", 2)[0];
        return Optional.ofNullable(FIELDS.get(head));
    }

    private static String path(JsonNode issue) {
        JsonNode path = issue.path("path");
        if (path.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : path) {
                sb.append(sb.length() == 0 ? "" : ".").append(part.asText());
            }
            return sb.toString();
        }
        return path.asText("");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
    }
}
