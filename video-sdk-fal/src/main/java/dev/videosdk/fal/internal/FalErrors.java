package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps fal's two documented error shapes (fal.md §4) to the error hierarchy:
 * <ul>
 *   <li>model/input errors, {@code {"detail": [{loc, msg, type, …}]}} (or {@code detail} a string):
 *       422/400 become {@link InvalidRequestException} naming the field from {@code loc}; a
 *       {@code type} about content policy becomes {@link ContentPolicyException};</li>
 *   <li>request-level errors, {@code {"detail": "…", "error_type": "…"}} plus the
 *       {@code X-Fal-Error-Type} header: infrastructure failures, {@link ProviderUnavailableException}
 *       (retryable unless {@code X-Fal-Retryable}/{@code X-Fal-Needs-Retry} says false); a 504 with
 *       {@code X-Fal-Request-Timeout-Type: user} (the start deadline the caller set passed) is a
 *       {@link GenerationFailedException} that is not retried.</li>
 * </ul>
 * The request id comes from {@code X-Fal-Request-Id}. Credentials a body echoes are redacted.
 */
final class FalErrors {
    /** What the call was, which decides how an answer is read. */
    enum Call { CREATE, STATUS, RESULT, CANCEL }

    private static final Pattern SECRET = Pattern.compile("(?i)\\b(Key|Bearer)\\s+[A-Za-z0-9._:+/=-]{6,}");

    private final Clock clock;

    FalErrors(Clock clock) {
        this.clock = clock;
    }

    /** The mapper for one kind of call. */
    ErrorMapper forCall(Call call) {
        return reply -> map(reply, call);
    }

    private VideoException map(HttpReply answer, Call call) {
        HttpReply reply = withFalRequestId(answer);
        if (call == Call.CANCEL) {
            String status = reply.jsonIfAny().map(b -> b.path("status").asText("")).orElse("");
            if (status.equals("ALREADY_COMPLETED")) {
                return new FalAnswer(reply, null);
            }
        }
        if (reply.isSuccess()) {
            return null;
        }
        VideoException error = error(reply);
        // a create answered 5xx is the core's "unknown outcome" (JobMayExistException): nothing to add here
        boolean documented = errorType(reply).isPresent() || body(reply).map(b -> b.has("detail")).orElse(false);
        boolean credentials = reply.status() == 401 || reply.status() == 403 || reply.status() == 429;
        if (call == Call.RESULT && documented && !credentials) {
            return new FalAnswer(reply, error); // the job's own failure: the poll reports it as FAILED
        }
        return error;
    }

    /** The typed error for a non-2xx answer. */
    VideoException error(HttpReply reply) {
        Optional<String> type = errorType(reply);
        JsonNode detail = body(reply).map(b -> b.get("detail")).orElse(null);
        if (type.isPresent()) {
            return requestLevel(reply, type.get(), text(detail));
        }
        if (detail != null && detail.isArray() && !detail.isEmpty()) {
            return modelError(reply, detail);
        }
        String text = text(detail);
        return HttpErrors.byStatus(reply, null, clean(text == null ? reply.excerpt() : text), clock.instant());
    }

    private VideoException requestLevel(HttpReply reply, String type, String detail) {
        String message = HttpErrors.describe(reply, type, clean(detail));
        ErrorContext ctx = reply.context(type);
        boolean userTimeout = reply.header("x-fal-request-timeout-type").map("user"::equalsIgnoreCase).orElse(false);
        if (userTimeout) {
            return new GenerationFailedException(message + "; the job did not start before the X-Fal-Request-Timeout"
                    + " the request set, so it is not retried", ctx, false, null);
        }
        if (reply.status() >= 500) {
            return new ProviderUnavailableException(message, ctx, retryHint(reply).orElse(true), null);
        }
        return HttpErrors.byStatus(reply, type, clean(detail), clock.instant());
    }

    private VideoException modelError(HttpReply reply, JsonNode detail) {
        List<String> messages = new ArrayList<>();
        for (JsonNode item : detail) {
            String field = field(item);
            String msg = clean(item.path("msg").asText(item.isTextual() ? item.asText() : ""));
            messages.add(field == null ? msg : field + ": " + msg);
        }
        JsonNode first = detail.get(0);
        String type = first.path("type").asText("");
        String code = type.isEmpty() ? null : type;
        String message = HttpErrors.describe(reply, code, String.join("; ", messages));
        ErrorContext ctx = reply.context(code);
        if (type.toLowerCase(Locale.ROOT).contains("content_policy") || type.toLowerCase(Locale.ROOT).contains("nsfw")) {
            return new ContentPolicyException(message, messages, ctx, null);
        }
        if (reply.status() == 400 || reply.status() == 422) {
            return new InvalidRequestException(message, field(first), ctx, null);
        }
        if (reply.status() >= 500) {
            return new ProviderUnavailableException(message, ctx, retryHint(reply).orElse(true), null);
        }
        return HttpErrors.byStatus(reply, code, String.join("; ", messages), clock.instant());
    }

    /** The field an error names: {@code loc} without its leading {@code body}, joined with dots. */
    private static String field(JsonNode item) {
        JsonNode loc = item.path("loc");
        if (!loc.isArray() || loc.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : loc) {
            parts.add(part.asText());
        }
        if (parts.size() > 1 && parts.get(0).equals("body")) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    /** The failure a webhook reports: {@code error} text and the {@code payload} with fal's error body. */
    VideoException fromWebhook(HttpReply pseudoReply, String error) {
        VideoException mapped = pseudoReply.status() >= 400 ? error(pseudoReply) : null;
        if (mapped != null) {
            return mapped;
        }
        return new GenerationFailedException("fal reported the job failed: " + clean(error), pseudoReply.context(null),
                false, null);
    }

    private static Optional<String> errorType(HttpReply reply) {
        Optional<String> header = reply.header("x-fal-error-type").filter(s -> !s.isBlank());
        return header.isPresent() ? header
                : body(reply).map(b -> b.path("error_type").asText("")).filter(s -> !s.isBlank());
    }

    private static Optional<Boolean> retryHint(HttpReply reply) {
        return reply.header("x-fal-retryable").or(() -> reply.header("x-fal-needs-retry"))
                .map(v -> v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
    }

    private static Optional<JsonNode> body(HttpReply reply) {
        return reply.jsonIfAny().filter(JsonNode::isObject);
    }

    private static String text(JsonNode detail) {
        return detail == null || detail.isNull() ? null : detail.isTextual() ? detail.asText() : detail.toString();
    }

    /** Removes {@code Key …}/{@code Bearer …} credentials a body may echo. */
    static String clean(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("$1 ***");
    }

    /** The answer with the request id from {@code X-Fal-Request-Id} when the transport did not find one. */
    static HttpReply withFalRequestId(HttpReply reply) {
        Optional<String> id = reply.header("x-fal-request-id");
        return id.isPresent() && !id.get().equals(reply.requestId()) ? reply.withRequestId(id.get()) : reply;
    }
}
