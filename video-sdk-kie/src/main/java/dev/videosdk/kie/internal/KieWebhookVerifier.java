package dev.videosdk.kie.internal;

import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.WebhookRequest;
import dev.videosdk.spi.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks Kie's optional callback signature: {@code X-Webhook-Signature} =
 * {@code Base64(HMAC-SHA256(taskId + "." + X-Webhook-Timestamp, webhookHmacKey))}, compared in
 * constant time, with the timestamp (Unix seconds) inside a window around now. The signature covers
 * the task id and time only, not the body, so a verified callback is still only a hint.
 */
final class KieWebhookVerifier {
    static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    /** Kie documents no tolerance; five minutes is the usual choice. */
    static final Duration DEFAULT_TOLERANCE = WebhookSignatures.DEFAULT_TOLERANCE;

    private final String provider;
    private final byte[] key;
    private final Duration tolerance;

    KieWebhookVerifier(String provider, String hmacKey, Duration tolerance) {
        this.provider = provider;
        this.key = hmacKey.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /**
     * Verifies the callback about {@code taskId} at {@code now}; returns the signed timestamp.
     *
     * @throws WebhookVerificationException when a header is missing, the timestamp is outside the
     *         window or the signature does not match
     */
    Instant verify(WebhookRequest request, String taskId, Instant now) {
        String timestamp = request.header(TIMESTAMP_HEADER).map(String::trim)
                .orElseThrow(() -> fail("has no " + TIMESTAMP_HEADER + " header"));
        String signature = request.header(SIGNATURE_HEADER).map(String::trim)
                .orElseThrow(() -> fail("has no " + SIGNATURE_HEADER + " header"));
        Instant signedAt = WebhookSignatures.checkTimestamp(provider, TIMESTAMP_HEADER, timestamp, now, tolerance);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw fail("has a " + SIGNATURE_HEADER + " that is not Base64");
        }
        if (!WebhookSignatures.matches(sign(taskId + "." + timestamp), given)) {
            throw fail("has a signature that does not match task " + taskId + " (wrong KIE_WEBHOOK_HMAC_KEY or tampered)");
        }
        return signedAt;
    }

    /** {@code HMAC-SHA256(text)} with the configured key. */
    byte[] sign(String text) {
        return WebhookSignatures.hmacSha256(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookVerificationException fail(String what) {
        return WebhookSignatures.rejected(provider, "the callback " + what);
    }

    @Override
    public String toString() {
        return "KieWebhookVerifier[" + provider + ", key redacted, tolerance " + tolerance + "]";
    }
}
