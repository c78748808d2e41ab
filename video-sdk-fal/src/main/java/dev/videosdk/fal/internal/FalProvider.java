package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.NotFoundException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.fal.FalWebhookKeys;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fal's queue API (fal.md §2) for one provider id: {@code POST <queue>/<model id>} with the model's
 * input JSON; then the status, result and cancel URLs the submit answer returned (kept in the job's
 * attributes, so they survive in the job token). {@code COMPLETED} means finished, not succeeded:
 * the result call decides. Keys are sent as {@code Authorization: Key <key>}, only to the queue host.
 */
public final class FalProvider implements VideoProvider {
    /** Provider id for any fal model. */
    public static final String FAL = "fal";
    /** Provider id for Pika's models on fal. */
    public static final String PIKA = "pika";
    /** fal's queue host. */
    public static final String DEFAULT_QUEUE_URL = "https://queue.fal.run";
    /** Where fal publishes its webhook keys. */
    public static final String DEFAULT_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";

    /**
     * First check after 5 s, then every 5 s growing by 1.5 to 15 s (±10 %), for at most 20 minutes
     * (ADR 0802): video takes 30 s to minutes, and fal allows about 10 calls per second per account.
     */
    static final PollingPolicy DEFAULT_POLLING = new PollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(5),
            1.5, Duration.ofSeconds(15), 0.1, Integer.MAX_VALUE, Duration.ofMinutes(20));

    private static final Logger LOG = LoggerFactory.getLogger(FalProvider.class);

    private final FalSettings settings;
    private final FalDialect dialect;
    private final CredentialPool pool;
    private final FalWebhooks webhooks;

    FalProvider(FalSettings settings, FalDialect dialect, FalWebhookKeys webhookKeys) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.pool = CredentialPool.of(settings.id(), CredentialPool.labelled(settings.id(), settings.keys(),
                (label, key) -> Credential.header(label, "Authorization", "Key " + key)));
        this.webhooks = new FalWebhooks(settings.id(), settings.jwksUri(), webhookKeys, settings.userId());
    }

    /** The {@code fal} provider. */
    public static FalProvider fal(FalSettings settings, FalWebhookKeys webhookKeys) {
        return new FalProvider(settings, new GenericFalDialect(), webhookKeys);
    }

    /** The {@code pika} provider. */
    public static FalProvider pika(FalSettings settings, FalWebhookKeys webhookKeys) {
        return new FalProvider(settings, new PikaDialect(), webhookKeys);
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public PollingPolicy defaultPolling() {
        return DEFAULT_POLLING;
    }

    @Override
    public void validate(VideoRequest request) {
        dialect.validate(request);
        FalRequests.checkHeaderExtras(id(), request);
        // extras that repeat a mapped field fail here, before any call
        FalRequests.withExtras(id(), dialect.input(request, dialect.model(request)), request);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        String model = dialect.model(request);
        Map<String, Object> input = FalRequests.withExtras(id(), dialect.input(request, model), request);
        HttpCall.Builder call = HttpCall.post(FalRequests.submitUri(settings.queueBase(), model, request.callbackUrl()))
                .json(input)
                .credentials(pool)
                .errors(new FalErrors(ctx.clock()).forCall(FalErrors.Call.CREATE));
        FalRequests.headers(request, DEFAULT_POLLING.timeout()).forEach(call::header);
        if (request.callbackUrl() != null) {
            webhooks.prefetch(ctx);
        }
        return ctx.http().send(call.build()).thenApply(reply -> {
            VideoJob job = FalResponses.accepted(FalErrors.withFalRequestId(reply), id(), settings.queueBase(), model,
                    ctx.clock().instant());
            LOG.debug("{} queued request {} on {} (key {})", id(), job.id(), model, ProviderData.keyId(job));
            return job;
        });
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        URI status;
        try {
            String url = url(job, FalResponses.STATUS_URL);
            status = URI.create(url + (url.contains("?") ? "&" : "?") + "logs=1");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpCall call = HttpCall.get(status).credentials(pool, ProviderData.keyId(job))
                .errors(new FalErrors(ctx.clock()).forCall(FalErrors.Call.STATUS)).build();
        return ctx.http().send(call).thenCompose(reply -> {
            JsonNode body = reply.json();
            if (FalResponses.state(body) != JobState.SUCCEEDED) {
                return CompletableFuture.completedFuture(FalResponses.pending(body, reply.bodyText()));
            }
            return result(job, ctx);
        });
    }

    /** Fetches the output of a completed request: success with assets, or the job's documented failure. */
    private CompletableFuture<JobStatus> result(VideoJob job, ProviderContext ctx) {
        HttpCall call = HttpCall.get(URI.create(url(job, FalResponses.RESPONSE_URL))).credentials(pool, ProviderData.keyId(job))
                .errors(new FalErrors(ctx.clock()).forCall(FalErrors.Call.RESULT)).build();
        return ctx.http().send(call)
                .thenApply(reply -> FalResponses.result(reply.json(), job, reply.bodyText()))
                .exceptionallyCompose(failure -> {
                    FalAnswer answer = FalAnswer.in(failure);
                    return answer == null ? CompletableFuture.failedFuture(failure)
                            : CompletableFuture.completedFuture(ProviderData.withRaw(JobStatus.failed(answer.mapped()),
                                    "COMPLETED", answer.reply().bodyText()));
                });
    }

    /**
     * {@code PUT <cancel_url>}: {@code OK} and {@code CANCELLATION_REQUESTED} complete normally, and so
     * does {@code ALREADY_COMPLETED} (nothing left to stop); {@code NOT_FOUND} fails with
     * {@link NotFoundException}.
     */
    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        URI cancel;
        try {
            cancel = URI.create(url(job, FalResponses.CANCEL_URL));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpCall call = HttpCall.put(cancel).credentials(pool, ProviderData.keyId(job))
                .errors(new FalErrors(ctx.clock()).forCall(FalErrors.Call.CANCEL)).build();
        return ctx.http().send(call).handle((reply, failure) -> {
            FalAnswer answer = failure == null ? null : FalAnswer.in(failure);
            if (failure != null && answer == null) {
                throw dev.videosdk.internal.Futures.asVideoException(failure, id());
            }
            String status = reply != null ? reply.jsonIfAny().map(b -> b.path("status").asText("")).orElse("")
                    : "ALREADY_COMPLETED";
            if (status.equals("NOT_FOUND")) {
                throw new NotFoundException(id() + " does not know request " + job.id() + " (cancel answered NOT_FOUND)",
                        reply.context("NOT_FOUND"), null);
            }
            LOG.debug("{} cancel of request {}: {}", id(), job.id(), status.isEmpty() ? "accepted" : status);
            return null;
        });
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        return webhooks.parse(request, ctx);
    }

    /**
     * A URL from the job's attributes, only when it is on the queue host (the key goes there).
     *
     * @throws ProtocolException when the job has none, or one on another host
     */
    private String url(VideoJob job, String attribute) {
        String value = ProviderData.attribute(job, attribute).orElseThrow(() -> new ProtocolException(id() + " job " + job.id()
                + " has no " + attribute + "; resume fal jobs from the token of the job submit returned",
                ErrorContext.local(id()), null));
        if (!FalResponses.isOnHost(URI.create(value), settings.queueBase())) {
            throw new ProtocolException(id() + " job " + job.id() + " names " + attribute + " on another host than "
                    + settings.queueBase() + "; the SDK sends fal keys only to the queue host", ErrorContext.local(id()), null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "FalProvider[" + settings + "]";
    }
}
