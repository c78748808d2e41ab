package dev.videosdk.kie.internal;

import dev.videosdk.ErrorContext;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final String provider;
    private final SecretKeySpec key;
    private final Duration tolerance;

    KieWebhookVerifier(String provider, String hmacKey, Duration tolerance) {
        this.provider = provider;
        this.key = new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.tolerance = tolerance;
    }

    /**
     * Verifies the callback about {@code taskId} at {@code now}.
     *
     * @throws WebhookVerificationException when a header is missing, the timestamp is outside the
     *         window or the signature does not match
     */
    void verify(WebhookRequest request, String taskId, Instant now) {
        String timestamp = request.header(TIMESTAMP_HEADER).map(String::trim)
                .orElseThrow(() -> fail("has no " + TIMESTAMP_HEADER + " header"));
        String signature = request.header(SIGNATURE_HEADER).map(String::trim)
                .orElseThrow(() -> fail("has no " + SIGNATURE_HEADER + " header"));
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw fail("has a " + TIMESTAMP_HEADER + " that is not Unix seconds: " + abbreviate(timestamp));
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            throw fail("is " + skew + " s away from now (allowed: " + tolerance.toSeconds() + " s); rejected as stale or replayed");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw fail("has a " + SIGNATURE_HEADER + " that is not Base64");
        }
        if (!MessageDigest.isEqual(sign(taskId + "." + timestamp), given)) {
            throw fail("has a signature that does not match task " + taskId + " (wrong KIE_WEBHOOK_HMAC_KEY or tampered)");
        }
    }

    /** {@code HMAC-SHA256(text)} with the configured key. */
    byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private WebhookVerificationException fail(String what) {
        return new WebhookVerificationException(provider + " callback " + what, ErrorContext.local(provider), null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    @Override
    public String toString() {
        return "KieWebhookVerifier[" + provider + ", key redacted, tolerance " + tolerance + "]";
    }
}
