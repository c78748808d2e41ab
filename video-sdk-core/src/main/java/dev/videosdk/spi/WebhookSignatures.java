package dev.videosdk.spi;

import dev.videosdk.ErrorContext;
import dev.videosdk.WebhookVerificationException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces every signed-callback scheme is made of, written once: HMAC-SHA256, a constant-time
 * comparison and a timestamp window. Provider modules combine them as their documentation says
 * (what is signed, which headers, which encoding).
 */
public final class WebhookSignatures {
    /** The usual timestamp tolerance (Standard Webhooks, OpenAI's SDKs): five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignatures() {
    }

    /** HMAC-SHA256 of {@code message} with {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Compares two signatures in time independent of where they differ. */
    public static boolean matches(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * Reads a Unix-seconds timestamp header value and checks it lies within {@code tolerance} of
     * {@code now}, either way (too old: stale or replayed; too new: clock skew or forgery).
     *
     * @return the instant it names
     * @throws WebhookVerificationException naming the header and what was wrong
     */
    public static Instant checkTimestamp(String provider, String header, String value, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw rejected(provider, header + " must be whole Unix seconds, but was "
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        if (sent.isBefore(now.minus(tolerance))) {
            throw rejected(provider, header + " " + seconds + " is too old (more than " + tolerance.toSeconds()
                    + " s before now); rejected as stale or replayed");
        }
        if (sent.isAfter(now.plus(tolerance))) {
            throw rejected(provider, header + " " + seconds + " is too new (more than " + tolerance.toSeconds() + " s after now)");
        }
        return sent;
    }

    /** The error for a callback that failed verification: {@code "<provider> webhook rejected: <why>"}. */
    public static WebhookVerificationException rejected(String provider, String why) {
        return new WebhookVerificationException(provider + " webhook rejected: " + why, ErrorContext.local(provider), null);
    }
}
