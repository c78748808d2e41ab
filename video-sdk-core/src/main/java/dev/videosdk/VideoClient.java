package dev.videosdk;

import dev.videosdk.internal.engine.DefaultVideoClient;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

/**
 * Generates videos with any configured provider. Create one per application and share it: it is
 * thread-safe, and all its jobs share one HTTP client and one scheduler, so thousands of jobs wait
 * on a handful of threads.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.fromEnv()) {
 *     VideoResult result = client.generate(
 *             VideoRequest.text("A calico cat playing piano").durationSeconds(4).build(),
 *             GenerateOptions.builder().onProgress(p -> System.err.println(p.progress())).build())
 *         .join();
 *     client.download(result.video(), Path.of("cat.mp4")).join();
 * }
 * }</pre>
 *
 * <p>Every method returns at once with a {@link CompletableFuture}; failures are
 * {@link VideoException}s. Cancelling a future returned by {@link #generate} or {@link #await}
 * stops waiting and, where the provider supports it, cancels the job remotely. Cancelling a
 * dependent stage (from {@code thenApply} and friends) does not reach back to the job.
 *
 * <p><b>Failures.</b> A future fails with the {@link VideoException} subtype listed on each method.
 * {@code join()} wraps it in a {@link java.util.concurrent.CompletionException} and {@code get()} in an
 * {@link java.util.concurrent.ExecutionException}: catch those and look at {@code getCause()}, or use
 * {@link #blocking()}, whose methods throw the {@code VideoException} itself. Every call fails with
 * {@link ClientClosedException} after {@link #close()}.
 */
public interface VideoClient extends AutoCloseable {

    /** A client configured from the process environment ({@code VIDEO_PROVIDER}, provider keys). */
    static VideoClient fromEnv() {
        return builder().env(environment()).build();
    }

    /**
     * The process environment: the one place the SDK reads it. Applications that need it for their
     * own settings pass this map (or one of their own) to {@link Builder#env(Map)}, so tests can
     * inject another.
     */
    static Map<String, String> environment() {
        return System.getenv();
    }

    /** A client configured from {@code env} instead of the process environment. */
    static VideoClient fromEnv(Map<String, String> env) {
        return builder().env(env).build();
    }

    /** A builder; providers on the class path are found with {@link java.util.ServiceLoader}. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Submits the request and waits for the result. Validation errors fail the future before any
     * network call.
     *
     * <p>Fails with: {@link InvalidRequestException} (before any call), {@link ConfigurationException}
     * (unknown provider, missing key), the create's errors ({@link AuthenticationException},
     * {@link PermissionDeniedException}, {@link RateLimitException}, {@link QuotaExceededException},
     * {@link ContentPolicyException}, {@link ProviderUnavailableException}, {@link JobMayExistException}
     * when a job may exist without an id), the job's ({@link GenerationFailedException},
     * {@link JobExpiredException}, {@link JobCancelledException}), {@link GenerationTimeoutException}
     * (carries the job, resumable), {@link ProtocolException}, {@link ClientClosedException}.
     */
    default CompletableFuture<VideoResult> generate(VideoRequest request) {
        return generate(request, GenerateOptions.defaults());
    }

    /** Submits the request and waits for the result, reporting progress to the options' listener. */
    CompletableFuture<VideoResult> generate(VideoRequest request, GenerateOptions options);

    /**
     * Submits the request and completes with the accepted job at once; collect it later with
     * {@link #await(VideoJob)}. Store {@link VideoJob#toToken()} to survive a restart.
     *
     * <p>Fails with the validation, configuration and create errors of {@link #generate(VideoRequest)}.
     */
    CompletableFuture<VideoJob> submit(VideoRequest request);

    /**
     * Waits for a job, also one submitted before a restart (from its token).
     *
     * <p>Fails with the job errors of {@link #generate(VideoRequest)}, {@link NotFoundException} for a
     * job the provider does not know, {@link GenerationTimeoutException}, {@link ClientClosedException}.
     */
    default CompletableFuture<VideoResult> await(VideoJob job) {
        return await(job, GenerateOptions.defaults());
    }

    /** Waits for a job with the given options. */
    CompletableFuture<VideoResult> await(VideoJob job, GenerateOptions options);

    /**
     * Checks a job's status once; a failed job completes normally with its error in the status.
     *
     * <p>Fails with {@link NotFoundException}, {@link AuthenticationException},
     * {@link RateLimitException}, {@link ProviderUnavailableException}, {@link ProtocolException}.
     */
    CompletableFuture<JobStatus> status(VideoJob job);

    /**
     * Cancels a job: stops any local wait and, where the provider supports it, the job itself
     * (so it stops billing). Completes normally also when the provider cannot cancel remotely.
     *
     * <p>Fails with {@link NotFoundException}, {@link AuthenticationException},
     * {@link ProviderUnavailableException} or the provider's refusal as a {@link VideoException}.
     */
    CompletableFuture<Void> cancel(VideoJob job);

    /**
     * Downloads an asset to {@code target}: streamed to {@code target.part}, resumed with
     * {@code Range} after a dropped or silent connection ({@link Builder#bodyIdleTimeout}), synced to
     * disk and moved into place only when complete and checked; after a failure neither file is
     * left. Completes with {@code target}.
     *
     * <p>A 2xx answer that is not the asset's media (JSON, HTML, text, or first bytes that are not
     * the {@link VideoAsset#mimeType() MIME type}'s signature) is never saved: a JSON error becomes
     * the provider's typed error; a JSON object naming the file's URL ({@code url},
     * {@code video_url}, ...) is followed, with credentials only on the provider's own hosts.
     * Errors carry the provider's message, code and request id; 5xx, 429 and network errors are
     * retried under the client's {@link RetryPolicy}. Cancelling the future stops the transfer.
     *
     * <p>Fails with {@link ProviderUnavailableException} (network, 5xx, stalls after the resumes),
     * {@link ProtocolException} (a body that is not the video, a bad redirect), {@link InvalidRequestException}
     * (not http(s), over {@code maxDownloadBytes}), the provider's mapped error (expired or forbidden link),
     * or a plain {@link VideoException} when {@code target} cannot be written.
     */
    CompletableFuture<Path> download(VideoAsset asset, Path target);

    /**
     * Streams an asset into {@code out}, with the checks of {@link #download(VideoAsset, Path)};
     * completes with the number of bytes written. {@code out} is never closed. The SDK writes on one
     * of its download threads ({@code videosdk-download-N}), in chunks of up to 1 MiB, one write at
     * a time; {@code out} may block (the transfer waits). Bytes already written stay written when
     * the download fails; a resume that would need to rewind {@code out} fails the download instead.
     */
    CompletableFuture<Long> download(VideoAsset asset, OutputStream out);

    /** The callback receiver. */
    Webhooks webhooks();

    /**
     * A blocking view of this client: the same calls, waiting on the calling thread and throwing the
     * {@link VideoException} itself instead of a {@link java.util.concurrent.CompletionException}.
     */
    default BlockingVideoClient blocking() {
        return BlockingVideoClient.of(this);
    }

    /** Ids of the providers this client can use. */
    Set<String> providers();

    /** The provider used when a request names none. */
    String defaultProvider();

    /** What a provider accepts. */
    ProviderCapabilities capabilities(String provider);

    /**
     * What {@code request} is expected to cost, from the client's price table, without any network
     * call. When the request leaves the model open and asks for a tier or the cheapest model, the
     * estimate is for the model the client would choose ({@link CostEstimate#model()},
     * {@link CostEstimate#choice()}). An unknown price gives an estimate with
     * {@link CostEstimate#isKnown()} false, never zero. Limits are not checked here.
     *
     * @throws ConfigurationException for an unknown provider
     * @throws InvalidRequestException when a model choice is asked for and no model fits the request
     */
    CostEstimate estimate(VideoRequest request);

    /** Stops the executors this client created; executors passed in are never shut down. */
    @Override
    void close();

    /** Builds a {@link VideoClient}. Every setting is optional. */
    final class Builder {
        final Map<String, String> env = new HashMap<>();
        final List<VideoProvider> providers = new ArrayList<>();
        final List<VideoProviderFactory> factories = new ArrayList<>();
        String defaultProvider;
        final List<String> fallback = new ArrayList<>();
        final Map<String, Integer> maxInFlight = new LinkedHashMap<>();
        final Map<String, PollingPolicy> polling = new HashMap<>();
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        ScheduledExecutorService scheduler;
        Clock clock = Clock.systemUTC();
        HttpClient httpClient;
        Duration requestTimeout = Duration.ofSeconds(60);
        int maxConcurrentRequests = 64;
        final Map<String, Integer> maxConcurrentRequestsPerProvider = new LinkedHashMap<>();
        VideoEventListener eventListener = VideoEventListener.NONE;
        Duration bodyIdleTimeout = Duration.ofSeconds(30);
        Duration closeTimeout = Duration.ofSeconds(5);
        PromptRefiner promptRefiner;
        FrameSampler frameSampler;
        boolean clampToCapabilities;
        PromptUseCase refineByDefault;
        String refineInstructions;
        long maxDownloadBytes = 4L * 1024 * 1024 * 1024;
        int downloadResumes = 3;
        DoubleSupplier random;
        boolean discover = true;
        PriceTable prices = PriceTable.defaults();
        Cost maxCostPerCall;
        Cost budget;
        boolean allowUnknownCost;
        final Map<String, List<String>> modelFallback = new LinkedHashMap<>();

        Builder() {
        }

        /** Settings read as environment variables (keys, base URLs, {@code VIDEO_PROVIDER}); later calls add. */
        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** One setting, as if it were an environment variable (e.g. {@code "KLING_API_KEY"}). */
        public Builder setting(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a ready-made provider instance (wins over a discovered factory of the same id). */
        public Builder provider(VideoProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Adds a provider factory besides those found with {@link java.util.ServiceLoader}. */
        public Builder providerFactory(VideoProviderFactory factory) {
            factories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** Do not look for providers with {@link java.util.ServiceLoader} (default: look). */
        public Builder withoutDiscovery() {
            discover = false;
            return this;
        }

        /** The provider for requests that name none. Default: {@code VIDEO_PROVIDER}, else the only one. */
        public Builder defaultProvider(String id) {
            defaultProvider = id;
            return this;
        }

        /**
         * Providers to try, in order, when the create call of a job fails with a retryable error
         * (never after a job was accepted, never on content-policy or invalid-request errors).
         */
        public Builder fallback(String... ids) {
            fallback.clear();
            fallback.addAll(List.of(ids));
            return this;
        }

        /** At most {@code n} jobs of {@code provider} generating at once; more wait in FIFO order. Default: no limit. */
        public Builder maxJobsInFlight(String provider, int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxJobsInFlight must be at least 1, but was " + n);
            }
            maxInFlight.put(provider, n);
            return this;
        }

        /** The polling policy for one provider (default: the provider's own). */
        public Builder polling(String provider, PollingPolicy policy) {
            polling.put(provider, Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** How single HTTP calls are retried. Default: {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The scheduler for all waiting. Default: one daemon thread owned by the client. A scheduler
         * passed here is never shut down by the client.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The clock for deadlines and timestamps. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The HTTP client. Default: one created by the client with a 10 s connect timeout, redirects
         * not followed (the downloader follows them itself, dropping credentials on foreign hosts).
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Response timeout of one HTTP call. Default 60 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Most provider calls in flight at once, across all providers (more wait in FIFO order). Keeps
         * a burst of thousands of jobs from opening a connection each. Default 64. Downloads are not
         * counted.
         */
        public Builder maxConcurrentRequests(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, but was " + n);
            }
            this.maxConcurrentRequests = n;
            return this;
        }

        /**
         * Most calls in flight at once to one provider, beside the client-wide cap, so one slow
         * provider cannot take every permit. Default: the client-wide cap.
         *
         * @throws InvalidRequestException when {@code n} is below 1
         */
        public Builder maxConcurrentRequests(String provider, int n) {
            Objects.requireNonNull(provider, "provider");
            if (n < 1) {
                throw InvalidRequestException.local("sdk", "maxConcurrentRequests",
                        "maxConcurrentRequests for " + provider + " must be at least 1, but was " + n);
            }
            maxConcurrentRequestsPerProvider.put(provider, n);
            return this;
        }

        /** Sees every run, call, retry, download and webhook of the client. Default: none. */
        public Builder eventListener(VideoEventListener listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Longest silence while reading a reply body (no byte arrives) before the call fails as a
         * stalled reply: status calls are retried, a create ends {@link CreateOutcome#UNKNOWN}, a
         * download resumes with {@code Range}. Default 30 s.
         */
        public Builder bodyIdleTimeout(Duration timeout) {
            this.bodyIdleTimeout = positive("bodyIdleTimeout", timeout);
            return this;
        }

        /** How long {@link VideoClient#close()} waits for remote cancels already requested. Default 5 s. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive("closeTimeout", timeout);
            return this;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw InvalidRequestException.local("sdk", name, name + " must be positive, but was " + d);
            }
            return d;
        }

        /** The refiner used when a call asks for prompt refinement. Default: none. */
        public Builder promptRefiner(PromptRefiner refiner) {
            this.promptRefiner = refiner;
            return this;
        }

        /**
         * Samples frames of a request's {@link VideoRequest#referenceVideo()} for the prompt refiner
         * (up to {@link FrameSampler#DEFAULT_FRAMES}), e.g. {@code new FfmpegFrameSampler(ffmpeg)} from
         * {@code video-sdk-media}. Default: none, and the refiner gets no frames.
         */
        public Builder frameSampler(FrameSampler sampler) {
            this.frameSampler = sampler;
            return this;
        }

        /**
         * Clamp a request to what its model offers instead of refusing it: a duration, resolution or
         * aspect ratio the model (or provider) does not offer is replaced, before any network call, by
         * the nearest one it does (a tie goes to the shorter duration or lower resolution, the cheaper
         * one); each change is logged at INFO. Read from the same per-model capabilities as validation and
         * model choice. Other rules (prompt length, inputs) still fail with
         * {@link InvalidRequestException}. Default: false, every such value is refused.
         */
        public Builder clampToCapabilities(boolean clamp) {
            this.clampToCapabilities = clamp;
            return this;
        }

        /**
         * Refine every prompt with the configured refiner, using this preset and extra instructions
         * (may be null), unless a call's {@link GenerateOptions} asks for its own. Default: refine only
         * when a call asks.
         */
        public Builder refineByDefault(PromptUseCase useCase, String extraInstructions) {
            this.refineByDefault = Objects.requireNonNull(useCase, "useCase");
            this.refineInstructions = extraInstructions;
            return this;
        }

        /** Largest download in bytes. Default 4 GiB. */
        public Builder maxDownloadBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxDownloadBytes must be at least 1, but was " + bytes);
            }
            this.maxDownloadBytes = bytes;
            return this;
        }

        /** How many times a dropped download is resumed. Default 3. */
        public Builder downloadResumes(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("downloadResumes must be zero or more, but was " + n);
            }
            this.downloadResumes = n;
            return this;
        }

        /** Source of randomness for jitter, values in [0, 1). Default: {@link java.util.concurrent.ThreadLocalRandom}. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The prices estimates are made from. Default: {@link PriceTable#defaults()}, the table
         * shipped with the SDK; extend it with {@code PriceTable.defaults().overriddenBy(...)}.
         */
        public Builder prices(PriceTable table) {
            this.prices = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * The most one call may cost when its request sets no {@link VideoRequest.Builder#maxCost(Cost)}:
         * a request estimated above it fails with {@link BudgetExceededException} before any network
         * call. Default: no limit.
         */
        public Builder maxCostPerCall(Cost limit) {
            this.maxCostPerCall = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * A limit on what this client may spend in total: the estimates of the jobs it submitted,
         * replaced by the provider's reported cost when a result reports one. A request whose
         * estimate is above what is left fails with {@link BudgetExceededException} before any
         * network call. A create that was not accepted gives its estimate back. Default: no limit.
         */
        public Builder budget(Cost total) {
            this.budget = Objects.requireNonNull(total, "total");
            return this;
        }

        /**
         * Whether a request whose price is unknown (or in a unit without a dollar rate) may pass a
         * limit. Default false: with a limit set, an unknown price is refused.
         */
        public Builder allowUnknownCost(boolean allow) {
            this.allowUnknownCost = allow;
            return this;
        }

        /**
         * Models of {@code provider} to try in order when a create call is not accepted (quota,
         * rate limit, a retryable outage) — the same rule as provider {@link #fallback(String...)}:
         * never after a job was accepted or may exist, never on content-policy or invalid-request
         * errors. A request for a model of this list falls back to the models after it; any other
         * request to all of them. Models that do not fit the request are skipped. Default: none.
         */
        public Builder modelFallback(String provider, String... models) {
            Objects.requireNonNull(provider, "provider");
            modelFallback.put(provider, List.of(models));
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws ConfigurationException for an unknown default provider or none at all
         */
        public VideoClient build() {
            return new DefaultVideoClient(new DefaultVideoClient.Settings(Map.copyOf(env), List.copyOf(providers),
                    List.copyOf(factories), discover, defaultProvider, List.copyOf(fallback), Map.copyOf(maxInFlight),
                    Map.copyOf(polling), retryPolicy, scheduler, clock, httpClient, requestTimeout, maxConcurrentRequests,
                    promptRefiner,
                    refineByDefault, refineInstructions, maxDownloadBytes, downloadResumes, random,
                    Map.copyOf(maxConcurrentRequestsPerProvider), eventListener, bodyIdleTimeout, closeTimeout,
                    new dev.videosdk.internal.cost.CostSettings(prices, maxCostPerCall, budget, allowUnknownCost,
                            modelFallback), frameSampler, clampToCapabilities));
        }
    }
}
