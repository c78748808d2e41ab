package dev.videosdk.spi;

import dev.videosdk.internal.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call a provider asks the core's transport to make. Immutable; build with
 * {@link #get(URI)}, {@link #post(URI)} or {@link #delete(URI)}.
 *
 * <pre>{@code
 * HttpCall.post(base.resolve("/v1/videos"))
 *         .kind(CallKind.CREATE)
 *         .json(body)
 *         .credentials(pool)
 *         .errors(this::mapError)
 *         .build();
 * }</pre>
 *
 * @param method           HTTP method
 * @param uri              full URI
 * @param headers          extra headers (never put secrets here; use {@code credentials})
 * @param body             request body, or null
 * @param contentType      body content type, or null
 * @param kind             decides when the call may be retried
 * @param credentials      the key pool, or null for an unauthenticated call
 * @param credentialId     the key label to use (a job's key), or null to take the next key
 * @param errors           maps answers to errors, or null for the status-based default
 * @param idempotencyHeader header carrying {@code idempotencyKey}, or null
 * @param idempotencyKey   key sent on every try; makes a create call safe to retry
 * @param timeout          per-try response timeout, or null for the client default; for
 *                         {@link HttpTransport#stream} it covers only the wait for the response headers
 * @param bodyIdleTimeout  longest silence while reading the body, or null for the client's
 *                         {@code bodyIdleTimeout}; set it for streams whose documented silences are longer
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
                       CallKind kind, CredentialPool credentials, String credentialId, ErrorMapper errors,
                       String idempotencyHeader, String idempotencyKey,
                       Duration timeout, Duration bodyIdleTimeout) {

    /** Validates. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
        headers = Map.copyOf(headers);
    }

    /** A GET call (kind {@link CallKind#IDEMPOTENT}). */
    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    /** A POST call (kind {@link CallKind#CREATE} unless changed). */
    public static Builder post(URI uri) {
        return new Builder("POST", uri).kind(CallKind.CREATE);
    }

    /** A DELETE call (kind {@link CallKind#IDEMPOTENT}). */
    public static Builder delete(URI uri) {
        return new Builder("DELETE", uri);
    }

    /** True when a create call carries an idempotency key. */
    public boolean idempotent() {
        return idempotencyKey != null;
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri + ", " + kind + "]";
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

        /** Builds the call. */
        public HttpCall build() {
            return new HttpCall(method, uri, headers, body, contentType, kind, credentials, credentialId, errors,
                    idempotencyHeader, idempotencyKey, timeout, bodyIdleTimeout);
        }
    }
}
