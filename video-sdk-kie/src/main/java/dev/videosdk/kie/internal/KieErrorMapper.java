package dev.videosdk.kie.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.NotFoundException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoException;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps Kie answers to errors. Kie reports errors in the envelope {@code {"code": ..., "msg": ...}},
 * often with HTTP 200, and sometimes as a real HTTP status: an answer succeeds only when the HTTP
 * status is 2xx <em>and</em> the envelope code (if any) is 200. The envelope code wins over the HTTP
 * status; statuses Kie does not document (e.g. a Cloudflare 403) fall back to {@link HttpErrors}.
 */
final class KieErrorMapper implements ErrorMapper {
    /** Kie drops (does not queue) requests over its 20-per-10-seconds limit: wait the whole window. */
    static final Duration DROPPED_REQUEST_WAIT = Duration.ofSeconds(10);

    private static final Pattern POLICY = Pattern.compile(
            "flagged|content polic|violat|unsafe|sensitive|prohibited|nsfw|inappropriate", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_FETCH = Pattern.compile(
            "image.*(fetch|download|access|obtain|load)|(fetch|download|access|obtain|load).*image", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH_ONLY = Pattern.compile("english", Pattern.CASE_INSENSITIVE);

    private final String provider;
    private final Clock clock;

    KieErrorMapper(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public VideoException map(HttpReply reply) {
        Optional<JsonNode> json = reply.jsonIfAny();
        Integer code = json.flatMap(KieErrorMapper::envelopeCode).orElse(null);
        String message = json.map(KieErrorMapper::envelopeMessage).orElse(null);
        boolean codeSaysError = code != null && code != 200;
        if (reply.isSuccess() && !codeSaysError) {
            return null;
        }
        int effective = codeSaysError ? code : reply.status();
        return byKieCode(reply, effective, message);
    }

    /** True for an error Kie documents as "the request was not accepted" on a create call (455 maintenance, 505 feature disabled). */
    static boolean notAccepted(VideoException e) {
        String code = e.errorCode().orElse("");
        return code.equals("455") || code.equals("505"); // maintenance; feature disabled: nothing was started
    }

    private VideoException byKieCode(HttpReply reply, int code, String message) {
        String codeText = String.valueOf(code);
        ErrorContext ctx = reply.context(codeText);
        String text = HttpErrors.describe(reply, codeText, message);
        String msg = message == null ? "" : message;
        switch (code) {
            case 400:
                if (POLICY.matcher(msg).find()) {
                    return new ContentPolicyException(text, List.of(msg), ctx, null);
                }
                return new InvalidRequestException(text, parameterFor(msg), ctx, null);
            case 401:
                return new AuthenticationException(text + "; check KIE_API_KEY", ctx, null);
            case 402:
                return new QuotaExceededException(text + " (insufficient Kie credits)", ctx, null);
            case 404:
                return new NotFoundException(text, ctx, null);
            case 422:
                return unprocessable(text, msg, ctx);
            case 429:
                Duration wait = reply.retryAfter(clock.instant()).orElse(DROPPED_REQUEST_WAIT);
                return new RateLimitException(text + " (request dropped, not queued)", ctx, wait, null);
            case 433:
                return new QuotaExceededException(text + " (the API key's daily usage cap)", ctx, null);
            case 451:
                return new InvalidRequestException(text + "; Kie could not fetch an input image, check that its URL is public",
                        "images", ctx, null);
            case 455:
                return new ProviderUnavailableException(text + " (Kie maintenance)", ctx, null);
            case 500:
                return new ProviderUnavailableException(text, ctx, null);
            case 501:
                return new GenerationFailedException(text, ctx, false, null);
            case 505:
                return new ProviderUnavailableException(text + " (feature disabled at Kie)", ctx, false, null);
            default:
                return undocumented(reply, code, text, ctx, message);
        }
    }

    private static VideoException unprocessable(String text, String msg, ErrorContext ctx) {
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("is null") || lower.contains("not exist") && lower.contains("record")) {
            return new NotFoundException(text, ctx, null);
        }
        if (lower.contains("14 days")) {
            return new JobExpiredException(text + " (Kie keeps records for 14 days)", ctx);
        }
        if (lower.contains("not published") || lower.contains("page does not exist")) {
            return new InvalidRequestException(text + "; the model id is unknown to Kie's market", "model", ctx, null);
        }
        return new InvalidRequestException(text, parameterFor(msg), ctx, null);
    }

    private VideoException undocumented(HttpReply reply, int code, String text, ErrorContext ctx, String message) {
        if (!reply.isSuccess()) {
            return HttpErrors.byStatus(reply, String.valueOf(code), message, clock.instant());
        }
        if (code >= 500) {
            return new ProviderUnavailableException(text, ctx, null);
        }
        if (code >= 400) {
            return new InvalidRequestException(text, null, ctx, null);
        }
        return new ProtocolException(text, ctx, null);
    }

    private static String parameterFor(String msg) {
        if (IMAGE_FETCH.matcher(msg).find()) {
            return "images";
        }
        if (ENGLISH_ONLY.matcher(msg).find()) {
            return "prompt";
        }
        return null;
    }

    /**
     * The error for a task that ran and failed, from its failure code ({@code errorCode} or
     * {@code failCode}, may be null) and message: content policy when the message says so, a
     * retryable generation failure for 500 (internal error or timeout), else a final one.
     */
    static VideoException taskFailure(String provider, String taskId, String code, String message, ErrorContext ctx) {
        String msg = message == null || message.isBlank() ? "no reason given" : message;
        String text = provider + " task " + taskId + " failed: " + msg + (code == null ? "" : " (code " + code + ")");
        if (POLICY.matcher(msg).find()) {
            return new ContentPolicyException(text, List.of(msg), ctx, null);
        }
        if ("400".equals(code) && IMAGE_FETCH.matcher(msg).find()) {
            return new InvalidRequestException(text, "images", ctx, null);
        }
        if ("400".equals(code) && ENGLISH_ONLY.matcher(msg).find()) {
            return new InvalidRequestException(text, "prompt", ctx, null);
        }
        return new GenerationFailedException(text, ctx, "500".equals(code), null);
    }

    /** The envelope {@code code} as a number (JSON number or numeric text), if present. */
    static Optional<Integer> envelopeCode(JsonNode envelope) {
        JsonNode code = envelope.path("code");
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return Optional.of(code.intValue());
        }
        if (code.isTextual() && code.textValue().trim().matches("\\d{1,6}")) {
            return Optional.of(Integer.parseInt(code.textValue().trim()));
        }
        return Optional.empty();
    }

    /** The envelope text: {@code msg}, else {@code message} (the recordInfo doc example's spelling). */
    static String envelopeMessage(JsonNode envelope) {
        for (String field : List.of("msg", "message")) {
            JsonNode m = envelope.path(field);
            if (m.isValueNode() && !m.isNull() && !m.asText().isBlank()) {
                return m.asText();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "KieErrorMapper[" + provider + "]";
    }
}
