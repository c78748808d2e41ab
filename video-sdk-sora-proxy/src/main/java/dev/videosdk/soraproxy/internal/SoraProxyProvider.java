package dev.videosdk.soraproxy.internal;

import dev.videosdk.spi.ErrorMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.HttpStream;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StreamObserver;
import dev.videosdk.spi.VideoProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sora through OpenAI-compatible chat-completions gateways. A streaming provider: the core calls
 * {@link #stream} and never {@code submit}/{@code poll}. One generation is one
 * {@code POST /v1/chat/completions} whose event stream carries progress text and, at the end, the
 * video link; HTTP 503 before the stream is retried by the transport (bounded by the client's
 * retry policy), as no job was accepted.
 */
public final class SoraProxyProvider implements VideoProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SoraProxyProvider.class);
    /** Job attribute: {@code standard} or {@code character}. */
    static final String ENDPOINT_ATTRIBUTE = "endpoint";
    /** Job attribute: the gateway's request id, when it sent one. */
    static final String REQUEST_ID_ATTRIBUTE = "request_id";

    private final SoraProxySettings settings;
    private final ProviderCapabilities capabilities = ProviderCapabilities.builder()
            .models(true, SoraModels.KNOWN)
            .maxImages(1)
            .imageInputs(true, true)
            .maxImageBytes(15_000_000)
            .streaming(true)
            .build();

    SoraProxyProvider(SoraProxySettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return SoraProxy.ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /** Only the overall deadline applies to a stream: 30 minutes. */
    @Override
    public PollingPolicy defaultPolling() {
        return PollingPolicy.defaults().withTimeout(Duration.ofMinutes(30));
    }

    @Override
    public void validate(VideoRequest request) {
        SoraModels.resolve(request);
        if (request.resolution() != null) {
            throw InvalidRequestException.local(id(), "resolution", id() + " takes the resolution from the model name "
                    + "(e.g. an -hd model); leave resolution unset, but it was " + request.resolution());
        }
        streaming(request);
    }

    /** The create answers the provider documents as "not accepted" (see its error mapper). */
    @Override
    public boolean createNotAccepted(dev.videosdk.VideoException error) {
        return notAccepted(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        return CompletableFuture.failedFuture(new VideoException(id() + " delivers its result on one streaming "
                + "connection and has no separate submit call; use VideoClient.generate(...)", ErrorContext.local(id()), false, null));
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        return CompletableFuture.failedFuture(new VideoException(id() + " has no status endpoint: job " + job.id()
                + " lived on one streaming connection and cannot be polled or resumed; generate it again",
                ErrorContext.local(id()), false, null));
    }

    @Override
    public CompletableFuture<JobStatus> stream(VideoRequest request, ProviderContext ctx, StreamObserver observer) {
        CompletableFuture<JobStatus> result = new CompletableFuture<>();
        try {
            String model = SoraModels.resolve(request);
            SoraModels.Profile profile = SoraModels.profileOf(model);
            SoraProxySettings.Endpoint endpoint = settings.endpoint(profile);
            boolean streaming = streaming(request);
            ObjectNode body = ChatRequests.body(ctx.json(), model, request, streaming);
            GatewayErrors errors = new GatewayErrors(id(), ctx.clock());
            HttpCall call = HttpCall.post(endpoint.chatUri())
                    .header("Accept", streaming ? "text/event-stream" : "application/json")
                    .json(body)
                    .credentials(endpoint.keys())
                    .errors(errors)
                    .timeout(settings.requestTimeout())
                    .bodyIdleTimeout(settings.idleTimeout()) // gateways stay silent for minutes between events (ADR 0501)
                    .build();
            LOG.debug("{} generating with model {} on the {} endpoint ({})", id(), model,
                    profile.name().toLowerCase(Locale.ROOT), streaming ? "stream" : "single answer");
            Run run = new Run(request, model, profile, errors, ctx, observer, result);
            if (streaming) {
                CompletableFuture<HttpStream> http = ctx.http().stream(call);
                result.whenComplete((s, e) -> http.cancel(true));
                http.whenComplete(run::onStream);
            } else {
                CompletableFuture<HttpReply> http = ctx.http().send(call);
                result.whenComplete((s, e) -> http.cancel(true));
                http.whenComplete(run::onReply);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** HTTP 503 before any body: the gateway did not take the job (no channel, overloaded), so it is safe to retry. */
    static boolean notAccepted(VideoException e) {
        return e instanceof ProviderUnavailableException && e.httpStatus().orElse(0) == 503;
    }

    private boolean streaming(VideoRequest request) {
        Object value = request.extras().get(SoraProxy.EXTRA_STREAM);
        if (value == null) {
            return settings.stream();
        }
        String text = String.valueOf(value).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw InvalidRequestException.local(id(), SoraProxy.EXTRA_STREAM, "extra \"" + SoraProxy.EXTRA_STREAM
                    + "\" must be true or false, but was " + value);
        }
        return Boolean.parseBoolean(text);
    }

    /** One generation in flight. */
    private final class Run {
        private final VideoRequest request;
        private final String model;
        private final SoraModels.Profile profile;
        private final GatewayErrors errors;
        private final ProviderContext ctx;
        private final StreamObserver observer;
        private final CompletableFuture<JobStatus> result;

        Run(VideoRequest request, String model, SoraModels.Profile profile, GatewayErrors errors, ProviderContext ctx,
            StreamObserver observer, CompletableFuture<JobStatus> result) {
            this.request = request;
            this.model = model;
            this.profile = profile;
            this.errors = errors;
            this.ctx = ctx;
            this.observer = observer;
            this.result = result;
        }

        void onStream(HttpStream stream, Throwable failure) {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            try {
                VideoJob job = start(stream.credentialId(), stream.requestId());
                ChatTranscript transcript = new ChatTranscript(job, ChatRequests.inputUrls(request), errors, stream.requestId());
                stream.body().subscribe(new ChatStreamSubscriber(job, result, transcript, errors, observer, ctx.json(),
                        ctx.scheduler(), ctx.clock(), settings.idleTimeout(), stream.requestId()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        void onReply(HttpReply reply, Throwable failure) {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            try {
                VideoJob job = start(reply.credentialId(), reply.requestId());
                ChatTranscript transcript = new ChatTranscript(job, ChatRequests.inputUrls(request), errors, reply.requestId());
                transcript.accept(reply.json(), reply.bodyText());
                result.complete(transcript.conclude("single answer"));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private VideoJob start(String keyId, String requestId) {
            VideoJob job = ProviderData.withAttribute(ProviderData.withKeyId(
                    VideoJob.of(id(), "chat-" + UUID.randomUUID(), model, ctx.clock().instant()), keyId),
                    ENDPOINT_ATTRIBUTE, profile.name().toLowerCase(Locale.ROOT));
            if (requestId != null) {
                job = ProviderData.withAttribute(job, REQUEST_ID_ATTRIBUTE, requestId);
            }
            if (!result.isDone()) {
                observer.started(job);
            }
            return job;
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Download answers (from the gateway's own host) map through the gateway's error envelope. */
    @Override
    public ErrorMapper downloadErrors(ProviderContext ctx) {
        return new GatewayErrors(id(), ctx.clock());
    }

    @Override
    public String toString() {
        return "SoraProxyProvider[" + settings.standard().chatUri() + "]";
    }
}
