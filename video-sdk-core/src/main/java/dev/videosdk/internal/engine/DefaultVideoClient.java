package dev.videosdk.internal.engine;

import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.PromptRefiner;
import dev.videosdk.PromptUseCase;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RefinementRequest;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.Webhooks;
import dev.videosdk.internal.AsyncSemaphore;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.SdkVersion;
import dev.videosdk.internal.TrackedFuture;
import dev.videosdk.internal.http.DefaultHttpTransport;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.StreamObserver;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one implementation of {@link VideoClient}. */
public final class DefaultVideoClient implements VideoClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultVideoClient.class);
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_PARALLELISM = new java.util.concurrent.atomic.AtomicBoolean();

    /** Everything the builder collected. */
    public record Settings(Map<String, String> env, List<VideoProvider> providers, List<VideoProviderFactory> factories,
                           boolean discover, String defaultProvider, List<String> fallback, Map<String, Integer> maxInFlight,
                           Map<String, PollingPolicy> polling, RetryPolicy retryPolicy, ScheduledExecutorService scheduler,
                           Clock clock, HttpClient httpClient, Duration requestTimeout, int maxConcurrentRequests,
                           PromptRefiner promptRefiner,
                           PromptUseCase refineByDefault, String refineInstructions, long maxDownloadBytes, int downloadResumes, DoubleSupplier random,
                           Map<String, Integer> maxConcurrentRequestsPerProvider, dev.videosdk.VideoEventListener eventListener,
                           Duration bodyIdleTimeout, Duration closeTimeout) {
    }

    private final ProviderRegistry registry;
    private final String defaultProvider;
    private final List<String> fallback;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final PromptRefiner refiner;
    private final PromptUseCase refineByDefault;
    private final String refineInstructions;
    private final Downloader downloader;
    private final ExecutorService ownedHttpExecutor;
    private final boolean ownsScheduler;
    /** Jobs being waited on, by provider and id; a verified webhook completes them. */
    private final ConcurrentHashMap<String, JobWaiter> waiting = new ConcurrentHashMap<>();
    /** Streaming generations in progress, by provider and id. */
    private final ConcurrentHashMap<String, CompletableFuture<JobStatus>> streams = new ConcurrentHashMap<>();
    private final Webhooks webhooks = this::handleWebhook;

    /** Creates the client from the builder's settings. */
    public DefaultVideoClient(Settings s) {
        this.clock = s.clock();
        this.random = s.random() != null ? s.random() : () -> ThreadLocalRandom.current().nextDouble();
        this.refiner = s.promptRefiner();
        this.refineByDefault = s.refineByDefault();
        this.refineInstructions = s.refineInstructions();
        if (refineByDefault != null && refiner == null) {
            throw new ConfigurationException("refineByDefault needs a PromptRefiner; set one with promptRefiner(...)", "refiner");
        }
        this.ownsScheduler = s.scheduler() == null;
        this.scheduler = ownsScheduler ? newScheduler() : s.scheduler();
        HttpClient http;
        if (s.httpClient() != null) {
            http = s.httpClient();
            ownedHttpExecutor = null;
        } else {
            ownedHttpExecutor = Executors.newFixedThreadPool(4, daemon("videosdk-http"));
            if (ForkJoinPool.getCommonPoolParallelism() < 2 && !WARNED_PARALLELISM.getAndSet(true)) {
                LOG.warn("the JDK HTTP client hands every response to a new thread when the common pool's parallelism "
                        + "is below 2 (machines with 2 CPUs or fewer); start the JVM with "
                        + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 to avoid that cost");
            }
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).executor(ownedHttpExecutor).build();
        }
        try {
            String userAgent = SdkVersion.userAgent();
            AsyncSemaphore gate = new AsyncSemaphore(s.maxConcurrentRequests());
            this.registry = new ProviderRegistry(s.providers(), s.factories(), s.discover(), s.env(),
                    id -> new DefaultHttpTransport(id, http, scheduler, clock, s.retryPolicy(), s.requestTimeout(), userAgent, random,
                            gate),
                    scheduler, clock, userAgent, s.polling(), s.maxInFlight());
            this.defaultProvider = registry.chooseDefault(s.defaultProvider(), s.env().get("VIDEO_PROVIDER"));
            this.fallback = s.fallback();
            for (String id : fallback) {
                if (!registry.knows(id)) {
                    throw new ConfigurationException("fallback provider '" + id + "' is unknown; known providers: " + registry.ids(), id);
                }
            }
            this.downloader = new Downloader(http, scheduler, clock, s.maxDownloadBytes(), s.downloadResumes(),
                    id -> registry.knows(id) ? downloadCredentials(id) : null, userAgent, s.requestTimeout());
        } catch (RuntimeException e) {
            shutdownOwnedExecutors(); // do not leak the threads this constructor started
            throw e;
        }
    }

    private Downloader.Credentials downloadCredentials(String id) {
        return (asset, uri) -> {
            ProviderRegistry.Entry e = registry.get(id);
            return e.provider().isOwnHost(uri) ? e.provider().downloadCredential(asset, uri, e.context())
                    : java.util.Optional.empty();
        };
    }

    private static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon("videosdk-scheduler"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String key(String provider, String id) {
        return provider + '\u0000' + id;
    }

    // ---------------------------------------------------------------- generate / submit

    @Override
    public CompletableFuture<VideoResult> generate(VideoRequest request, GenerateOptions options) {
        TrackedFuture<VideoResult> result = new TrackedFuture<>();
        try {
            String primary = request.provider() != null ? request.provider() : defaultProvider;
            ProviderRegistry.Entry entry = registry.get(primary);
            validate(entry, request);
            CompletableFuture<RefinedPrompt> refined = refine(request, options);
            result.track(refined);
            refined.whenComplete((prompt, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(Futures.asVideoException(failure, "refiner"));
                    return;
                }
                VideoRequest toSend = request.withPrompt(prompt.refined());
                if (!prompt.refined().equals(request.prompt())) {
                    try {
                        validate(entry, toSend); // the refined prompt must fit too (e.g. its length)
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                }
                if (entry.provider().capabilities().streaming()) {
                    runStream(entry, toSend, prompt, options, result);
                } else {
                    submitAndWait(toSend, prompt, options, result);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private CompletableFuture<RefinedPrompt> refine(VideoRequest request, GenerateOptions options) {
        PromptUseCase useCase = options.refineUseCase() != null ? options.refineUseCase() : refineByDefault;
        String instructions = options.refineUseCase() != null ? options.refineInstructions() : refineInstructions;
        if (useCase == null) {
            return CompletableFuture.completedFuture(RefinedPrompt.unchanged(request.prompt()));
        }
        if (refiner == null) {
            throw new ConfigurationException("prompt refinement was asked for but no PromptRefiner is configured; "
                    + "set one with VideoClient.builder().promptRefiner(...)", "refiner");
        }
        List<dev.videosdk.MediaInput> images = !request.referenceImages().isEmpty() ? request.referenceImages() : request.images();
        RefinementRequest ask = new RefinementRequest(request.prompt(), images.subList(0, Math.min(3, images.size())),
                useCase, instructions);
        CompletableFuture<RefinedPrompt> answer;
        try {
            answer = refiner.refine(ask);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((refined, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(refined);
            }
            if (options.refineFallback()) {
                LOG.warn("prompt refiner failed, sending the original prompt: {}", Futures.unwrap(failure).toString());
                return CompletableFuture.completedFuture(RefinedPrompt.unchanged(request.prompt()));
            }
            Throwable cause = Futures.unwrap(failure);
            return CompletableFuture.<RefinedPrompt>failedFuture(cause instanceof VideoException ? cause
                    : new VideoException("prompt refinement failed: " + cause, ErrorContext.local("refiner"), false, cause));
        }).thenCompose(f -> f);
    }

    private void validate(ProviderRegistry.Entry entry, VideoRequest request) {
        String id = entry.provider().id();
        RequestValidator.validate(id, entry.provider().capabilities(), request);
        entry.provider().validate(request);
    }

    /** A job accepted by some provider of the chain. */
    private record Accepted(ProviderRegistry.Entry entry, VideoJob job) {
    }

    private void submitAndWait(VideoRequest request, RefinedPrompt prompt, GenerateOptions options, TrackedFuture<VideoResult> result) {
        List<String> chain = chain(request);
        CompletableFuture<Accepted> accepted = submitChain(request, chain, 0, true, result);
        accepted.whenComplete((a, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.asVideoException(failure, chain.get(0)));
                return;
            }
            JobWaiter waiter = startWaiter(a.entry(), a.job(), options);
            result.track(waiter);
            waiter.whenComplete((status, error) -> {
                if (a.entry().limiter() != null) {
                    a.entry().limiter().release();
                }
                if (error != null) {
                    result.completeExceptionally(Futures.asVideoException(error, a.job().provider()));
                } else {
                    result.complete(toResult(a.job(), status, prompt));
                }
            });
        });
    }

    private List<String> chain(VideoRequest request) {
        List<String> chain = new ArrayList<>();
        chain.add(request.provider() != null ? request.provider() : defaultProvider);
        for (String id : fallback) {
            if (!chain.contains(id)) {
                chain.add(id);
            }
        }
        return chain;
    }

    /**
     * Submits to chain[i]; on a failure that proves no job was accepted and is worth another
     * provider, moves on to chain[i+1]. With {@code holdSlot} the provider's in-flight slot is kept
     * for the caller (released when the job ends).
     */
    private CompletableFuture<Accepted> submitChain(VideoRequest request, List<String> chain, int i, boolean holdSlot,
                                                    TrackedFuture<?> owner) {
        ProviderRegistry.Entry entry;
        try {
            entry = registry.get(chain.get(i));
            if (i > 0) {
                validate(entry, request);
            }
        } catch (VideoException e) {
            if (i > 0 && i + 1 < chain.size()) {
                LOG.debug("fallback provider {} cannot take the request: {}", chain.get(i), e.getMessage());
                return submitChain(request, chain, i + 1, holdSlot, owner);
            }
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> slot = entry.limiter() == null ? CompletableFuture.completedFuture(null) : entry.limiter().acquire();
        owner.track(slot);
        CompletableFuture<Accepted> out = new CompletableFuture<>();
        slot.thenCompose(ignored -> {
            CompletableFuture<VideoJob> submitted = entry.provider().submit(request, entry.context());
            owner.track(submitted);
            return submitted;
        }).whenComplete((job, failure) -> {
            if (failure == null) {
                LOG.debug("{} accepted job {}", job.provider(), job.id());
                if (!holdSlot && entry.limiter() != null) {
                    entry.limiter().release();
                }
                out.complete(new Accepted(entry, job));
                return;
            }
            if (entry.limiter() != null && slot.isDone() && !slot.isCancelled()) {
                entry.limiter().release();
            }
            Throwable cause = Futures.unwrap(failure);
            if (i + 1 < chain.size() && worthFallback(cause)) {
                LOG.warn("{} did not accept the job ({}); falling back to {}", chain.get(i), cause.getMessage(), chain.get(i + 1));
                submitChain(request, chain, i + 1, holdSlot, owner).whenComplete((a, f) -> {
                    if (f != null) out.completeExceptionally(f);
                    else out.complete(a);
                });
            } else {
                out.completeExceptionally(cause);
            }
        });
        return out;
    }

    private static boolean worthFallback(Throwable t) {
        if (!(t instanceof VideoException v) || v instanceof ContentPolicyException || v instanceof InvalidRequestException) {
            return false;
        }
        return v.isRetryable() || v instanceof QuotaExceededException;
    }

    private JobWaiter startWaiter(ProviderRegistry.Entry entry, VideoJob job, GenerateOptions options) {
        PollingPolicy policy = options.polling() != null ? options.polling() : entry.polling();
        VideoProvider provider = entry.provider();
        String k = key(job.provider(), job.id());
        JobWaiter waiter = new JobWaiter(job, j -> provider.poll(j, entry.context()), policy, options.listener(),
                scheduler, clock, random, () -> remoteCancel(entry, job));
        waiting.put(k, waiter);
        waiter.whenComplete((s, e) -> waiting.remove(k, waiter));
        return waiter.start();
    }

    private void remoteCancel(ProviderRegistry.Entry entry, VideoJob job) {
        if (!entry.provider().capabilities().remoteCancel()) {
            LOG.info("{} cannot cancel job {} remotely; it may still run and be billed", job.provider(), job.id());
            return;
        }
        try {
            entry.provider().cancel(job, entry.context()).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.warn("{} remote cancel of job {} failed: {}", job.provider(), job.id(), Futures.unwrap(e).toString());
                } else {
                    LOG.debug("{} job {} cancelled remotely", job.provider(), job.id());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{} remote cancel of job {} failed: {}", job.provider(), job.id(), e.toString());
        }
    }

    private VideoResult toResult(VideoJob job, JobStatus status, RefinedPrompt prompt) {
        Instant now = clock.instant();
        return new VideoResult(job, status.assets(), prompt == null ? null : prompt.refined(),
                prompt == null ? null : prompt.original(), now,
                Duration.between(job.submittedAt(), now));
    }

    private void runStream(ProviderRegistry.Entry entry, VideoRequest request, RefinedPrompt prompt, GenerateOptions options,
                           TrackedFuture<VideoResult> result) {
        startStream(entry, request, options).whenComplete((run, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.asVideoException(failure, entry.provider().id()));
                return;
            }
            result.track(run.status());
            run.status().whenComplete((status, error) -> {
                if (error != null) {
                    result.completeExceptionally(Futures.asVideoException(error, entry.provider().id()));
                } else {
                    result.complete(toResult(run.job(), status, prompt));
                }
            });
        });
    }

    /** A streaming generation: its job (known once the stream starts) and its final status. */
    private record StreamRun(VideoJob job, CompletableFuture<JobStatus> status) {
    }

    /** Starts a stream; completes when the provider reported the job (or the stream ended first). */
    private CompletableFuture<StreamRun> startStream(ProviderRegistry.Entry entry, VideoRequest request, GenerateOptions options) {
        CompletableFuture<StreamRun> started = new CompletableFuture<>();
        PollingPolicy policy = options.polling() != null ? options.polling() : entry.polling();
        Instant begun = clock.instant();
        AtomicInteger updates = new AtomicInteger();
        // the final status; cancelling it cancels the provider's stream
        TrackedFuture<JobStatus> finalStatus = new TrackedFuture<>();
        AtomicReference<VideoJob> jobRef = new AtomicReference<>();
        StreamObserver observer = new StreamObserver() {
            @Override
            public void started(VideoJob job) {
                if (!jobRef.compareAndSet(null, job)) {
                    return;
                }
                String k = key(job.provider(), job.id());
                streams.put(k, finalStatus);
                finalStatus.whenComplete((s, e) -> streams.remove(k, finalStatus));
                started.complete(new StreamRun(job, finalStatus));
            }

            @Override
            public void update(JobStatus status) {
                VideoJob job = jobRef.get();
                if (job == null) {
                    return;
                }
                try {
                    options.listener().onProgress(new ProgressEvent(job, status.state(), updates.incrementAndGet(),
                            policy.maxAttempts(), status.progress(), Duration.between(begun, clock.instant()), status.message()));
                } catch (RuntimeException e) {
                    LOG.warn("progress listener threw; ignored", e);
                }
            }
        };
        CompletableFuture<JobStatus> stream;
        try {
            stream = entry.provider().stream(request, entry.context(), observer);
        } catch (RuntimeException e) {
            stream = CompletableFuture.failedFuture(e);
        }
        finalStatus.track(stream);
        var deadline = scheduler.schedule(() -> {
            VideoJob job = jobRef.get();
            if (job != null && !finalStatus.isDone()) {
                finalStatus.completeExceptionally(new GenerationTimeoutException(entry.provider().id()
                        + " stream did not finish within " + policy.timeout().toSeconds() + " s", job, policy.timeout(),
                        updates.get(), ErrorContext.local(job.provider())));
                finalStatus.cancel(true); // closes the stream; the timeout stays the outcome
            }
        }, policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        stream.whenComplete((status, error) -> {
            deadline.cancel(false);
            if (error != null) {
                finalStatus.completeExceptionally(Futures.unwrap(error));
            } else {
                finalStatus.complete(status);
            }
            if (!started.isDone()) {
                if (error != null) {
                    started.completeExceptionally(error);
                } else {
                    VideoJob job = VideoJob.of(entry.provider().id(), "stream-" + java.util.UUID.randomUUID(), request.model(), begun);
                    started.complete(new StreamRun(job, finalStatus));
                }
            }
        });
        return started;
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request) {
        TrackedFuture<VideoJob> result = new TrackedFuture<>();
        try {
            String primary = request.provider() != null ? request.provider() : defaultProvider;
            ProviderRegistry.Entry entry = registry.get(primary);
            validate(entry, request);
            if (entry.provider().capabilities().streaming()) {
                startStream(entry, request, GenerateOptions.defaults()).whenComplete((run, failure) -> {
                    if (failure != null) result.completeExceptionally(Futures.asVideoException(failure, primary));
                    else result.complete(run.job());
                });
            } else {
                submitChain(request, chain(request), 0, false, result).whenComplete((a, failure) -> {
                    if (failure != null) result.completeExceptionally(Futures.asVideoException(failure, primary));
                    else result.complete(a.job());
                });
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    // ---------------------------------------------------------------- await / status / cancel

    @Override
    public CompletableFuture<VideoResult> await(VideoJob job, GenerateOptions options) {
        TrackedFuture<VideoResult> result = new TrackedFuture<>();
        try {
            ProviderRegistry.Entry entry = registry.get(job.provider());
            RefinedPrompt prompt = null; // a job awaited by id: this client did not send its prompt
            if (entry.provider().capabilities().streaming()) {
                CompletableFuture<JobStatus> live = streams.get(key(job.provider(), job.id()));
                if (live == null) {
                    throw notResumable(job);
                }
                result.track(live);
                live.whenComplete((status, error) -> {
                    if (error != null) result.completeExceptionally(Futures.asVideoException(error, job.provider()));
                    else result.complete(toResult(job, status, prompt));
                });
                return result;
            }
            JobWaiter waiter = startWaiter(entry, job, options);
            result.track(waiter);
            waiter.whenComplete((status, error) -> {
                if (error != null) result.completeExceptionally(Futures.asVideoException(error, job.provider()));
                else result.complete(toResult(job, status, prompt));
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static VideoException notResumable(VideoJob job) {
        return new VideoException(job.provider() + " delivers its result on one streaming connection, which ended with the "
                + "process that opened it; job " + job.id() + " cannot be resumed from a token. Generate it again.",
                ErrorContext.local(job.provider()), false, null);
    }

    @Override
    public CompletableFuture<JobStatus> status(VideoJob job) {
        try {
            ProviderRegistry.Entry entry = registry.get(job.provider());
            if (entry.provider().capabilities().streaming()) {
                CompletableFuture<JobStatus> live = streams.get(key(job.provider(), job.id()));
                if (live == null) {
                    throw notResumable(job);
                }
                return live.isDone() ? live.copy() : CompletableFuture.completedFuture(JobStatus.running(null));
            }
            return entry.provider().poll(job, entry.context());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> cancel(VideoJob job) {
        try {
            ProviderRegistry.Entry entry = registry.get(job.provider());
            CompletableFuture<JobStatus> live = streams.get(key(job.provider(), job.id()));
            if (live != null) {
                live.cancel(true);
                return CompletableFuture.completedFuture(null);
            }
            JobWaiter waiter = waiting.get(key(job.provider(), job.id()));
            if (waiter != null) {
                waiter.cancel(true); // runs the remote cancel
                return CompletableFuture.completedFuture(null);
            }
            if (!entry.provider().capabilities().remoteCancel()) {
                LOG.info("{} cannot cancel job {} remotely; it may still run and be billed", job.provider(), job.id());
                return CompletableFuture.completedFuture(null);
            }
            return entry.provider().cancel(job, entry.context());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- download

    @Override
    public CompletableFuture<Path> download(VideoAsset asset, Path target) {
        return downloader.toFile(asset, target);
    }

    @Override
    public CompletableFuture<Long> download(VideoAsset asset, OutputStream out) {
        return downloader.toStream(asset, out);
    }

    // ---------------------------------------------------------------- webhooks

    @Override
    public Webhooks webhooks() {
        return webhooks;
    }

    private CompletableFuture<dev.videosdk.WebhookOutcome> handleWebhook(String provider, Map<String, List<String>> headers, byte[] body) {
        try {
            ProviderRegistry.Entry entry = registry.get(provider);
            WebhookEvent event = entry.provider().parseWebhook(new WebhookRequest(headers, body), entry.context());
            if (event.isIgnored()) {
                LOG.debug("{} webhook verified and ignored: {}", provider, event.ignoredReason());
                return CompletableFuture.completedFuture(dev.videosdk.WebhookOutcome.ignored(event.ignoredReason()));
            }
            JobWaiter waiter = waiting.get(key(provider, event.taskId()));
            CompletableFuture<JobStatus> status;
            if (event.authoritative()) {
                status = CompletableFuture.completedFuture(event.status());
            } else {
                VideoJob job = waiter != null ? waiter.job()
                        : new VideoJob(provider, event.taskId(), null, clock.instant(), null, event.jobAttributes());
                status = entry.provider().poll(job, entry.context());
            }
            return status.thenApply(s -> {
                if (waiter != null) {
                    waiter.offer(s);
                }
                return dev.videosdk.WebhookOutcome.applied(s);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- info / lifecycle

    @Override
    public Set<String> providers() {
        return registry.ids();
    }

    @Override
    public String defaultProvider() {
        return defaultProvider;
    }

    @Override
    public ProviderCapabilities capabilities(String provider) {
        return registry.get(provider).provider().capabilities();
    }

    @Override
    public void close() {
        registry.closeAll();
        shutdownOwnedExecutors();
    }

    private void shutdownOwnedExecutors() {
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (ownedHttpExecutor != null) {
            ownedHttpExecutor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "VideoClient[providers " + registry.ids() + ", default " + defaultProvider + "]";
    }
}
