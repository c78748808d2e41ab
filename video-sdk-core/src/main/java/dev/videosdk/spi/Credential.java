package dev.videosdk.spi;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One API credential: the headers to put on a call, and a non-secret label used in logs, job
 * tokens and key pools. Implementations must never reveal the secret in {@code toString()}.
 */
public interface Credential {

    /** A non-secret label such as {@code "kling#1"}; stored in job tokens to keep a job on its key. */
    String id();

    /** The headers that authenticate one call (computed per call, so a signed token can be re-minted). */
    Map<String, String> headers();

    /** {@code Authorization: Bearer <token>}. */
    static Credential bearer(String id, String token) {
        return header(id, "Authorization", "Bearer " + Objects.requireNonNull(token, "token"));
    }

    /** A single header holding a key, e.g. {@code x-goog-api-key}. */
    static Credential header(String id, String name, String value) {
        Objects.requireNonNull(value, "value");
        dev.videosdk.internal.http.Redaction.register(value);
        int space = value.indexOf(' ');
        if (space > 0) {
            dev.videosdk.internal.http.Redaction.register(value.substring(space + 1)); // the token after "Bearer "
        }
        return computed(id, () -> Map.of(name, value));
    }

    /** Headers computed per call, e.g. a bearer JWT minted and cached by {@code headers}. */
    static Credential computed(String id, Supplier<Map<String, String>> headers) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(headers, "headers");
        return new Credential() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Map<String, String> headers() {
                return headers.get();
            }

            @Override
            public String toString() {
                return "Credential[" + id + ", secret redacted]";
            }
        };
    }
}
