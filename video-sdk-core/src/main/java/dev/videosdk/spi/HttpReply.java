package dev.videosdk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.internal.Json;
import dev.videosdk.internal.http.RetryAfter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete provider answer.
 *
 * @param provider     provider id
 * @param uri          the URI that answered
 * @param status       HTTP status
 * @param headers      response headers (names lower case)
 * @param body         the body bytes
 * @param requestId    the provider's request id header, or null
 * @param credentialId label of the key used, or null
 */
public record HttpReply(String provider, URI uri, int status, Map<String, List<String>> headers, byte[] body,
                        String requestId, String credentialId) {

    /** This answer with the request id the provider put in the body (some do not send it as a header). */
    public HttpReply withRequestId(String id) {
        return new HttpReply(provider, uri, status, headers, body, id, credentialId);
    }

    /** True for 2xx. */
    public boolean isSuccess() {
        return status / 100 == 2;
    }

    /** The first value of a header (case-insensitive), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as a JSON tree.
     *
     * @throws dev.videosdk.ProtocolException when it is not JSON (the message carries an excerpt)
     */
    public JsonNode json() {
        return Json.parse(body, context(null));
    }

    /** The body as JSON if it is JSON, else empty (for error bodies that may be HTML). */
    public Optional<JsonNode> jsonIfAny() {
        return Json.tryParse(body);
    }

    /** A short, single-line excerpt of the body for messages (at most 200 characters). */
    public String excerpt() {
        return Json.excerpt(body);
    }

    /** The error context for this answer with the provider's error code (may be null). */
    public ErrorContext context(String code) {
        return ErrorContext.of(provider, status, code, requestId);
    }

    /**
     * The provider's requested wait from {@code retry-after-ms}, or {@code Retry-After} in seconds or
     * as an HTTP date; empty if absent or unreadable.
     */
    public Optional<Duration> retryAfter(Instant now) {
        return RetryAfter.parse(header("retry-after-ms").orElse(null), header("retry-after").orElse(null), now);
    }

    @Override
    public String toString() {
        return "HttpReply[" + provider + " " + status + " " + uri + ", " + body.length + " bytes]";
    }
}
