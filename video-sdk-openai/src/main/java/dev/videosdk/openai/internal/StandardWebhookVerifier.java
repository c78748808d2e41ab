package dev.videosdk.openai.internal;

import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.WebhookRequest;
import dev.videosdk.spi.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Verifies Standard Webhooks signatures as OpenAI sends them: headers {@code webhook-id},
 * {@code webhook-timestamp} (unix seconds, within the tolerance either way) and
 * {@code webhook-signature} (space-separated {@code v1,<base64>} entries, any may match);
 * HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded {@code whsec_} secret;
 * constant-time comparison. Redeliveries of an id are the core's to answer (as duplicates).
 */
public final class StandardWebhookVerifier {
    /** Default timestamp tolerance, as in OpenAI's SDKs. */
    public static final Duration DEFAULT_TOLERANCE = WebhookSignatures.DEFAULT_TOLERANCE;
    private static final String PREFIX = "whsec_";

    private final String provider;
    private final List<byte[]> keys;
    private final Duration tolerance;

    /**
     * A verifier for one or more secrets (any may have signed).
     *
     * @throws IllegalArgumentException when a {@code whsec_} secret is not valid base64 (the secret is not quoted)
     */
    public StandardWebhookVerifier(String provider, List<String> secrets, Duration tolerance) {
        this.provider = provider;
        this.keys = secrets.stream().map(StandardWebhookVerifier::key).toList();
        this.tolerance = tolerance;
    }

    /** The HMAC key of a secret: base64 after {@code whsec_}, else the secret's UTF-8 bytes. */
    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook secret must be whsec_ followed by base64, but it is not valid base64");
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A verified delivery: the sender's {@code webhook-id} and {@code webhook-timestamp}. */
    public record Verified(String id, Instant sentAt) {
    }

    /**
     * Verifies the callback; returns its webhook id and signing time.
     *
     * @throws WebhookVerificationException naming what failed (never the secret or the expected signature)
     */
    public Verified verify(WebhookRequest request, Instant now) {
        String id = require(request, "webhook-id");
        String timestamp = require(request, "webhook-timestamp");
        String signatures = require(request, "webhook-signature");
        Instant sent = WebhookSignatures.checkTimestamp(provider, "webhook-timestamp", timestamp, now, tolerance);
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), request.body());
        List<byte[]> given = signatures(signatures);
        if (given.isEmpty()) {
            throw fail("webhook-signature has no v1 signature");
        }
        boolean match = false;
        for (byte[] key : keys) {
            byte[] expected = WebhookSignatures.hmacSha256(key, signed);
            for (byte[] candidate : given) {
                match |= WebhookSignatures.matches(expected, candidate);
            }
        }
        if (!match) {
            throw fail("webhook-signature does not match the body (wrong secret, or the body was changed)");
        }
        return new Verified(id, sent);
    }

    /** The decoded {@code v1} entries of a signature header; other versions and bad base64 are skipped. */
    static List<byte[]> signatures(String header) {
        List<byte[]> out = new ArrayList<>();
        for (String entry : header.trim().split("\\s+")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            try {
                out.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                // not base64: cannot match, skip like any foreign entry
            }
        }
        return out;
    }

    private String require(WebhookRequest request, String header) {
        return request.header(header).filter(v -> !v.isBlank())
                .orElseThrow(() -> fail("the " + header + " header is missing"));
    }

    private WebhookVerificationException fail(String why) {
        return WebhookSignatures.rejected(provider, why);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "StandardWebhookVerifier[" + provider + ", " + keys.size() + " secret(s), tolerance " + tolerance + "]";
    }
}
