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
 * A complete provider answer. Its JSON tree is parsed once, on first use, and shared by the error
 * mapper and the parser: read it, do not modify it.
 */
public final class HttpReply {
    private final String provider;
    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String requestId;
    private final String credentialId;
    private volatile Optional<JsonNode> tree;

    /**
     * Creates an answer.
     *
     * @param provider     provider id
     * @param uri          the URI that answered
     * @param status       HTTP status
     * @param headers      response headers (names lower case)
     * @param body         the body bytes
     * @param requestId    the provider's request id header, or null
     * @param credentialId label of the key used, or null
     */
    public HttpReply(String provider, URI uri, int status, Map<String, List<String>> headers, byte[] body,
                     String requestId, String credentialId) {
        this.provider = provider;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
        this.credentialId = credentialId;
    }

    /** Provider id. */
    public String provider() {
        return provider;
    }

    /** The URI that answered. */
    public URI uri() {
        return uri;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Response headers (names lower case). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body bytes (not copied: do not change them). */
    public byte[] body() {
        return body;
    }

    /** The provider's request id, or null. */
    public String requestId() {
        return requestId;
    }

    /** Label of the key used, or null. */
    public String credentialId() {
        return credentialId;
    }

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
        Optional<JsonNode> parsed = jsonIfAny();
        return parsed.isPresent() ? parsed.get() : Json.parse(body, context(null)); // the latter throws, with an excerpt
    }

    /** The body as JSON if it is JSON, else empty (for error bodies that may be HTML). */
    public Optional<JsonNode> jsonIfAny() {
        Optional<JsonNode> t = tree;
        if (t == null) {
            t = Json.tryParse(body);
            tree = t;
        }
        return t;
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
