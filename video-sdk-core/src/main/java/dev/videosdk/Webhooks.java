package dev.videosdk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receives provider callbacks from the application's HTTP endpoint. Pass the exact headers and
 * raw body bytes; the provider verifies them (signature, timestamp window, replay) and the SDK
 * completes the matching pending {@code generate}/{@code await} at once.
 *
 * <pre>{@code
 * // in a Spring controller, say
 * client.webhooks().handle("openai", headers, rawBody).join();   // answer 2xx when it completes
 * }</pre>
 */
public interface Webhooks {
    /**
     * Verifies and applies one callback. Completes with its {@link WebhookOutcome}: applied (with the
     * job's status, fetched from the provider first when the callback alone cannot be trusted),
     * duplicate (this delivery was applied before) or ignored (verified, but not about a job) — answer
     * all three 2xx, so the sender does not deliver them again. Fails with a
     * {@link WebhookVerificationException} when verification fails or the delivery is a replay outside
     * the timestamp window (answer 4xx); with another {@link VideoException} when the job's status
     * could not be fetched (answer 5xx, so the sender retries; the delivery is not counted as seen).
     *
     * @param provider the provider id the endpoint is for
     * @param headers  the request headers, names in any case
     * @param body     the raw body bytes, exactly as received
     */
    CompletableFuture<WebhookOutcome> handle(String provider, Map<String, List<String>> headers, byte[] body);
}
