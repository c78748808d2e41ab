package dev.videosdk.internal.engine;

import dev.videosdk.ConfigurationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerateOptions;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.PromptRefiner;
import dev.videosdk.PromptUseCase;
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
import dev.videosdk.internal.Events;
import dev.videosdk.ClientClosedException;
import dev.videosdk.ProgressListener;
import dev.videosdk.internal.download.Downloader;
import dev.videosdk.internal.http.DefaultHttpTransport;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one implementation of {@link VideoClient}. */
public final class DefaultVideoClient implements VideoClient, RunHost {
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
                           Duration bodyIdleTimeout, Duration closeTimeout,
                           dev.videosdk.internal.cost.CostSettings costs, dev.videosdk.FrameSampler frameSampler,
                           boolean clampToCapabilities) {
    }

    private final ProviderRegistry registry;
    private final String defaultProvider;
    private final List<String> fallback;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final PromptRefiner refiner;
    private final dev.videosdk.FrameSampler frameSampler;
    private final boolean clamp;
    private final PromptUseCase refineByDefault;
    private final String refineInstructions;
    private final Downloader downloader;
    private final ExecutorService ownedHttpExecutor;
    private final Supplier<HttpClient> httpClient;
    private final boolean ownsScheduler;
    private final Events events;
    private final Duration closeTimeout;
    /** Runs with a job, by (provider, job id): the one run of each job (LIFECYCLE.md §1). */
    private final ConcurrentHashMap<String, JobRun> runsByJob = new ConcurrentHashMap<>();
    /** Every run not yet ended, for {@code close()}. */
    private final Set<JobRun> active = ConcurrentHashMap.newKeySet();
    /** Create calls in flight and remote cancels not yet acknowledged, which {@code close()} waits for. */
    private final Set<CompletableFuture<?>> creates = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> cancels = ConcurrentHashMap.newKeySet();
    private final KnownJobs knownJobs = new KnownJobs(10_000);
    private final AtomicLong runIds = new AtomicLong();
    private final WebhookDispatcher webhooks;
    private volatile boolean closed;
    /** [cost] estimates, budget guards, model choice and fallback models (dev.videosdk.internal.cost). */
    private final dev.videosdk.internal.cost.CostGuard costs;

    /** Creates the client from the builder's settings. */
    public DefaultVideoClient(Settings s) {
        this.clock = s.clock();
        this.events = new Events(s.eventListener());
        this.closeTimeout = s.closeTimeout();
        this.random = s.random() != null ? s.random() : () -> ThreadLocalRandom.current().nextDouble();
        this.refiner = s.promptRefiner();
        this.frameSampler = s.frameSampler();
        this.clamp = s.clampToCapabilities();
        this.refineByDefault = s.refineByDefault();
        this.refineInstructions = s.refineInstructions();
        this.costs = new dev.videosdk.internal.cost.CostGuard(s.costs(), s.eventListener()); // [cost]
        if (refineByDefault != null && refiner == null) {
            throw new ConfigurationException("refineByDefault needs a PromptRefiner; set one with promptRefiner(...)", "refiner");
        }
        this.ownsScheduler = s.scheduler() == null;
        this.scheduler = ownsScheduler ? newScheduler() : s.scheduler();
        Supplier<HttpClient> http;
        if (s.httpClient() != null) {
            HttpClient given = s.httpClient();
            http = () -> given;
            ownedHttpExecutor = null;
        } else {
            // threads start on first use; the client (and its selector thread) on the first provider call over HTTP
            ownedHttpExecutor = Executors.newFixedThreadPool(4, daemon("videosdk-http"));
            http = new Lazy<>(() -> {
                if (ForkJoinPool.getCommonPoolParallelism() < 2 && !WARNED_PARALLELISM.getAndSet(true)) {
                    LOG.warn("the JDK HTTP client hands every response to a new thread when the common pool's parallelism "
                            + "is below 2 (machines with 2 CPUs or fewer); start the JVM with "
                            + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 to avoid that cost");
                }
                return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER).executor(ownedHttpExecutor).build();
            });
        }
        this.httpClient = http;
        try {
            String userAgent = SdkVersion.userAgent();
            DefaultHttpTransport.Shared shared = new DefaultHttpTransport.Shared(http, scheduler, clock, s.retryPolicy(),
                    s.requestTimeout(), s.bodyIdleTimeout(), userAgent, random, new AsyncSemaphore(s.maxConcurrentRequests()),
                    events);
            Map<String, Integer> perProvider = s.maxConcurrentRequestsPerProvider();
            this.registry = new ProviderRegistry(s.providers(), s.factories(), s.discover(), s.env(),
                    provider -> new DefaultHttpTransport(provider.id(), shared,
                            perProvider.containsKey(provider.id()) ? new AsyncSemaphore(perProvider.get(provider.id())) : null,
                            provider::createNotAccepted),
                    scheduler, clock, userAgent, s.polling(), s.maxInFlight());
            this.defaultProvider = registry.chooseDefault(s.defaultProvider(), s.env().get("VIDEO_PROVIDER"));
            this.fallback = s.fallback();
            for (String id : fallback) {
                if (!registry.knows(id)) {
                    throw new ConfigurationException("fallback provider '" + id + "' is unknown; known providers: " + registry.ids(), id);
                }
            }
            this.webhooks = new WebhookDispatcher(registry, clock, events, this::runFor, knownJobs, () -> closed);
            this.downloader = new Downloader(new Downloader.Config(s.httpClient(), scheduler, clock, s.retryPolicy(), random,
                    s.maxDownloadBytes(), s.downloadResumes(), s.bodyIdleTimeout(), id -> registry.knows(id) ? downloadSource(id) : null,
                    userAgent, events));
        } catch (RuntimeException e) {
            shutdownOwnedExecutors(); // do not leak the threads this constructor started
            throw e;
        }
    }

    private Downloader.Provider downloadSource(String id) {
        ProviderRegistry.Entry e = registry.get(id);
        dev.videosdk.spi.ErrorMapper errors = e.provider().downloadErrors(e.context());
        return new Downloader.Provider() {
            @Override
            public java.util.Optional<dev.videosdk.spi.Credential> credential(VideoAsset asset, java.net.URI uri) {
                return e.provider().isOwnHost(uri) ? e.provider().downloadCredential(asset, uri, e.context()) : java.util.Optional.empty();
            }

            @Override
            public dev.videosdk.spi.ErrorMapper errors() {
                return errors;
            }
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

    /** The run waiting on this job, or null. */
    private JobRun runFor(String provider, String jobId) {
        return runsByJob.get(key(provider, jobId));
    }

    private static String key(String provider, String id) {
        return provider + '\u0000' + id;
    }

    // ---------------------------------------------------------------- the run host

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public DoubleSupplier random() {
        return random;
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public void indexed(JobRun run) {
        VideoJob job = run.job();
        runsByJob.put(key(job.provider(), job.id()), run);
        knownJobs.remember(job);
    }

    @Override
    public void detached(JobRun run) {
        VideoJob job = run.job();
        runsByJob.remove(key(job.provider(), job.id()), run);
        knownJobs.remember(job);
        active.remove(run);
    }

    @Override
    public void ended(JobRun run) {
        VideoJob job = run.job();
        if (job != null) {
            runsByJob.remove(key(job.provider(), job.id()), run);
        }
        active.remove(run);
    }

    @Override
    public <T> CompletableFuture<T> createStarted(JobRun run, CompletableFuture<T> create) {
        creates.add(create);
        create.whenComplete((v, e) -> creates.remove(create));
        return create;
    }

    @Override
    public void cancelRequested(JobRun run, CompletableFuture<Void> ack) {
        cancels.add(ack);
        ack.whenComplete((v, e) -> cancels.remove(ack));
    }

    @Override
    public CompletableFuture<Void> remoteCancel(ProviderRegistry.Entry entry, VideoJob job) {
        if (!entry.provider().capabilities().remoteCancel()) {
            LOG.warn("{} cannot cancel job {} remotely; it may still run and be billed", job.provider(), job.id());
            return CompletableFuture.failedFuture(cannotCancel(job));
        }
        CompletableFuture<Void> sent = JobRun.call(() -> entry.provider().cancel(job, entry.context()));
        cancels.add(sent);
        sent.whenComplete((v, e) -> {
            cancels.remove(sent);
            if (e != null) {
                LOG.warn("{} remote cancel of job {} failed: {}", job.provider(), job.id(), Futures.unwrap(e).toString());
            } else {
                LOG.debug("{} job {} cancelled remotely", job.provider(), job.id());
            }
        });
        return sent.handle((v, e) -> {
            if (e != null) {
                throw Futures.asVideoException(e, job.provider());
            }
            return v;
        });
    }

    private static VideoException cannotCancel(VideoJob job) {
        return new VideoException(job.provider() + " cannot cancel jobs remotely: job " + job.id()
                + " may still run and be billed (the local wait, if any, was stopped)",
                ErrorContext.of(job.provider(), 0, "remote_cancel_unsupported", null), false, null);
    }

    @Override
    public dev.videosdk.internal.cost.CostGuard costs() { // [cost]
        return costs;
    }

    @Override
    public VideoResult toResult(VideoJob job, JobStatus status, RefinedPrompt prompt) {
        Instant now = clock.instant();
        return new VideoResult(job, status.assets(), prompt == null ? null : prompt.refined(),
                prompt == null ? null : prompt.original(), now,
                Duration.between(job.submittedAt(), now), costs.actualCost(job, status)); // [cost]
    }

    private JobRun newRun(java.util.function.LongFunction<JobRun> make) {
        JobRun run = make.apply(runIds.incrementAndGet());
        active.add(run);
        events.runStarted(run.info());
        if (closed) { // close() raced with this call: it may have missed the run
            run.close();
        }
        return run;
    }

    private ClientClosedException closedError() {
        return new ClientClosedException("the VideoClient is closed; build a new one", null, ErrorContext.local("sdk"));
    }

    // ---------------------------------------------------------------- generate / submit

    @Override
    public CompletableFuture<VideoResult> generate(VideoRequest request, GenerateOptions options) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        JobRun run = newRun(id -> JobRun.forRequest(id, this, request, false));
        CompletableFuture<VideoResult> result = run.attach(options == null ? ProgressListener.none() : options.listener());
        start(run, request, options == null ? GenerateOptions.defaults() : options);
        return result != null ? result : CompletableFuture.failedFuture(closedError());
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        JobRun run = newRun(id -> JobRun.forRequest(id, this, request, true));
        start(run, request, GenerateOptions.defaults());
        return run.submitted();
    }

    /** VALIDATING -> (REFINING) -> SUBMITTING for a new request. */
    private void start(JobRun run, VideoRequest asked, GenerateOptions options) {
        run.usePolicy(options.polling());
        List<ProviderRegistry.Entry> chain;
        VideoRequest request;
        try {
            if (asked == null) {
                throw InvalidRequestException.local("sdk", "request", "request must not be null");
            }
            chain = chain(asked);
            request = clamp ? Clamping.toCapabilities(chain.get(0).provider(), asked) : asked;
            validate(chain.get(0), request);
        } catch (Throwable t) {
            run.rejected(Futures.asVideoException(t, asked == null || asked.provider() == null ? "sdk" : asked.provider()));
            return;
        }
        CompletableFuture<RefinedPrompt> refined;
        try {
            refined = refine(run, request, options);
        } catch (Throwable t) {
            run.rejected(Futures.asVideoException(t, "refiner"));
            return;
        }
        refined.whenComplete((prompt, failure) -> {
            if (failure != null) {
                run.rejected(Futures.asVideoException(failure, "refiner"));
                return;
            }
            VideoRequest toSend = request.withPrompt(prompt.refined());
            if (!prompt.refined().equals(request.prompt())) {
                try {
                    validate(chain.get(0), toSend); // the refined prompt must fit too (e.g. its length)
                } catch (Throwable t) {
                    run.rejected(Futures.asVideoException(t, chain.get(0).provider().id()));
                    return;
                }
            }
            run.create(chain, 0, toSend, prompt);
        });
    }

    private CompletableFuture<RefinedPrompt> refine(JobRun run, VideoRequest request, GenerateOptions options) {
        PromptUseCase useCase = options.refineUseCase() != null ? options.refineUseCase() : refineByDefault;
        String instructions = options.refineUseCase() != null ? options.refineInstructions() : refineInstructions;
        if (useCase == null) {
            return CompletableFuture.completedFuture(RefinedPrompt.unchanged(request.prompt()));
        }
        if (refiner == null) {
            throw new ConfigurationException("prompt refinement was asked for but no PromptRefiner is configured; "
                    + "set one with VideoClient.builder().promptRefiner(...)", "refiner");
        }
        run.refining();
        List<dev.videosdk.MediaInput> images = !request.referenceImages().isEmpty() ? request.referenceImages() : request.images();
        List<dev.videosdk.MediaInput> firstImages = images.subList(0, Math.min(3, images.size()));
        CompletableFuture<RefinedPrompt> answer = referenceVideoFrames(request).thenCompose(frames -> JobRun.call(
                () -> refiner.refine(new RefinementRequest(request.prompt(), firstImages, useCase, instructions, frames))));
        run.track(answer);
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

    /** Frames of the request's reference video for the refiner (ADR 0026); none without a video or a sampler. */
    private CompletableFuture<List<dev.videosdk.MediaInput>> referenceVideoFrames(VideoRequest request) {
        if (request.referenceVideo() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (frameSampler == null) {
            LOG.debug("the request has a reference video but no FrameSampler is configured; the refiner gets no frames");
            return CompletableFuture.completedFuture(List.of());
        }
        return JobRun.call(() -> frameSampler.sample(request.referenceVideo(), dev.videosdk.FrameSampler.DEFAULT_FRAMES))
                .thenApply(frames -> frames == null ? List.of() : frames.size() <= dev.videosdk.FrameSampler.DEFAULT_FRAMES ? frames
                        : frames.subList(0, dev.videosdk.FrameSampler.DEFAULT_FRAMES));
    }

    private void validate(ProviderRegistry.Entry entry, VideoRequest request) {
        String id = entry.provider().id();
        RequestValidator.validate(id, entry.provider().capabilities(), request);
        entry.provider().validate(request);
        costs.check(entry.provider(), request); // [cost] model choice, estimate, budget refusal
    }

    /** The request's provider (or the default), then the fallback chain, each once. */
    private List<ProviderRegistry.Entry> chain(VideoRequest request) {
        List<String> ids = new ArrayList<>();
        ids.add(request.provider() != null ? request.provider() : defaultProvider);
        for (String id : fallback) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        List<ProviderRegistry.Entry> chain = new ArrayList<>();
        for (String id : ids) {
            chain.add(registry.get(id));
        }
        return chain;
    }

    // ---------------------------------------------------------------- await / status / cancel

    @Override
    public CompletableFuture<VideoResult> await(VideoJob job, GenerateOptions options) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        GenerateOptions o = options == null ? GenerateOptions.defaults() : options;
        try {
            if (job == null) {
                throw InvalidRequestException.local("sdk", "job", "job must not be null");
            }
            ProviderRegistry.Entry entry = registry.get(job.provider());
            while (true) {
                JobRun existing = runsByJob.get(key(job.provider(), job.id()));
                if (existing != null) {
                    CompletableFuture<VideoResult> attached = existing.attach(o.listener());
                    if (attached != null) {
                        return attached; // one run per job: a second await shares its wait (LIFECYCLE.md §1)
                    }
                    runsByJob.remove(key(job.provider(), job.id()), existing);
                    continue;
                }
                if (entry.provider().capabilities().streaming()) {
                    throw notResumable(job);
                }
                PollingPolicy policy = o.polling() != null ? o.polling() : entry.polling();
                JobRun run = newRun(id -> JobRun.forJob(id, this, entry, job, policy));
                if (runsByJob.putIfAbsent(key(job.provider(), job.id()), run) != null) {
                    active.remove(run); // another await won the race: attach to its run
                    continue;
                }
                knownJobs.remember(job);
                CompletableFuture<VideoResult> result = run.attach(o.listener());
                run.startWaiting();
                return result != null ? result : CompletableFuture.failedFuture(closedError());
            }
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(Futures.asVideoException(t, job == null ? "sdk" : job.provider()));
        }
    }

    private static VideoException notResumable(VideoJob job) {
        return new VideoException(job.provider() + " delivers its result on one streaming connection, which ended with the "
                + "process that opened it; job " + job.id() + " cannot be resumed from a token. Generate it again.",
                ErrorContext.local(job.provider()), false, null);
    }

    @Override
    public CompletableFuture<JobStatus> status(VideoJob job) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        try {
            if (job == null) {
                throw InvalidRequestException.local("sdk", "job", "job must not be null");
            }
            ProviderRegistry.Entry entry = registry.get(job.provider());
            if (entry.provider().capabilities().streaming()) {
                JobRun live = runsByJob.get(key(job.provider(), job.id()));
                if (live == null) {
                    throw notResumable(job);
                }
                return CompletableFuture.completedFuture(JobStatus.running(null));
            }
            return JobRun.call(() -> entry.provider().poll(job, entry.context())).handle((s, e) -> {
                if (e != null) {
                    throw Futures.asVideoException(e, job.provider());
                }
                return s;
            });
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(Futures.asVideoException(t, job == null ? "sdk" : job.provider()));
        }
    }

    @Override
    public CompletableFuture<Void> cancel(VideoJob job) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        try {
            if (job == null) {
                throw InvalidRequestException.local("sdk", "job", "job must not be null");
            }
            ProviderRegistry.Entry entry = registry.get(job.provider());
            JobRun run = runsByJob.get(key(job.provider(), job.id()));
            if (run != null) {
                run.cancelByCaller(); // stops the local wait and sends the remote cancel
                return run.cancelAck().copy();
            }
            if (entry.provider().capabilities().streaming()) {
                throw notResumable(job);
            }
            return remoteCancel(entry, job);
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(Futures.asVideoException(t, job == null ? "sdk" : job.provider()));
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
    public dev.videosdk.CostEstimate estimate(VideoRequest request) { // [cost]
        String id = request.provider() != null ? request.provider() : defaultProvider;
        VideoProvider provider = registry.get(id).provider();
        return costs.estimate(provider, clamp ? Clamping.toCapabilities(provider, request) : request);
    }

    /**
     * LIFECYCLE.md §3: new calls fail at once; create calls in flight and remote cancels already
     * requested are finished first (bounded by the close timeout); then every pending run fails with
     * a {@link ClientClosedException} carrying its job; then the client's threads stop.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<?>> pending = new ArrayList<>(creates);
        pending.addAll(cancels);
        if (!pending.isEmpty()) {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("close(): {} create call(s) and {} remote cancel(s) still pending after {} ms; their outcome is not "
                        + "known to this client", creates.size(), cancels.size(), closeTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // a failed cancel was logged where it failed
            }
        }
        for (JobRun run : List.copyOf(active)) {
            run.close();
        }
        downloader.close();
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

    /** True once this client made its own {@link HttpClient} (tests: a client that never calls HTTP makes none). */
    boolean madeHttpClient() {
        return !(httpClient instanceof Lazy<?> lazy) || lazy.value != null;
    }

    /** A value made on first use, once. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        value = v = factory.get();
                    }
                }
            }
            return v;
        }
    }
}
