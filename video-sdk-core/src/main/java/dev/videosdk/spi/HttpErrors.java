package dev.videosdk.spi;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoException;
import dev.videosdk.internal.download.ErrorText;
import java.time.Instant;

/** The usual mapping from HTTP status to the error hierarchy, for providers to build on. */
public final class HttpErrors {
    private HttpErrors() {
    }

    /**
     * The error for a non-2xx answer by status alone: 400/409/422 invalid request, 401
     * authentication, 402 quota, 403 permission, 404 not found, 408/5xx unavailable, 429 rate limit,
     * other 4xx invalid request.
     *
     * @param code    the provider's error code, or null
     * @param message the provider's message, or null (then an excerpt of the body is used)
     * @param now     the current time, to read an HTTP-date {@code Retry-After}
     */
    public static VideoException byStatus(HttpReply reply, String code, String message, Instant now) {
        return byStatus(reply, reply.status(), code, message, now);
    }

    /**
     * The same mapping for an explicit status, for providers that put an HTTP-like status code in the
     * body of an HTTP 200 answer (e.g. Kie's {@code code: 402}).
     */
    public static VideoException byStatus(HttpReply reply, int status, String code, String message, Instant now) {
        String text = describe(reply, code, message);
        ErrorContext ctx = reply.context(code);
        int s = status;
        if (s == 401) return new AuthenticationException(text, ctx, null);
        if (s == 402) return new QuotaExceededException(text, ctx, null);
        if (s == 403) return new PermissionDeniedException(text, ctx, null);
        if (s == 404) return new NotFoundException(text, ctx, null);
        if (s == 429) return new RateLimitException(text, ctx, reply.retryAfter(now).orElse(null), null);
        if (s == 408 || s >= 500) return new ProviderUnavailableException(text, ctx, null);
        if (s >= 400) return new InvalidRequestException(text, null, ctx, null);
        return new ProtocolException(text, ctx, null);
    }

    /**
     * {@link #byStatus(HttpReply, String, String, Instant)} with the code and message read from the
     * usual JSON error bodies: {@code {"error":{"message","code"|"type"}}}, {@code {"error":"text"}}
     * or {@code {"message","code"}}.
     */
    public static VideoException byBody(HttpReply reply, Instant now) {
        ErrorText said = ErrorText.of(reply);
        return byStatus(reply, said.code(), said.message(), now);
    }

    /** {@code "<provider> answered HTTP <status>: <message> (code <code>, request id <id>)"}. */
    public static String describe(HttpReply reply, String code, String message) {
        StringBuilder sb = new StringBuilder(reply.provider()).append(" answered HTTP ").append(reply.status())
                .append(": ").append(message == null || message.isBlank() ? reply.excerpt() : message);
        if (code != null || reply.requestId() != null) {
            sb.append(" (");
            if (code != null) {
                sb.append("code ").append(code);
            }
            if (reply.requestId() != null) {
                sb.append(code != null ? ", " : "").append("request id ").append(reply.requestId());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
