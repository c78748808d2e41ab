package dev.videosdk.spi;

import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One video-generation service, as the core sees it. A provider maps requests to its wire format,
 * parses answers into {@link JobStatus}, and maps its errors to the
 * {@link dev.videosdk.VideoException} hierarchy; the core does everything else (retries, polling,
 * deadlines, download, webhooks, routing) once for all providers.
 *
 * <p>Two shapes are supported:
 * <ul>
 *   <li><b>Polling</b> (most providers): {@link #submit} returns the accepted job; the core calls
 *       {@link #poll} on its schedule until a final state.</li>
 *   <li><b>Streaming</b> ({@link ProviderCapabilities#streaming()}): the result arrives on one long
 *       response; the core calls {@link #stream} instead of {@code submit}/{@code poll}. Such jobs
 *       cannot be resumed from a token.</li>
 * </ul>
 * Implementations must be thread-safe and must not block: all I/O goes through
 * {@link ProviderContext#http()}.
 */
public interface VideoProvider {

    /** The provider id, equal to its factory's id. */
    String id();

    /** What this provider accepts; the core validates every request against it before any call. */
    ProviderCapabilities capabilities();

    /** This provider's documented polling cadence and deadline. */
    default PollingPolicy defaultPolling() {
        return PollingPolicy.defaults();
    }

    /**
     * Checks rules the capabilities cannot express (combinations of fields). Called before any
     * network call, after the core's own checks.
     *
     * @throws dev.videosdk.InvalidRequestException naming the parameter, value and what is allowed
     */
    default void validate(VideoRequest request) {
    }

    /**
     * The provider's documented create answers that prove no job was created, beyond the core's table
     * (LIFECYCLE.md §2: 429, 4xx, CDN 521/522/523/525/526 and failures before sending are already
     * "not accepted"; 5xx and lost answers are "unknown"). Return true only where the provider's
     * documentation says so (e.g. a "busy, try again" code on HTTP 500): such a create is retried or
     * sent to a fallback provider. Default: none.
     */
    default boolean createNotAccepted(dev.videosdk.VideoException error) {
        return false;
    }

    /** Sends the create call; completes with the accepted job (its id and bookkeeping attributes). */
    CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx);

    /** Fetches the job's status once. Unknown provider statuses map to {@link dev.videosdk.JobState#RUNNING}. */
    CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx);

    /**
     * Asks the provider to stop the job (only called when
     * {@link ProviderCapabilities#remoteCancel()} is true).
     */
    default CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(id() + " cannot cancel jobs remotely"));
    }

    /**
     * Runs a whole generation on one streaming response (only called when
     * {@link ProviderCapabilities#streaming()} is true). Report the job as soon as it has an id,
     * and every update, to {@code observer}; complete with the final status. Cancelling the
     * returned future must abort the HTTP stream.
     */
    default CompletableFuture<JobStatus> stream(VideoRequest request, ProviderContext ctx, StreamObserver observer) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(id() + " does not stream"));
    }

    /**
     * The credential to attach when downloading {@code uri} for {@code asset}. The core calls this
     * only for http(s) URIs whose host {@link #isOwnHost(URI) is the provider's own}, and again for
     * each redirect target on an own host.
     */
    default Optional<Credential> downloadCredential(VideoAsset asset, URI uri, ProviderContext ctx) {
        return Optional.empty();
    }

    /** True when {@code uri}'s host belongs to this provider's API, so credentials may be sent there. */
    default boolean isOwnHost(URI uri) {
        return false;
    }

    /**
     * Verifies and parses a callback the provider posted. Throw
     * {@link dev.videosdk.WebhookVerificationException} when verification fails.
     */
    default WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        throw new UnsupportedOperationException(id() + " does not support webhooks");
    }

    /** Releases what the provider holds (called by {@link dev.videosdk.VideoClient#close()}). */
    default void close() {
    }
}
