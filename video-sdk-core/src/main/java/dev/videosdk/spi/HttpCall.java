package dev.videosdk.spi;

import dev.videosdk.internal.Json;
import dev.videosdk.internal.http.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call a provider asks the core's transport to make. Immutable; build with
 * {@link #get(URI)}, {@link #post(URI)}, {@link #put(URI)} or {@link #delete(URI)}, change one with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * HttpCall.post(base.resolve("/v1/videos"))
 *         .kind(CallKind.CREATE)
 *         .json(body)
 *         .credentials(pool)
 *         .errors(this::mapError)
 *         .build();
 * }</pre>
 */
public final class HttpCall {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final CallKind kind;
    private final CredentialPool credentials;
    private final String credentialId;
    private final ErrorMapper errors;
    private final String idempotencyHeader;
    private final String idempotencyKey;
    private final Duration timeout;
    private final Duration bodyIdleTimeout;

    private HttpCall(Builder b) {
        method = Objects.requireNonNull(b.method, "method");
        uri = Objects.requireNonNull(b.uri, "uri");
        kind = Objects.requireNonNull(b.kind, "kind");
        headers = Map.copyOf(b.headers);
        body = b.body;
        contentType = b.contentType;
        credentials = b.credentials;
        credentialId = b.credentialId;
        errors = b.errors;
        idempotencyHeader = b.idempotencyHeader;
        idempotencyKey = b.idempotencyKey;
        timeout = b.timeout;
        bodyIdleTimeout = b.bodyIdleTimeout;
    }

    /** A GET call (kind {@link CallKind#IDEMPOTENT}). */
    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    /** A POST call (kind {@link CallKind#CREATE} unless changed). */
    public static Builder post(URI uri) {
        return new Builder("POST", uri).kind(CallKind.CREATE);
    }

    /** A PUT call (kind {@link CallKind#IDEMPOTENT} unless changed). */
    public static Builder put(URI uri) {
        return new Builder("PUT", uri);
    }

    /** A DELETE call (kind {@link CallKind#IDEMPOTENT}). */
    public static Builder delete(URI uri) {
        return new Builder("DELETE", uri);
    }

    /** A builder holding this call's values (the same body array, not a copy). */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers.putAll(headers);
        b.body = body;
        b.contentType = contentType;
        b.kind = kind;
        b.credentials = credentials;
        b.credentialId = credentialId;
        b.errors = errors;
        b.idempotencyHeader = idempotencyHeader;
        b.idempotencyKey = idempotencyKey;
        b.timeout = timeout;
        b.bodyIdleTimeout = bodyIdleTimeout;
        return b;
    }

    /** HTTP method. */
    public String method() {
        return method;
    }

    /** Full URI. */
    public URI uri() {
        return uri;
    }

    /** Extra headers, never null (never secrets: those come from {@link #credentials()}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Request body, or null. The array is shared: do not change it. */
    public byte[] body() {
        return body;
    }

    /** Body content type, or null. */
    public String contentType() {
        return contentType;
    }

    /** Decides when the call may be retried. */
    public CallKind kind() {
        return kind;
    }

    /** The key pool, or null for an unauthenticated call. */
    public CredentialPool credentials() {
        return credentials;
    }

    /** The key label to use (a job's key), or null to take the next key. */
    public String credentialId() {
        return credentialId;
    }

    /** Maps answers to errors, or null for the status-based default. */
    public ErrorMapper errors() {
        return errors;
    }

    /** Header carrying {@link #idempotencyKey()}, or null. */
    public String idempotencyHeader() {
        return idempotencyHeader;
    }

    /** Key sent on every try, making a create call safe to retry; or null. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Per-try response timeout, or null for the client default; for {@link HttpTransport#stream} it
     * covers only the wait for the response headers.
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Longest silence while reading the body, or null for the client's {@code bodyIdleTimeout}; set it
     * for streams whose documented silences are longer.
     */
    public Duration bodyIdleTimeout() {
        return bodyIdleTimeout;
    }

    /** True when a create call carries an idempotency key. */
    public boolean idempotent() {
        return idempotencyKey != null;
    }

    /** Equal when every field is; the body by content, the key pool and error mapper by identity (as they compare). */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HttpCall c
                && method.equals(c.method) && uri.equals(c.uri) && headers.equals(c.headers)
                && Arrays.equals(body, c.body) && Objects.equals(contentType, c.contentType) && kind == c.kind
                && Objects.equals(credentials, c.credentials) && Objects.equals(credentialId, c.credentialId)
                && Objects.equals(errors, c.errors) && Objects.equals(idempotencyHeader, c.idempotencyHeader)
                && Objects.equals(idempotencyKey, c.idempotencyKey) && Objects.equals(timeout, c.timeout)
                && Objects.equals(bodyIdleTimeout, c.bodyIdleTimeout);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(method, uri, headers, contentType, kind, credentials, credentialId, errors,
                idempotencyHeader, idempotencyKey, timeout, bodyIdleTimeout) + Arrays.hashCode(body);
    }

    /** Method, URI (secret query parameters masked) and kind; never headers, body or credentials. */
    @Override
    public String toString() {
        return "HttpCall[" + method + " " + Redaction.uri(uri) + ", " + kind + "]";
    }

    /** Builds an {@link HttpCall}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private CallKind kind = CallKind.IDEMPOTENT;
        private CredentialPool credentials;
        private String credentialId;
        private ErrorMapper errors;
        private String idempotencyHeader;
        private String idempotencyKey;
        private Duration timeout;
        private Duration bodyIdleTimeout;

        private Builder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /** Adds a header (not a secret). */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body from a Jackson tree, a map or a record. */
        public Builder json(Object value) {
            return body(Json.write(value), "application/json");
        }

        /** A raw body. */
        public Builder body(byte[] bytes, String type) {
            this.body = bytes;
            this.contentType = type;
            return this;
        }

        /** A text body. */
        public Builder body(String text, String type) {
            return body(text.getBytes(StandardCharsets.UTF_8), type);
        }

        /** A multipart body. */
        public Builder multipart(MultipartBody multipart) {
            return body(multipart.bytes(), multipart.contentType());
        }

        /** The call's kind (default: IDEMPOTENT for GET/DELETE, CREATE for POST). */
        public Builder kind(CallKind kind) {
            this.kind = kind;
            return this;
        }

        /** Authenticate with the next key of {@code pool}. */
        public Builder credentials(CredentialPool pool) {
            this.credentials = pool;
            return this;
        }

        /** Authenticate with the key labelled {@code id} (the key that created a job), or the next key if null. */
        public Builder credentials(CredentialPool pool, String id) {
            this.credentials = pool;
            this.credentialId = id;
            return this;
        }

        /** Maps answers to errors (default: by HTTP status). */
        public Builder errors(ErrorMapper mapper) {
            this.errors = mapper;
            return this;
        }

        /** Sends {@code key} in {@code header} on every try, making a create call safe to retry. */
        public Builder idempotencyKey(String header, String key) {
            this.idempotencyHeader = header;
            this.idempotencyKey = key;
            return this;
        }

        /** Per-try response timeout (default: the client's). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Longest silence while reading the body (default: the client's {@code bodyIdleTimeout}). */
        public Builder bodyIdleTimeout(Duration idle) {
            this.bodyIdleTimeout = idle;
            return this;
        }

        /**
         * Builds the call.
         *
         * @throws NullPointerException when the URI or kind is null, or a header name or value is null
         */
        public HttpCall build() {
            return new HttpCall(this);
        }
    }
}
