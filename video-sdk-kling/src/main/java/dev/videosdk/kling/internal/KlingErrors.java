package dev.videosdk.kling.internal;

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
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Maps Kling answers to the error hierarchy by the body's business {@code code}, not only the HTTP
 * status: Kling answers HTTP 429 both for retryable throttling (1302, 1303) and for fatal account
 * problems (1100–1102, 1304), and may answer errors with HTTP 200. The body's {@code request_id} is
 * put on every error.
 */
final class KlingErrors {
    /** Shortest wait before retrying after 1302/1303 (Kling: "exponential backoff, first delay ≥ 1 s"). */
    static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    private final KlingAuth auth;
    private final Clock clock;

    KlingErrors(KlingAuth auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    /** The mapper for a create call whose body carries {@code externalTaskId}. */
    ErrorMapper forCreate(String externalTaskId) {
        return reply -> map(reply, Objects.requireNonNull(externalTaskId, "externalTaskId"));
    }

    /** The mapper for a status call. */
    ErrorMapper forQuery() {
        return reply -> map(reply, null);
    }

    /**
     * True for answers documented (or, for 5001 maintenance, reasoned in ADR 0201) to mean "no task
     * was created": rate (1302) and concurrency (1303) limits, maintenance (5001), and a token that
     * expired while cached and was re-minted (1004). Safe to repeat the create call.
     */
    static boolean notAccepted(VideoException e) {
        String code = e.errorCode().orElse("");
        return switch (code) {
            case "1302", "1303", "5001" -> true;
            case "1003", "1004" -> e.isRetryable();
            default -> false;
        };
    }

    private VideoException map(HttpReply reply, String externalTaskId) {
        JsonNode body = reply.jsonIfAny().filter(JsonNode::isObject).orElse(null);
        Integer code = body == null ? null : code(body.get("code"));
        if (code == null || code == 0) {
            return reply.isSuccess() ? null : HttpErrors.byStatus(reply, null, null, clock.instant());
        }
        String message = text(body, "message");
        String requestId = text(body, "request_id");
        HttpReply r = requestId == null || requestId.equals(reply.requestId()) ? reply
                : new HttpReply(reply.provider(), reply.uri(), reply.status(), reply.headers(), reply.body(), requestId,
                reply.credentialId());
        String codeText = Integer.toString(code);
        String text = HttpErrors.describe(r, codeText, message);
        ErrorContext ctx = r.context(codeText);
        boolean create = externalTaskId != null;
        if (code == 1003 || code == 1004) {
            boolean reMinted = auth.tokenRejected(reply.credentialId());
            String hint = code == 1003
                    ? "; the token is not valid yet, so this host's clock is probably ahead of Kling's (check NTP)"
                    : reMinted ? "; the SDK minted a new token for the next try" : "; check this host's clock";
            return new RejectedTokenException(text + hint, ctx, reMinted);
        }
        if (code >= 1000 && code <= 1099) {
            return new AuthenticationException(text + "; check KLING_ACCESS_KEY / KLING_SECRET_KEY (or KLING_API_KEY)",
                    ctx, null);
        }
        if (code >= 1100 && code <= 1102) {
            return new QuotaExceededException(text, ctx, null);
        }
        if (code == 1103 || code == 1304) {
            return new PermissionDeniedException(text, ctx, null);
        }
        if (code == 1203 && !create) {
            return new NotFoundException(text, ctx, null);
        }
        if (code >= 1200 && code <= 1299) {
            String parameter = KlingParameterNames.inMessage(message).orElse(code == 1203 ? "model" : null);
            return new InvalidRequestException(text, parameter, ctx, null);
        }
        if (code == 1300 || code == 1301) {
            return new ContentPolicyException(text, message == null ? List.of() : List.of(message), ctx, null);
        }
        if (code == 1302 || code == 1303) {
            Duration wait = reply.retryAfter(clock.instant()).filter(d -> d.compareTo(MIN_RATE_LIMIT_WAIT) > 0)
                    .orElse(MIN_RATE_LIMIT_WAIT);
            return new RateLimitException(text, ctx, wait, null);
        }
        if (code >= 5000 && code <= 5099) {
            if (create && code != 5001) {
                return new ProviderUnavailableException(text + "; the task may have been created, so the SDK did not"
                        + " repeat the call (that could pay twice); look it up by external_task_id " + externalTaskId,
                        ctx, false, null);
            }
            return new ProviderUnavailableException(text, ctx, null);
        }
        return HttpErrors.byStatus(r, codeText, message, clock.instant());
    }

    private static Integer code(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /**
     * Kling refused the token as expired (1004) or not yet valid (1003). Retryable only when the SDK
     * minted a new token that may succeed; a token that was fresh when refused points to a wrong
     * clock, and repeating would fail the same way.
     */
    static final class RejectedTokenException extends AuthenticationException {
        private static final long serialVersionUID = 1L;

        private final boolean reMinted;

        RejectedTokenException(String message, ErrorContext context, boolean reMinted) {
            super(message, context, null);
            this.reMinted = reMinted;
        }

        @Override
        public boolean isRetryable() {
            return reMinted;
        }
    }
}
