package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.NotFoundException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.QualityTier;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kling's documented v1 task API: {@code POST /v1/videos/text2video} or {@code /image2video}, then
 * {@code GET} on the same path family with the task id (remembered in the job's {@value #ENDPOINT}
 * attribute, so it survives in the job token). Callbacks are unsigned, so they are only hints: the
 * core fetches the status before completing a job. There is no documented cancel endpoint.
 */
public final class KlingProvider implements VideoProvider {
    /** The provider id. */
    public static final String ID = "kling";
    /** Job attribute: the endpoint family that created the task ({@code text2video} / {@code image2video}). */
    public static final String ENDPOINT = "endpoint";
    /** Job attribute: the {@code external_task_id} the task was created with. */
    public static final String EXTERNAL_TASK_ID = "external_task_id";
    /** Default API host for servers outside mainland China. */
    public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com";

    /**
     * A check every 10 s (±10 %), for at most 15 minutes; see ADR 0200 for why not the original
     * 5-minute cap.
     */
    static final PollingPolicy DEFAULT_POLLING = new PollingPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10),
            1.0, Duration.ofSeconds(10), 0.1, Integer.MAX_VALUE, Duration.ofMinutes(15));

    static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
            .models(true, KlingRequests.DEFAULT_MODEL, "kling-v1", "kling-v1-5", "kling-v2-master", "kling-v2-1",
                    "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6", "kling-v3")
            .durationsSeconds(5, 10)
            // per-model limits and tiers (kling.md §4.2 "duration", §5): kling-v3 takes 3–15 s; tiers as Kling ranks them
            .model(model("kling-v1", QualityTier.STANDARD).build())
            .model(model("kling-v1-5", QualityTier.STANDARD).build())
            .model(model("kling-v1-6", QualityTier.STANDARD).build())
            .model(model("kling-v2-1", QualityTier.STANDARD).build())
            .model(model("kling-v2-5-turbo", QualityTier.STANDARD).build())
            .model(model("kling-v2-6", QualityTier.STANDARD).build())
            .model(model("kling-v2-master", QualityTier.HIGH).build())
            .model(model("kling-v2-1-master", QualityTier.HIGH).build())
            .model(model("kling-v3", QualityTier.HIGH).durationsSecondsBetween(3, 15).build())
            .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16, AspectRatio.SQUARE_1_1)
            .maxImages(1)
            .lastFrame(true)
            .maxReferenceImages(0)
            .imageInputs(true, true)
            .imageMimeTypes("image/jpeg", "image/png")
            .maxImageBytes(KlingRequests.MAX_IMAGE_BYTES)
            .maxPromptLength(KlingRequests.MAX_PROMPT_LENGTH)
            .negativePrompt(true)
            .remoteCancel(false)
            .idempotentCreate(false)
            .webhooks(true)
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(KlingProvider.class);

    private static ModelCapabilities.Builder model(String id, QualityTier tier) {
        return ModelCapabilities.builder(id).tier(tier).defaultDurationSeconds(KlingRequests.DEFAULT_DURATION_SECONDS);
    }
    private static final Set<String> ENDPOINTS = Set.of(KlingRequests.TEXT_TO_VIDEO, KlingRequests.IMAGE_TO_VIDEO);

    private final URI baseUri;
    private final KlingAuth auth;

    KlingProvider(URI baseUri, KlingAuth auth) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    /** A provider on {@code baseUri} authenticating with {@code credentials} (used in turn). */
    public static KlingProvider withCredentials(URI baseUri, List<Credential> credentials) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("credentials must not be empty, but was []");
        }
        return new KlingProvider(baseUri, KlingAuth.of(credentials));
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
        KlingRequests.validate(request);
    }

    /** The create answers the provider documents as "not accepted" (see its error mapper). */
    @Override
    public boolean createNotAccepted(dev.videosdk.VideoException error) {
        return KlingErrors.notAccepted(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        String endpoint = KlingRequests.endpoint(request);
        String model = CAPABILITIES.modelOrDefault(request.model());
        // one id for every try: the transport re-sends this exact body when it retries
        String externalTaskId = KlingRequests.externalTaskId(request).orElseGet(() -> "videosdk-" + UUID.randomUUID());
        HttpCall call = HttpCall.post(uri("/v1/videos/" + endpoint))
                .json(KlingRequests.body(request, model, externalTaskId))
                .credentials(auth.pool(ctx.clock()))
                .errors(new KlingErrors(auth, ctx.clock()).forCreate(externalTaskId))
                .build();
        return ctx.http().send(call).thenApply(reply -> {
            JsonNode root = reply.json();
            String taskId = root.path("data").path("task_id").asText("");
            if (taskId.isBlank()) {
                throw new ProtocolException("kling answered the create call without data.task_id (external_task_id "
                        + externalTaskId + "): " + reply.excerpt(), reply.context(null), null);
            }
            LOG.debug("kling accepted task {} on {} (external_task_id {}, key {}, request id {})", taskId, endpoint,
                    externalTaskId, reply.credentialId(), requestId(root, reply));
            VideoJob job = ProviderData.withKeyId(VideoJob.of(ID, taskId, model, ctx.clock().instant()), reply.credentialId());
            return ProviderData.withAttributes(job, Map.of(ENDPOINT, endpoint, EXTERNAL_TASK_ID, externalTaskId));
        });
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        String endpoint = ProviderData.attribute(job, ENDPOINT).orElse(null);
        if (endpoint != null) {
            if (!ENDPOINTS.contains(endpoint)) {
                return CompletableFuture.failedFuture(new ProtocolException("kling job " + job.id()
                        + " names an unknown endpoint family " + endpoint + "; expected one of " + ENDPOINTS,
                        ErrorContext.local(ID), null));
            }
            return fetch(job, endpoint, ctx);
        }
        // a job known only from a callback, which does not say its family: text first, then image
        return fetch(job, KlingRequests.TEXT_TO_VIDEO, ctx).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return cause instanceof NotFoundException
                    ? fetch(ProviderData.withAttribute(job, ENDPOINT, KlingRequests.IMAGE_TO_VIDEO), KlingRequests.IMAGE_TO_VIDEO, ctx)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<JobStatus> fetch(VideoJob job, String endpoint, ProviderContext ctx) {
        String id = URLEncoder.encode(job.id(), StandardCharsets.UTF_8).replace("+", "%20");
        HttpCall call = HttpCall.get(uri("/v1/videos/" + endpoint + "/" + id))
                .credentials(auth.pool(ctx.clock()), ProviderData.keyId(job))
                .errors(new KlingErrors(auth, ctx.clock()).forQuery())
                .build();
        return ctx.http().send(call).thenApply(reply -> {
            JsonNode root = reply.json();
            JsonNode task = root.path("data");
            if (!task.isObject()) {
                throw new ProtocolException("kling status answer for task " + job.id() + " has no data object: "
                        + reply.excerpt(), reply.context(null), null);
            }
            return KlingTasks.status(task, job, ctx.clock().instant(), reply.bodyText(), requestId(root, reply));
        });
    }

    /**
     * Reads a callback: the bare task object Kling posts to {@code callback_url} (or the same
     * object wrapped in {@code {code, message, data}}). Kling does not sign callbacks, so the event
     * is not authoritative: the core fetches the status with an authenticated call first.
     */
    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        JsonNode root;
        try {
            root = ctx.json().readTree(request.body());
        } catch (IOException e) {
            throw new WebhookVerificationException("kling callback body is not JSON", ErrorContext.local(ID), e);
        }
        JsonNode task = root != null && root.has("task_id") ? root : root == null ? null : root.path("data");
        String taskId = task == null ? "" : task.path("task_id").asText("");
        if (taskId.isBlank()) {
            throw new WebhookVerificationException("kling callback has no task_id; expected Kling's task object",
                    ErrorContext.local(ID), null);
        }
        Instant now = ctx.clock().instant();
        JobStatus status = KlingTasks.status(task, VideoJob.of(ID, taskId, null, now), now, request.bodyText(), null);
        String externalTaskId = task.path("task_info").path("external_task_id").asText("");
        Map<String, String> attributes = externalTaskId.isBlank() ? Map.of() : Map.of(EXTERNAL_TASK_ID, externalTaskId);
        return new WebhookEvent(taskId, status, false, attributes);
    }

    private URI uri(String path) {
        return URI.create(baseUri + path);
    }

    private static String requestId(JsonNode root, HttpReply reply) {
        String fromBody = root.path("request_id").asText("");
        return fromBody.isBlank() ? reply.requestId() : fromBody;
    }

    /** Download answers map like status answers: Kling's {@code code}/{@code message} envelope first, then the status. */
    @Override
    public ErrorMapper downloadErrors(ProviderContext ctx) {
        return new KlingErrors(auth, ctx.clock()).forQuery();
    }

    @Override
    public String toString() {
        return "KlingProvider[" + baseUri + ", " + auth + "]";
    }
}
