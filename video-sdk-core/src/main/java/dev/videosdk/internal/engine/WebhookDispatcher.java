package dev.videosdk.internal.engine;

import dev.videosdk.ClientClosedException;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.Webhooks;
import dev.videosdk.internal.Events;
import dev.videosdk.internal.Futures;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import dev.videosdk.spi.WebhookSignatures;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Verifies callbacks through their provider and applies them to the job's run (LIFECYCLE.md §7):
 * applied, duplicate (the same delivery was applied before, or is being applied now), ignored, or
 * rejected. Replay protection is the core's, for every provider: a delivery id (the sender's, else a
 * digest of the body) counts as seen only once its status was applied, and a signed delivery whose
 * timestamp is outside the window is rejected.
 */
final class WebhookDispatcher implements Webhooks {
    /** How far a delivery's signing time may be from now. */
    static final Duration WINDOW = WebhookSignatures.DEFAULT_TOLERANCE;

    private final ProviderRegistry registry;
    private final Clock clock;
    private final Events events;
    private final BiFunction<String, String, JobRun> runs;
    private final KnownJobs knownJobs;
    private final BooleanSupplier closed;
    private final SeenDeliveries seen = new SeenDeliveries(100_000, WINDOW.plusMinutes(1));
    private final ConcurrentHashMap<String, CompletableFuture<WebhookOutcome>> applying = new ConcurrentHashMap<>();

    WebhookDispatcher(ProviderRegistry registry, Clock clock, Events events, BiFunction<String, String, JobRun> runs,
                      KnownJobs knownJobs, BooleanSupplier closed) {
        this.registry = registry;
        this.clock = clock;
        this.events = events;
        this.runs = runs;
        this.knownJobs = knownJobs;
        this.closed = closed;
    }

    @Override
    public CompletableFuture<WebhookOutcome> handle(String provider, Map<String, List<String>> headers, byte[] body) {
        CompletableFuture<WebhookOutcome> outcome = dispatch(provider, headers, body);
        outcome.whenComplete((o, e) -> events.webhookHandled(provider, o,
                e == null ? null : Futures.asVideoException(e, provider)));
        return outcome;
    }

    private CompletableFuture<WebhookOutcome> dispatch(String provider, Map<String, List<String>> headers, byte[] body) {
        if (closed.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ClientClosedException("the VideoClient is closed", null,
                    ErrorContext.local(provider)));
        }
        ProviderRegistry.Entry entry;
        WebhookEvent event;
        try {
            entry = registry.get(provider);
            event = entry.provider().parseWebhook(new WebhookRequest(headers == null ? Map.of() : headers,
                    body == null ? new byte[0] : body), entry.context());
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(Futures.asVideoException(t, provider));
        }
        if (event.isIgnored()) {
            return CompletableFuture.completedFuture(WebhookOutcome.ignored(event.ignoredReason()));
        }
        Instant now = clock.instant();
        if (event.sentAt() != null && Duration.between(event.sentAt(), now).abs().compareTo(WINDOW) > 0) {
            return CompletableFuture.failedFuture(WebhookSignatures.rejected(provider, "the delivery was signed at "
                    + event.sentAt() + ", outside the " + WINDOW.toMinutes() + " min window; rejected as stale or replayed"));
        }
        String delivery = provider + '\u0000' + (event.deliveryId() != null ? event.deliveryId() : "sha256:" + digest(body));
        if (seen.contains(delivery, now)) {
            return CompletableFuture.completedFuture(WebhookOutcome.duplicate(event.taskId(), "delivery already applied"));
        }
        CompletableFuture<WebhookOutcome> mine = new CompletableFuture<>();
        CompletableFuture<WebhookOutcome> earlier = applying.putIfAbsent(delivery, mine);
        if (earlier != null) {
            return earlier.thenApply(o -> WebhookOutcome.duplicate(event.taskId(), "delivered again while being applied"));
        }
        apply(entry, event, now).whenComplete((status, failure) -> {
            if (failure != null) {
                applying.remove(delivery, mine); // not seen: a redelivery will be tried again
                mine.completeExceptionally(Futures.asVideoException(failure, provider));
                return;
            }
            seen.add(delivery, event.sentAt() != null ? event.sentAt() : now, clock.instant());
            applying.remove(delivery, mine);
            mine.complete(WebhookOutcome.applied(event.taskId(), status));
        });
        return mine;
    }

    /** The status the callback stands for (fetched when the callback is only a hint), applied to the job's run. */
    private CompletableFuture<JobStatus> apply(ProviderRegistry.Entry entry, WebhookEvent event, Instant now) {
        String provider = entry.provider().id();
        JobRun run = runs.apply(provider, event.taskId());
        CompletableFuture<JobStatus> status;
        if (event.authoritative()) {
            status = CompletableFuture.completedFuture(event.status());
        } else {
            VideoJob job = run != null ? run.job() : knownJobs.get(provider, event.taskId());
            VideoJob toFetch = job != null ? job : ProviderData.withAttributes(VideoJob.of(provider, event.taskId(), null, now), event.jobAttributes());
            status = JobRun.call(() -> entry.provider().poll(toFetch, entry.context()));
        }
        return status.thenApply(s -> {
            if (run != null) {
                run.offer(s);
            }
            return s;
        });
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
