package dev.videosdk.openai.internal;

import dev.videosdk.spi.ErrorMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.openai.OpenAiExtras;
import dev.videosdk.openai.OpenAiModels;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-style {@code /v1/videos} protocol at api.openai.com or any compatible gateway:
 * create (JSON or multipart), retrieve, content download with the bearer key on the API host only,
 * delete as cancel, remix, and Standard Webhooks callbacks.
 */
final class OpenAiProvider implements VideoProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiProvider.class);
    /** Longest {@code image_url} OpenAI accepts (a URL or a base64 data URL). */
    static final int MAX_IMAGE_URL_CHARS = 20_971_520;
    /** Longest prompt. */
    static final int MAX_PROMPT_CHARS = 32_000;
    /** Job attribute naming the video a remix started from. */
    static final String REMIXED_FROM = "remixed_from";

    private final OpenAiSettings settings;
    private final CredentialPool credentials;
    private final ProviderCapabilities capabilities;
    private final VideoStatusParser parser;
    private final StandardWebhookVerifier webhooks;

    OpenAiProvider(OpenAiSettings settings) {
        this.settings = settings;
        this.credentials = settings.credentials();
        this.parser = new VideoStatusParser(settings);
        VideoProfile profile = settings.profile();
        this.capabilities = ProviderCapabilities.builder()
                .models(true, settings.defaultModel(), OpenAiModels.SORA_2, OpenAiModels.SORA_2_PRO,
                        "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08")
                .defaultModel(settings.defaultModel())
                .durationsSeconds(profile.durations().toArray(Integer[]::new))
                .aspectRatios(profile.aspectRatios().toArray(AspectRatio[]::new))
                .resolutions(profile.resolutions().toArray(Resolution[]::new))
                .maxImages(1)
                .imageInputs(true, true)
                .imageMimeTypes("image/jpeg", "image/png", "image/webp")
                .maxPromptLength(MAX_PROMPT_CHARS)
                .remoteCancel(true)
                .webhooks(true)
                .build();
        this.webhooks = settings.webhookSecrets().isEmpty() ? null : webhookVerifier(settings);
    }

    private static StandardWebhookVerifier webhookVerifier(OpenAiSettings settings) {
        try {
            return new StandardWebhookVerifier(OpenAiSettings.PROVIDER, settings.webhookSecrets(),
                    StandardWebhookVerifier.DEFAULT_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("OPENAI_WEBHOOK_SECRET: " + e.getMessage(), OpenAiSettings.PROVIDER);
        }
    }

    @Override
    public String id() {
        return OpenAiSettings.PROVIDER;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /** The guide's cadence: every 10 s growing to 20 s, 20 minutes overall (long clips and 1080p take longer). */
    @Override
    public PollingPolicy defaultPolling() {
        return new PollingPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.5, Duration.ofSeconds(20), 0.1,
                Integer.MAX_VALUE, Duration.ofMinutes(20));
    }

    @Override
    public void validate(VideoRequest request) {
        String model = capabilities.modelOrDefault(request.model());
        if (request.extra(OpenAiExtras.REMIX_VIDEO_ID).isPresent()) {
            validateRemix(request);
            return;
        }
        Optional<String> size = request.extra(OpenAiExtras.SIZE);
        if (size.isPresent() && (request.aspectRatio() != null || request.resolution() != null)) {
            throw InvalidRequestException.local(id(), "size", "openai takes either the size extra (" + size.get()
                    + ") or aspectRatio/resolution, not both");
        }
        String sent = CreateVideoBodies.size(request, settings.profile());
        String rejected = settings.profile().rejectSize(sent, model);
        if (rejected != null) {
            throw InvalidRequestException.local(id(), size.isPresent() ? "size" : "resolution", rejected);
        }
        if (request.extra(OpenAiExtras.INPUT_FILE_ID).isPresent() && !request.images().isEmpty()) {
            throw InvalidRequestException.local(id(), "images", "openai takes one input_reference: either an image or the "
                    + OpenAiExtras.INPUT_FILE_ID + " extra, not both");
        }
        if (!request.images().isEmpty() && request.images().get(0) instanceof MediaInput.Url url) {
            String scheme = url.uri().getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("gs")) {
                throw InvalidRequestException.local(id(), "images", "openai takes image URLs over http(s) or data: URLs, but was "
                        + url.uri());
            }
            if (url.uri().toString().length() > MAX_IMAGE_URL_CHARS) {
                throw InvalidRequestException.local(id(), "images", "openai accepts an image_url of at most "
                        + MAX_IMAGE_URL_CHARS + " characters, but it was " + url.uri().toString().length());
            }
        }
    }

    private void validateRemix(VideoRequest request) {
        String param = request.duration() != null ? "duration" : request.aspectRatio() != null ? "aspectRatio"
                : request.resolution() != null ? "resolution" : request.model() != null ? "model"
                : request.hasImages() ? "images" : request.extra(OpenAiExtras.SIZE).isPresent() ? "size"
                : request.extra(OpenAiExtras.INPUT_FILE_ID).isPresent() ? OpenAiExtras.INPUT_FILE_ID : null;
        if (param != null) {
            throw InvalidRequestException.local(id(), param, "an openai remix takes only a prompt; remove " + param
                    + " or drop the " + OpenAiExtras.REMIX_VIDEO_ID + " extra");
        }
    }

    /**
     * Gateways of the new-api / one-api family answer {@code model_not_found} (also on HTTP 503,
     * "No available channel for model …") before routing the request anywhere: no job exists, so the
     * request may go to a fallback provider.
     */
    @Override
    public boolean createNotAccepted(dev.videosdk.VideoException error) {
        return "model_not_found".equals(error.errorCode().orElse(null));
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        String model = capabilities.modelOrDefault(request.model());
        Optional<String> remix = request.extra(OpenAiExtras.REMIX_VIDEO_ID);
        OpenAiErrorMapper errors = errors(ctx);
        HttpCall call;
        if (remix.isPresent()) {
            call = HttpCall.post(settings.resolve("/videos/" + VideoStatusParser.segment(remix.get()) + "/remix"))
                    .json(CreateVideoBodies.remix(request))
                    .credentials(credentials)
                    .errors(errors.forCall(null, false))
                    .build();
        } else {
            call = CreateVideoBodies.withCreateBody(HttpCall.post(settings.resolve("/videos")), request, model,
                            settings.profile())
                    .credentials(credentials)
                    .errors(errors.forCall(model, true))
                    .build();
        }
        return ctx.http().send(call).thenApply(reply -> accepted(reply, remix.isPresent() ? null : model, remix, ctx));
    }

    private VideoJob accepted(HttpReply reply, String model, Optional<String> remixOf, ProviderContext ctx) {
        JsonNode video = reply.json();
        String videoId = video.path("id").isTextual() ? video.path("id").asText() : "";
        if (videoId.isBlank()) {
            throw new ProtocolException("openai accepted the create call but sent no video id: " + reply.excerpt(),
                    reply.context(null), null);
        }
        String served = video.path("model").isTextual() ? video.path("model").asText() : model;
        VideoJob job = ProviderData.withKeyId(VideoJob.of(id(), videoId, served, ctx.clock().instant()), reply.credentialId());
        LOG.debug("openai accepted video {} (model {}, status {})", videoId, served, video.path("status").asText(null));
        return remixOf.map(source -> ProviderData.withAttribute(job, REMIXED_FROM, source)).orElse(job);
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        HttpCall call = HttpCall.get(settings.resolve("/videos/" + VideoStatusParser.segment(job.id())))
                .credentials(credentials, ProviderData.keyId(job))
                .errors(errors(ctx).forCall(job.model(), false))
                .build();
        return ctx.http().send(call).thenApply(reply -> parser.parse(job, reply, ctx.clock().instant()));
    }

    /** {@code DELETE /videos/{id}}; OpenAI documents it for completed and failed jobs, for running ones it is unconfirmed. */
    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        HttpCall call = HttpCall.delete(settings.resolve("/videos/" + VideoStatusParser.segment(job.id())))
                .credentials(credentials, ProviderData.keyId(job))
                .errors(errors(ctx).forCall(job.model(), false))
                .build();
        return ctx.http().send(call).thenApply(reply -> null);
    }

    @Override
    public boolean isOwnHost(URI uri) {
        return settings.isApiHost(uri);
    }

    @Override
    public Optional<Credential> downloadCredential(VideoAsset asset, URI uri, ProviderContext ctx) {
        String keyId = ProviderData.keyId(asset);
        if (keyId != null) {
            return credentials.byId(keyId);
        }
        return Optional.of(credentials.select(ctx.clock().instant()));
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        if (webhooks == null) {
            throw new ConfigurationException("openai webhooks need the signing secret: set OPENAI_WEBHOOK_SECRET=whsec_...",
                    id());
        }
        StandardWebhookVerifier.Verified delivery = webhooks.verify(request, ctx.clock().instant());
        String webhookId = delivery.id();
        JsonNode event;
        try {
            event = ctx.json().readTree(request.body());
        } catch (IOException e) {
            throw new WebhookVerificationException("openai webhook " + webhookId + " is signed but its body is not JSON",
                    ErrorContext.local(id()), e);
        }
        String type = event.path("type").asText("");
        String videoId = event.path("data").path("id").asText("");
        if (!type.startsWith("video.") || videoId.isBlank()) {
            // verified, but not ours: acknowledge it, or OpenAI delivers it again for days
            return WebhookEvent.ignored("openai webhook " + webhookId + " of type '" + type
                    + "' is not a video event with data.id; only video.* events are handled").withDelivery(webhookId, delivery.sentAt());
        }
        LOG.debug("openai webhook {}: {} for video {}", webhookId, type, videoId);
        // thin event: the core fetches the video object before completing the job
        return new WebhookEvent(videoId, ProviderData.withRaw(JobStatus.running(null), type, request.bodyText()), false)
                .withDelivery(webhookId, delivery.sentAt());
    }

    private OpenAiErrorMapper errors(ProviderContext ctx) {
        return new OpenAiErrorMapper(id(), settings.isOpenAiHost(), ctx.clock());
    }

    /** {@code /content} answers map like every other call (also JSON errors sent with HTTP 200 by gateways). */
    @Override
    public ErrorMapper downloadErrors(ProviderContext ctx) {
        return errors(ctx).forCall(null, false);
    }

    @Override
    public String toString() {
        return "OpenAiProvider[" + settings + "]";
    }
}
