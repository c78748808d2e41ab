package dev.videosdk.internal.engine;

import dev.videosdk.AspectRatio;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StreamObserver;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A provider for core's engine tests, scripted call by call (core cannot use video-sdk-testing's
 * fake, which depends on core). Every answer is a function the test sets; every call is counted.
 */
final class ScriptedProvider implements VideoProvider {
    final String id;
    final List<VideoRequest> creates = new CopyOnWriteArrayList<>();
    final List<String> cancels = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();
    private final Queue<Function<VideoRequest, CompletableFuture<VideoJob>>> createAnswers = new ArrayDeque<>();
    volatile Function<VideoJob, CompletableFuture<JobStatus>> poll = j -> CompletableFuture.completedFuture(JobStatus.running(null));
    volatile Function<VideoJob, CompletableFuture<Void>> cancel = j -> CompletableFuture.completedFuture(null);
    volatile BiFunction<VideoRequest, StreamObserver, CompletableFuture<JobStatus>> stream;
    volatile Function<WebhookRequest, WebhookEvent> webhook;
    volatile boolean remoteCancel = true;
    volatile PollingPolicy polling = PollingPolicy.fixed(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(10));
    volatile java.util.function.Predicate<VideoException> notAccepted = e -> false;
    private final AtomicInteger ids = new AtomicInteger();

    ScriptedProvider(String id) {
        this.id = id;
    }

    /** The next create call is answered by {@code answer}; without one, it is accepted at once. */
    synchronized ScriptedProvider onCreate(Function<VideoRequest, CompletableFuture<VideoJob>> answer) {
        createAnswers.add(answer);
        return this;
    }

    /** The next create call fails with {@code error}. */
    ScriptedProvider createFails(VideoException error) {
        return onCreate(r -> CompletableFuture.failedFuture(error));
    }

    /** The next create call stays in flight until {@code gate} completes, then is accepted. */
    ScriptedProvider createHeldUntil(CompletableFuture<Void> gate) {
        return onCreate(r -> gate.thenApply(v -> job(r)));
    }

    /** Polls answer RUNNING until check {@code n}, which succeeds. */
    ScriptedProvider succeedOnCheck(int n) {
        poll = j -> CompletableFuture.completedFuture(polls.get() >= n ? succeeded(j) : JobStatus.running(null));
        return this;
    }

    VideoJob job(VideoRequest r) {
        return ProviderData.withKeyId(VideoJob.of(id, id + "-job-" + ids.incrementAndGet(), r.model(),
                java.time.Instant.parse("2026-01-01T00:00:00Z")), id + "#2"); // a job stays on the key that created it
    }

    static JobStatus succeeded(VideoJob j) {
        return JobStatus.succeeded(List.of(VideoAsset.video(URI.create("https://cdn.example/" + j.id() + ".mp4"), j, null)));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return ProviderCapabilities.builder().models(true, "m1").aspectRatios(AspectRatio.LANDSCAPE_16_9)
                .durationsSeconds(4, 8).maxPromptLength(1000).remoteCancel(remoteCancel).webhooks(true)
                .streaming(stream != null).build();
    }

    @Override
    public PollingPolicy defaultPolling() {
        return polling;
    }

    @Override
    public boolean createNotAccepted(VideoException error) {
        return notAccepted.test(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        creates.add(request);
        Function<VideoRequest, CompletableFuture<VideoJob>> answer;
        synchronized (this) {
            answer = createAnswers.poll();
        }
        return answer != null ? answer.apply(request) : CompletableFuture.completedFuture(job(request));
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        polls.incrementAndGet();
        return poll.apply(job);
    }

    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        cancels.add(job.id());
        return cancel.apply(job);
    }

    @Override
    public CompletableFuture<JobStatus> stream(VideoRequest request, ProviderContext ctx, StreamObserver observer) {
        creates.add(request);
        return stream.apply(request, observer);
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        return webhook.apply(request);
    }
}
