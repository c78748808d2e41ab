package dev.videosdk.kie.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.NotFoundException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.kie.KieExtras;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpCall;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kie.ai: Veo 3.1, Runway and the market jobs API (Kling, Wan, Hailuo, Seedance, …) behind one key.
 * The model chooses the family ({@link KieFamily#forModel}); the job records the family so a
 * resumed job polls the right path. Kie's callbacks sign only the task id and time, so they are
 * hints: the core fetches the record before completing a job.
 */
final class KieProvider implements VideoProvider {
    static final String ID = "kie";
    /** Job attribute set on Veo jobs that should end with the 1080p file. */
    static final String HD_ATTRIBUTE = "hd";
    static final String HD_1080P = "1080p";
    /** A task created moments ago may briefly be unknown to the record endpoint (unconfirmed): keep waiting. */
    static final Duration NEW_TASK_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KieProvider.class);

    private final URI base;
    private final CredentialPool keys;
    private final KieWebhookVerifier webhookVerifier;
    private final URI uploadBase;
    private final KieRequestMapper requests = new KieRequestMapper(ID);
    private final ProviderCapabilities capabilities = ProviderCapabilities.builder()
            .models(true, KieExtras.VEO3_FAST, KieExtras.VEO3, KieExtras.RUNWAY,
                    "kling-2.6/text-to-video", "kling-2.6/image-to-video", "wan/2-6-text-to-video")
            .maxImages(2)
            .lastFrame(true)
            .maxReferenceImages(3)
            .imageInputs(true, true)
            .negativePrompt(true)
            .webhooks(true)
            .build();

    KieProvider(URI base, URI uploadBase, CredentialPool keys, KieWebhookVerifier webhookVerifier) {
        this.base = base;
        this.uploadBase = uploadBase;
        this.keys = keys;
        this.webhookVerifier = webhookVerifier;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Kie: poll every 2–3 s at first, then back off to 15–30 s, give up after 10–15 min; plus room
     * for the optional 1080p step (1–3 min).
     */
    @Override
    public PollingPolicy defaultPolling() {
        return new PollingPolicy(Duration.ofSeconds(3), Duration.ofSeconds(3), 1.5, Duration.ofSeconds(30), 0.1,
                Integer.MAX_VALUE, Duration.ofMinutes(20));
    }

    @Override
    public void validate(VideoRequest request) {
        String model = capabilities.modelOrDefault(request.model());
        requests.validate(KieFamily.forModel(model), model, request);
    }

    /** The create answers the provider documents as "not accepted" (see its error mapper). */
    @Override
    public boolean createNotAccepted(dev.videosdk.VideoException error) {
        return KieErrorMapper.notAccepted(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        String model = capabilities.modelOrDefault(request.model());
        KieFamily family = KieFamily.forModel(model);
        KieErrorMapper errors = errors(ctx);
        KieUploader uploader = new KieUploader(ID, uploadBase, keys, errors);
        List<MediaInput> frames = new ArrayList<>(request.images());
        if (request.lastFrame() != null) {
            frames.add(request.lastFrame());
        }
        CompletableFuture<List<String>> frameUrls = publicUrls(frames, uploader, ctx);
        CompletableFuture<List<String>> referenceUrls = publicUrls(request.referenceImages(), uploader, ctx);
        return frameUrls.thenCombine(referenceUrls, KieRequestMapper.ImageUrls::new)
                .thenCompose(images -> ctx.http().send(HttpCall.post(uri(family.createPath()))
                        .json(requests.body(ctx.json(), family, model, request, images))
                        .credentials(keys)
                        .errors(errors)
                        .build()))
                .thenApply(reply -> {
                    String taskId = KieResultParser.text(reply.json().path("data").path("taskId"));
                    if (taskId == null) {
                        throw new ProtocolException(ID + " accepted the request but sent no data.taskId: " + reply.excerpt(),
                                reply.context(null), null);
                    }
                    VideoJob job = ProviderData.withAttribute(ProviderData.withKeyId(
                            VideoJob.of(ID, taskId, model, ctx.clock().instant()), reply.credentialId()),
                            KieFamily.ATTRIBUTE, family.wireName());
                    return family == KieFamily.VEO && request.resolution() == Resolution.FHD_1080P
                            ? ProviderData.withAttribute(job, HD_ATTRIBUTE, HD_1080P) : job;
                });
    }

    private static CompletableFuture<List<String>> publicUrls(List<MediaInput> inputs, KieUploader uploader, ProviderContext ctx) {
        List<CompletableFuture<String>> urls = inputs.stream().map(i -> uploader.publicUrl(i, ctx)).toList();
        return CompletableFuture.allOf(urls.toArray(CompletableFuture[]::new))
                .thenApply(done -> urls.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        KieFamily family = ProviderData.attribute(job, KieFamily.ATTRIBUTE).flatMap(KieFamily::byWireName)
                .orElseGet(() -> KieFamily.forModel(job.model()));
        KieResultParser parser = new KieResultParser(ID, ctx.json());
        return ctx.http().send(HttpCall.get(uri(family.recordPath() + "?taskId=" + encode(job.id())))
                        .credentials(keys, ProviderData.keyId(job))
                        .errors(errors(ctx))
                        .build())
                .thenCompose(reply -> {
                    JsonNode envelope = reply.json();
                    JobStatus status = parser.parseRecord(family, envelope, job, reply.context(null));
                    if (status.state() != JobState.SUCCEEDED || !HD_1080P.equals(ProviderData.attribute(job, HD_ATTRIBUTE).orElse(null))) {
                        return CompletableFuture.completedFuture(status);
                    }
                    if (envelope.path("data").path("fallbackFlag").asBoolean(false)) {
                        LOG.warn("{} task {} was made by Kie's fallback model, which has no 1080p version; returning the 720p file",
                                ID, job.id());
                        return CompletableFuture.completedFuture(status);
                    }
                    return fetchHdVideo(job, ctx, parser);
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    boolean young = Duration.between(job.submittedAt(), ctx.clock().instant()).compareTo(NEW_TASK_GRACE) < 0;
                    if (cause instanceof NotFoundException && young) {
                        return JobStatus.queued().withMessage("not yet known to " + ID + ": " + cause.getMessage());
                    }
                    throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
                });
    }

    /** Veo's 1080p file: {@code get-1080p-video} answers a non-200 code ("1080P is processing") until it is ready. */
    private CompletableFuture<JobStatus> fetchHdVideo(VideoJob job, ProviderContext ctx, KieResultParser parser) {
        KieErrorMapper errors = errors(ctx);
        ErrorMapper stillProcessing = reply -> {
            JsonNode body = reply.jsonIfAny().orElse(null);
            if (body != null && reply.isSuccess()) {
                int code = KieErrorMapper.envelopeCode(body).orElse(200);
                String msg = String.valueOf(KieErrorMapper.envelopeMessage(body)).toLowerCase(Locale.ROOT);
                if (code == 400 || msg.contains("processing")) {
                    return null;
                }
            }
            return errors.map(reply);
        };
        return ctx.http().send(HttpCall.get(uri("/api/v1/veo/get-1080p-video?taskId=" + encode(job.id()) + "&index=0"))
                        .credentials(keys, ProviderData.keyId(job))
                        .errors(stillProcessing)
                        .build())
                .thenApply(reply -> parser.parseHdVideo(reply.json(), job, reply.context(null)));
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        ErrorContext local = ErrorContext.local(ID);
        JsonNode body;
        try {
            body = ctx.json().readTree(request.body());
        } catch (IOException e) {
            throw new WebhookVerificationException(ID + " callback body is not JSON", local, null);
        }
        if (body == null || !body.isObject()) {
            throw new WebhookVerificationException(ID + " callback body is not a JSON object", local, null);
        }
        String taskId = KieResultParser.callbackTaskId(body).orElseThrow(() -> new WebhookVerificationException(
                ID + " callback names no task (data.taskId, data.task_id or taskId)", local, null));
        java.time.Instant signedAt = webhookVerifier == null ? null : webhookVerifier.verify(request, taskId, ctx.clock().instant());
        KieResultParser.Callback callback = new KieResultParser(ID, ctx.json()).parseCallback(body, ctx.clock().instant(), local);
        WebhookEvent event = new WebhookEvent(callback.taskId(), callback.status(), false,
                Map.of(KieFamily.ATTRIBUTE, callback.family().wireName()));
        // the signature covers "<taskId>.<timestamp>", not the body: that pair is the delivery, so a replay of the
        // signature with another body is the same delivery (the core answers it as a duplicate)
        return signedAt == null ? event : event.withDelivery(taskId + "." + signedAt.getEpochSecond(), signedAt);
    }

    private KieErrorMapper errors(ProviderContext ctx) {
        return new KieErrorMapper(ID, ctx.clock());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Download answers map through Kie's {@code code}/{@code msg} envelope first, then the status. */
    @Override
    public ErrorMapper downloadErrors(ProviderContext ctx) {
        return errors(ctx);
    }

    @Override
    public String toString() {
        return "KieProvider[" + base + ", " + keys + (webhookVerifier == null ? "" : ", webhook signatures checked") + "]";
    }
}
