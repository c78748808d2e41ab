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
     * Verifies and applies one callback. Completes with the job's status (fetched from the provider
     * first when the callback alone cannot be trusted); with null when the callback is verified but
     * not about a job, e.g. another event type (answer 2xx, so it is not delivered again); or
     * exceptionally with a {@link WebhookVerificationException} when verification fails (answer 4xx).
     */
    CompletableFuture<JobStatus> handle(String provider, Map<String, List<String>> headers, byte[] body);
}
