package dev.videosdk;

import java.util.OptionalInt;

/**
 * Where an error came from: the provider, the HTTP status, the provider's own error code and the
 * request id the provider gave the call. Every field but {@code provider} may be absent.
 *
 * @param provider   provider id, e.g. {@code "kling"}; {@code "sdk"} for errors raised before any call
 * @param httpStatus HTTP status of the answer, or 0 when there was no answer
 * @param code       the provider's error code, or null
 * @param requestId  the provider's request id (e.g. {@code x-request-id}), or null
 */
public record ErrorContext(String provider, int httpStatus, String code, String requestId) {

    /** Context of an error raised by the SDK itself, before any network call. */
    public static ErrorContext local(String provider) {
        return new ErrorContext(provider == null ? "sdk" : provider, 0, null, null);
    }

    /** Context of an error raised on an answer with the given status. */
    public static ErrorContext of(String provider, int httpStatus, String code, String requestId) {
        return new ErrorContext(provider, httpStatus, code, requestId);
    }

    /** The HTTP status, if there was an answer. */
    public OptionalInt status() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
