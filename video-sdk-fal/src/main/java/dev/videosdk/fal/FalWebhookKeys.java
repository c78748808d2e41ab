package dev.videosdk.fal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Where the public keys that verify fal's webhook signatures come from: a JWKS document
 * ({@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":"<base64url>"}, …]}}). By default the SDK fetches
 * {@code https://rest.alpha.fal.ai/.well-known/jwks.json} (or {@code FAL_JWKS_URL}) without
 * credentials and caches it for 24 hours; tests and air-gapped applications supply the document
 * themselves with {@link #of(String)}.
 */
@FunctionalInterface
public interface FalWebhookKeys {

    /** Completes with the JWKS document as JSON text; a failure fails the webhook's verification. */
    CompletableFuture<String> jwks();

    /** A fixed JWKS document. */
    static FalWebhookKeys of(String jwksJson) {
        Objects.requireNonNull(jwksJson, "jwksJson");
        return () -> CompletableFuture.completedFuture(jwksJson);
    }
}
