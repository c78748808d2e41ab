package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.runway.RunwayExtras;
import dev.videosdk.runway.RunwayOrganization;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runway's developer API ({@code shared/providers/runway.md}): one create call per endpoint
 * ({@code POST /v1/text_to_video}, {@code /image_to_video}, {@code /video_to_video}), then
 * {@code GET /v1/tasks/{id}}; {@code DELETE /v1/tasks/{id}} cancels. Every call carries
 * {@code X-Runway-Version}. Inputs given as bytes or files are uploaded first ({@link RunwayUploads}).
 * Runway has no webhooks and no idempotency key.
 */
public final class RunwayProvider implements VideoProvider {
    /** The provider id. */
    public static final String ID = "runway";
    /** The API host. */
    public static final String DEFAULT_BASE_URL = "https://api.dev.runwayml.com";
    /** The {@code X-Runway-Version} value Runway's SDKs send (the only one documented). */
    public static final String DEFAULT_API_VERSION = "2024-11-06";
    /** The version header. */
    public static final String VERSION_HEADER = "X-Runway-Version";
    /** Job attribute: the endpoint that created the task ({@code text_to_video}, ...). */
    public static final String ENDPOINT = "endpoint";
    /** Job attribute: the create answer's {@code estimatedCost.credits} (most credits the task may charge). */
    public static final String ESTIMATED_CREDITS = "estimatedCredits";
    /** Job attribute: the requested {@code outputFormat}, when not the default mp4. */
    public static final String OUTPUT_FORMAT = "outputFormat";

    /**
     * First check after 6 s, then every 10 s (±15 %), for 20 minutes: Runway asks for no more than one
     * check per 5 s, and THROTTLED tasks can wait a long time in the queue (ADR 0703).
     */
    static final PollingPolicy DEFAULT_POLLING = new PollingPolicy(Duration.ofSeconds(6), Duration.ofSeconds(10),
            1.0, Duration.ofSeconds(10), 0.15, Integer.MAX_VALUE, Duration.ofMinutes(20));

    static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
            .models(true, RunwayModels.all())
            .maxImages(1)
            .lastFrame(true)
            .maxReferenceImages(9)
            .referenceVideo(true)
            .imageInputs(true, true)
            .imageMimeTypes("image/jpeg", "image/png", "image/webp")
            .maxImageBytes(RunwayRequests.MAX_UPLOAD_BYTES)
            .maxPromptLength(RunwayModels.SEEDANCE_PROMPT)
            .negativePrompt(true)
            .remoteCancel(true)
            .idempotentCreate(false)
            .webhooks(false)
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(RunwayProvider.class);

    private final URI baseUri;
    private final CredentialPool keys;
    private final String apiVersion;
    private final RunwayUploads uploads = new RunwayUploads(this);

    /** A provider calling {@code baseUri} with the keys of {@code keys}, sending {@code apiVersion}. */
    public RunwayProvider(URI baseUri, CredentialPool keys, String apiVersion) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public PollingPolicy defaultPolling() {
        return DEFAULT_POLLING;
    }

    @Override
    public void validate(VideoRequest request) {
        RunwayRequests.validate(request);
    }

    /**
     * Runway documents no create answer beyond the core's table as "not accepted" (ADR 0701); only a failed
     * input upload, which happens before the create call, proves that no task exists.
     */
    @Override
    public boolean createNotAccepted(VideoException error) {
        return uploads.failedBeforeCreate(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        RunwayModels.Endpoint endpoint = RunwayRequests.endpoint(request);
        String model = RunwayRequests.model(request);
        return uploads.resolve(RunwayRequests.inputs(request), ctx).thenCompose(uris -> {
            HttpCall call = apiCall(HttpCall.post(uri("/v1/" + endpoint.path)), ctx, null)
                    .json(RunwayRequests.body(request, uris))
                    .build();
            return ctx.http().send(call);
        }).thenApply(reply -> {
            JsonNode root = reply.json();
            String taskId = root.path("id").asText("");
            if (taskId.isBlank()) {
                throw new ProtocolException("runway answered the create call without a task id: " + reply.excerpt(),
                        reply.context(null), null);
            }
            VideoJob job = ProviderData.withAttribute(ProviderData.withKeyId(VideoJob.of(ID, taskId, model, ctx.clock().instant()),
                    reply.credentialId()), ENDPOINT, endpoint.path);
            OptionalDouble estimate = RunwayTasks.estimate(root);
            if (estimate.isPresent()) {
                job = ProviderData.withAttribute(job, ESTIMATED_CREDITS, RunwayTasks.credits(estimate.getAsDouble()))
                        .withEstimatedCost(RunwayTasks.creditsCost(root.path("estimatedCost").path("credits")));
            }
            String format = request.extra(RunwayExtras.OUTPUT_FORMAT).orElse("mp4");
            if (!format.equals("mp4")) {
                job = ProviderData.withAttribute(job, OUTPUT_FORMAT, format);
            }
            LOG.debug("runway accepted task {} on {} (model {}, key {}, estimated {} credits)", taskId, endpoint.path,
                    model, reply.credentialId(), ProviderData.attribute(job, ESTIMATED_CREDITS).orElse("?"));
            return job;
        });
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        HttpCall call = apiCall(HttpCall.get(taskUri(job)), ctx, ProviderData.keyId(job)).build();
        return ctx.http().send(call).thenApply(reply -> {
            JsonNode root = reply.json();
            if (!root.isObject() || !root.has("status")) {
                throw new ProtocolException("runway status answer for task " + job.id() + " has no status: "
                        + reply.excerpt(), reply.context(null), null);
            }
            return RunwayTasks.status(root, job, ctx.clock().instant(), reply.bodyText(), reply.requestId());
        });
    }

    /** {@code DELETE /v1/tasks/{id}}: cancels a PENDING, THROTTLED or RUNNING task (deletes a finished one). */
    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        HttpCall call = apiCall(HttpCall.delete(taskUri(job)), ctx, ProviderData.keyId(job)).header("Accept", "*/*").build();
        return ctx.http().send(call).thenApply(reply -> null);
    }

    /**
     * Runway sends no callbacks (sdk-node issue #103; none in the 2026 SDKs), so anything posted as one is
     * refused with a typed error (answer 4xx) instead of the SPI's untyped default.
     */
    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        throw new WebhookVerificationException("runway has no webhooks, so this callback cannot be from Runway;"
                + " the SDK polls GET /v1/tasks/{id} instead", ErrorContext.local(ID), null);
    }

    /** {@code GET /v1/organization} on the next key of the pool: credit balance, tier limits, daily usage. */
    public CompletableFuture<RunwayOrganization> organization(ProviderContext ctx) {
        HttpCall call = apiCall(HttpCall.get(uri("/v1/organization")), ctx, null).build();
        return ctx.http().send(call).thenApply(reply -> RunwayOrganizations.parse(reply));
    }

    /** A call to Runway's API: the key (the job's, or the next one), the version header, query error mapping. */
    HttpCall.Builder apiCall(HttpCall.Builder call, ProviderContext ctx, String keyId) {
        return call.credentials(keys, keyId)
                .header(VERSION_HEADER, apiVersion)
                .errors(new RunwayErrors(ctx.clock()).mapper());
    }

    URI uri(String path) {
        return URI.create(baseUri + path);
    }

    private URI taskUri(VideoJob job) {
        if (!job.provider().equals(ID)) {
            throw new IllegalArgumentException("job must be a runway job, but was from " + job.provider());
        }
        return uri("/v1/tasks/" + URLEncoder.encode(job.id(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Override
    public String toString() {
        return "RunwayProvider[" + baseUri + ", " + keys + ", version " + apiVersion + "]";
    }
}
