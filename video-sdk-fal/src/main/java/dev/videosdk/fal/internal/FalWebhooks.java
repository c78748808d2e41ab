package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.fal.FalWebhookKeys;
import dev.videosdk.internal.Json;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import dev.videosdk.spi.WebhookSignatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies and reads fal's callbacks (fal.md §3): an ED25519 signature (hex, header
 * {@code X-Fal-Webhook-Signature}) over {@code request_id \n user_id \n timestamp \n hex(sha256(body))},
 * checked against every key of fal's JWKS (accepted when any verifies), a timestamp within 5 minutes
 * either way. The request id is the delivery id: fal sends one completion per request and
 * redelivers it on failure, and the core answers a repeat as a duplicate (its replay protection). A verified callback is authoritative:
 * {@code status: OK} carries the model output in {@code payload}, {@code ERROR} the failure.
 */
final class FalWebhooks {
    static final String REQUEST_ID = "x-fal-webhook-request-id";
    static final String USER_ID = "x-fal-webhook-user-id";
    static final String TIMESTAMP = "x-fal-webhook-timestamp";
    static final String SIGNATURE = "x-fal-webhook-signature";
    /** How long fetched keys are used before they are fetched again. */
    static final Duration KEY_CACHE = Duration.ofHours(24);
    /** The longest a callback waits for the key document when none is cached yet. */
    static final Duration KEY_FETCH_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FalWebhooks.class);
    /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String provider;
    private final URI jwksUri;
    private final FalWebhookKeys source;
    private final String userId;
    private volatile Keys keys;
    private volatile CompletableFuture<Keys> fetching;

    /** The fetched keys and when they were fetched. */
    private record Keys(List<PublicKey> list, Instant fetchedAt) {
    }

    FalWebhooks(String provider, URI jwksUri, FalWebhookKeys source, String userId) {
        this.provider = provider;
        this.jwksUri = jwksUri;
        this.source = source;
        this.userId = userId;
    }

    /** Starts fetching the keys if none are cached (called when a job with a callback URL is submitted). */
    void prefetch(ProviderContext ctx) {
        Keys k = keys;
        if (k == null || expired(k, ctx.clock().instant())) {
            refresh(ctx).exceptionally(e -> {
                LOG.warn("{}: could not fetch fal's webhook keys from {}: {}", provider, jwksUri, e.toString());
                return null;
            });
        }
    }

    WebhookEvent parse(WebhookRequest request, ProviderContext ctx) {
        String requestId = required(request, REQUEST_ID);
        String user = required(request, USER_ID);
        String timestamp = required(request, TIMESTAMP);
        String signatureHex = required(request, SIGNATURE);
        Instant now = ctx.clock().instant();
        Instant sent = WebhookSignatures.checkTimestamp(provider, "X-Fal-Webhook-Timestamp", timestamp, now,
                WebhookSignatures.DEFAULT_TOLERANCE);
        if (userId != null && !userId.equals(user)) {
            throw WebhookSignatures.rejected(provider, "X-Fal-Webhook-User-Id names another fal user than FAL_WEBHOOK_USER_ID");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex.trim());
        } catch (IllegalArgumentException e) {
            throw WebhookSignatures.rejected(provider, "X-Fal-Webhook-Signature is not hex");
        }
        byte[] message = (requestId + "\n" + user + "\n" + timestamp + "\n" + HexFormat.of().formatHex(sha256(request.body())))
                .getBytes(StandardCharsets.UTF_8);
        List<PublicKey> candidates = keys(ctx, now);
        if (candidates.stream().noneMatch(k -> verifies(k, message, signature))) {
            throw WebhookSignatures.rejected(provider, "the signature matches none of fal's " + candidates.size()
                    + " webhook key(s)");
        }
        // fal sends one completion per request and redelivers it on failure: the request id is the delivery id
        return event(request, requestId, now, new FalErrors(ctx.clock())).withDelivery(requestId, sent);
    }

    private WebhookEvent event(WebhookRequest request, String headerRequestId, Instant now, FalErrors errors) {
        JsonNode body = Json.tryParse(request.body()).filter(JsonNode::isObject).orElseThrow(
                () -> WebhookSignatures.rejected(provider, "the body is not a JSON object"));
        String requestId = body.path("request_id").asText(headerRequestId);
        VideoJob job = VideoJob.of(provider, requestId, null, now);
        String status = body.path("status").asText("");
        JsonNode payload = body.path("payload");
        String raw = request.bodyText();
        if (status.equals("OK") && payload.isObject()) {
            return new WebhookEvent(requestId, FalResponses.result(payload, job, raw), true);
        }
        VideoException error;
        if (status.equals("OK")) {
            error = new dev.videosdk.GenerationFailedException(provider + " job " + requestId + " finished but its output"
                    + " could not be delivered: " + FalErrors.clean(body.path("payload_error").asText("no payload")),
                    ErrorContext.of(provider, 0, null, requestId), false, null);
        } else {
            String text = body.path("error").asText("fal reported an error");
            error = errors.fromWebhook(pseudoReply(requestId, text, payload), text);
        }
        return new WebhookEvent(requestId, ProviderData.withRaw(JobStatus.failed(error), status, raw), true);
    }

    /** The error the webhook describes, as if the result call had answered it (status from "Invalid status code: N"). */
    private HttpReply pseudoReply(String requestId, String error, JsonNode payload) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("status code:?\\s*(\\d{3})").matcher(error);
        int status = m.find() ? Integer.parseInt(m.group(1)) : 0;
        byte[] body = payload.isMissingNode() || payload.isNull() ? new byte[0] : Json.write(payload);
        return new HttpReply(provider, jwksUri, status, Map.of(), body, requestId, null);
    }

    private List<PublicKey> keys(ProviderContext ctx, Instant now) {
        Keys k = keys;
        if (k != null && !expired(k, now)) {
            return k.list();
        }
        try {
            return refresh(ctx).get(KEY_FETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS).list();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WebhookSignatures.rejected(provider, "interrupted while fetching fal's webhook keys");
        } catch (ExecutionException | TimeoutException e) {
            if (k != null) {
                LOG.warn("{}: fal's webhook keys could not be refreshed; using the ones fetched at {}", provider, k.fetchedAt());
                return k.list();
            }
            throw WebhookSignatures.rejected(provider, "fal's webhook keys could not be fetched from " + jwksUri + ": "
                    + (e.getCause() == null ? e : e.getCause()));
        }
    }

    private static boolean expired(Keys k, Instant now) {
        return !k.fetchedAt().plus(KEY_CACHE).isAfter(now);
    }

    private synchronized CompletableFuture<Keys> refresh(ProviderContext ctx) {
        CompletableFuture<Keys> running = fetching;
        if (running != null && !running.isDone()) {
            return running;
        }
        CompletableFuture<String> document = source != null ? source.jwks()
                : ctx.http().send(HttpCall.get(jwksUri).build()).thenApply(HttpReply::bodyText); // no credentials
        CompletableFuture<Keys> next = document.thenApply(json -> {
            Keys k = new Keys(parseJwks(json), ctx.clock().instant());
            keys = k;
            return k;
        });
        fetching = next;
        return next;
    }

    /** The Ed25519 keys of a JWKS document ({@code kty OKP}, {@code crv Ed25519}, base64url {@code x}). */
    List<PublicKey> parseJwks(String json) {
        JsonNode root = Json.tryParse(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
        List<PublicKey> out = new ArrayList<>();
        if (root != null && root.path("keys").isArray()) {
            for (JsonNode jwk : root.path("keys")) {
                if (jwk.path("kty").asText().equals("OKP") && jwk.path("crv").asText().equals("Ed25519")) {
                    publicKey(jwk.path("x").asText("")).ifPresent(out::add);
                }
            }
        }
        if (out.isEmpty()) {
            throw WebhookSignatures.rejected(provider, "fal's key document holds no Ed25519 key");
        }
        return List.copyOf(out);
    }

    private static Optional<PublicKey> publicKey(String x) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(x);
            if (raw.length != 32) {
                return Optional.empty();
            }
            byte[] der = new byte[ED25519_PREFIX.length + raw.length];
            System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
            System.arraycopy(raw, 0, der, ED25519_PREFIX.length, raw.length);
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private String required(WebhookRequest request, String header) {
        return request.header(header).filter(v -> !v.isBlank())
                .orElseThrow(() -> WebhookSignatures.rejected(provider, "header " + header + " is missing"));
    }
}
