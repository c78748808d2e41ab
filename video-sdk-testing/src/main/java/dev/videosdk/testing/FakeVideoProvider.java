package dev.videosdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.videosdk.AspectRatio;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.NotFoundException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider (id {@code fake}) for tests and demos: no keys, no network to any
 * provider, deterministic. Each submitted job follows the next queued {@link FakeScript}, or the
 * default one (three status checks, then success). Finished jobs point at a small, real, playable
 * MP4 served from a loopback HTTP server, so downloads go through the SDK's real downloader.
 *
 * <pre>{@code
 * FakeVideoProvider fake = new FakeVideoProvider();
 * fake.enqueue(FakeScript.failAfter(2, new GenerationFailedException("boom", ErrorContext.local("fake"), false, null)));
 * VideoClient client = VideoClient.builder().withoutDiscovery().provider(fake).build();
 * }</pre>
 *
 * <p>Registered with {@link java.util.ServiceLoader}, so {@code VIDEO_PROVIDER=fake} works too.
 * Webhooks: post {@code {"id":"<job id>","status":"succeeded"}} with header
 * {@code x-fake-signature} = hex SHA-256 of {@code secret + body} (secret from {@code FAKE_WEBHOOK_SECRET},
 * default {@code fake-secret}); the SDK then fetches the status, as for unsigned providers. A signed
 * {@code {"type":"ping"}} is verified and ignored.
 */
public final class FakeVideoProvider implements VideoProvider {
    /** The provider id. */
    public static final String ID = "fake";
    /** Resource name of the bundled sample video. */
    private static final String SAMPLE = "sample.mp4";
    private static final StatusTable STATUSES = StatusTable.builder().queued("queued").running("running")
            .succeeded("succeeded").failed("failed").cancelled("cancelled").build();

    private final Queue<FakeScript> scripts = new ArrayDeque<>();
    private final FakeScript defaultScript;
    private final PollingPolicy polling;
    private final String webhookSecret;
    private final List<VideoRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String id;
    private volatile Duration pollAfter;
    private volatile dev.videosdk.Cost reportedCost;
    private volatile HttpServer server;

    private final Queue<CompletableFuture<Void>> holds = new ArrayDeque<>();

    private static final class Job {
        final FakeScript script;
        final java.time.Instant createdAt;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean cancelled;

        Job(FakeScript script, java.time.Instant createdAt) {
            this.script = script;
            this.createdAt = createdAt;
        }
    }

    /**
     * Holds the next create call in flight until the returned future is completed: complete it
     * normally to let the call go on (with its script), or exceptionally to fail the call with that
     * error. Lets a test cancel or close while a create is in flight.
     */
    public synchronized CompletableFuture<Void> holdNextCreate() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        holds.add(gate);
        return gate;
    }

    /** A fake with the default script (success on the 3rd check) and fast polling (every 300 ms). */
    public FakeVideoProvider() {
        this(FakeScript.succeedAfterPolls(3), new PollingPolicy(Duration.ofMillis(300), Duration.ofMillis(300), 1.0,
                Duration.ofMillis(300), 0.0, Integer.MAX_VALUE, Duration.ofMinutes(1)), "fake-secret");
    }

    /** A fake with its own default script, polling policy and webhook secret. */
    public FakeVideoProvider(FakeScript defaultScript, PollingPolicy polling, String webhookSecret) {
        this(ID, defaultScript, polling, webhookSecret);
    }

    /** A fake registered under another id (e.g. to test fallback between two providers). */
    public FakeVideoProvider(String id, FakeScript defaultScript, PollingPolicy polling, String webhookSecret) {
        this.id = id;
        this.defaultScript = defaultScript;
        this.polling = polling;
        this.webhookSecret = webhookSecret;
    }

    /** Queues the script for the next submitted job (FIFO). */
    public synchronized FakeVideoProvider enqueue(FakeScript script) {
        scripts.add(script);
        return this;
    }

    /**
     * A client that uses only this fake, on virtual time: the one line of setup a test needs.
     * {@code VideoClient client = fake.client(time);}
     */
    public VideoClient client(VirtualTime time) {
        return VideoClient.builder().withoutDiscovery().provider(this)
                .clock(time.clock()).scheduler(time.scheduler()).build();
    }

    /** Makes every status carry a "look again after" hint, as some providers send. */
    public FakeVideoProvider pollAfterHint(Duration hint) {
        this.pollAfter = hint;
        return this;
    }

    /**
     * Makes every succeeded status report this cost, as providers that bill per job do (e.g. Runway's
     * {@code cost.credits}); null (the default) reports none.
     */
    public FakeVideoProvider reportCost(dev.videosdk.Cost cost) {
        this.reportedCost = cost;
        return this;
    }

    /** Every request submitted, in order. */
    public List<VideoRequest> requests() {
        return List.copyOf(requests);
    }

    /** Ids of jobs cancelled remotely, in order. */
    public List<String> cancelledJobs() {
        return List.copyOf(cancelled);
    }

    /** How many status checks job {@code id} has had. */
    public int polls(String id) {
        Job job = jobs.get(id);
        return job == null ? 0 : job.polls.get();
    }

    /** The bytes of the bundled sample MP4 (H.264, 160x90, 2 s). */
    public static byte[] sampleVideo() {
        try (InputStream in = FakeVideoProvider.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("sample.mp4 is missing from the video-sdk-testing jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return ProviderCapabilities.builder()
                .models(true, "fake-1")
                .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16, AspectRatio.SQUARE_1_1)
                .durationsSeconds(4, 5, 8, 10, 12)
                .maxImages(3).lastFrame(true).maxReferenceImages(3).referenceVideo(true)
                .negativePrompt(true).maxPromptLength(4000)
                .remoteCancel(true).webhooks(true)
                .build();
    }

    @Override
    public PollingPolicy defaultPolling() {
        return polling;
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        CompletableFuture<Void> gate;
        synchronized (this) {
            gate = holds.poll();
        }
        if (gate != null) {
            return gate.thenCompose(v -> create(request, ctx));
        }
        return create(request, ctx);
    }

    private CompletableFuture<VideoJob> create(VideoRequest request, ProviderContext ctx) {
        requests.add(request);
        FakeScript script;
        synchronized (this) {
            script = scripts.isEmpty() ? defaultScript : scripts.poll();
        }
        if (script.submitFailure() != null) {
            return CompletableFuture.failedFuture(script.submitFailure());
        }
        String jobId = id + "-" + ids.incrementAndGet();
        jobs.put(jobId, new Job(script, ctx.clock().instant()));
        return CompletableFuture.completedFuture(VideoJob.of(id, jobId, capabilities().modelOrDefault(request.model()),
                ctx.clock().instant()));
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        Duration hint = pollAfter;
        return hint == null ? check(job, ctx) : check(job, ctx).thenApply(s -> ProviderData.withPollAfter(s, hint));
    }

    private CompletableFuture<JobStatus> check(VideoJob job, ProviderContext ctx) {
        Job state = jobs.get(job.id());
        if (state == null) {
            return CompletableFuture.failedFuture(new NotFoundException(id + " job " + job.id() + " does not exist",
                    ErrorContext.of(id, 404, "not_found", null), null));
        }
        if (state.cancelled) {
            return CompletableFuture.completedFuture(ProviderData.withRaw(JobStatus.cancelled("cancelled"), "cancelled", null));
        }
        int n = state.polls.incrementAndGet();
        FakeScript s = state.script;
        boolean due = s.runTime() != null ? !ctx.clock().instant().isBefore(state.createdAt.plus(s.runTime())) : n >= s.polls();
        if (!s.finishes() || !due) {
            Integer percent = s.progress().isEmpty() ? null : s.progress().get((n - 1) % s.progress().size());
            JobStatus status = n == 1 && s.finishes() && s.polls() > 2 ? JobStatus.queued() : JobStatus.running(percent);
            return CompletableFuture.completedFuture(ProviderData.withRaw(status,
                    n == 1 && s.finishes() && s.polls() > 2 ? "queued" : "running", null));
        }
        if (s.failure() != null) {
            return CompletableFuture.completedFuture(ProviderData.withRaw(JobStatus.failed(s.failure()), "failed", null));
        }
        return CompletableFuture.completedFuture(ProviderData.withRaw(JobStatus.succeeded(List.of(
                VideoAsset.video(videoUri(job.id()), job, null))), "succeeded", null).withCost(reportedCost));
    }

    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        Job state = jobs.get(job.id());
        if (state != null) {
            state.cancelled = true;
        }
        cancelled.add(job.id());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        String expected = sha256Hex(webhookSecret + request.bodyText());
        String given = request.header("x-fake-signature").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new WebhookVerificationException(id + " webhook signature does not match", ErrorContext.local(id), null);
        }
        JsonNode body;
        try {
            body = ctx.json().readTree(request.bodyText());
        } catch (IOException e) {
            throw new WebhookVerificationException("fake webhook body is not JSON", ErrorContext.local(ID), e);
        }
        if ("ping".equals(body.path("type").asText())) {
            return WebhookEvent.ignored("fake ping event");
        }
        String id = body.path("id").asText("");
        if (id.isEmpty()) {
            throw new WebhookVerificationException("fake webhook body has no id", ErrorContext.local(ID), null);
        }
        return new WebhookEvent(id, ProviderData.withRaw(JobStatus.running(null), body.path("status").asText(null),
                request.bodyText()), false);
    }

    /** Hex SHA-256 of a text; the fake's webhook "signature". */
    public static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state table the fake speaks (exposed for tests of {@link StatusTable}). */
    public static StatusTable statusTable() {
        return STATUSES;
    }

    private URI videoUri(String jobId) {
        return URI.create("http://127.0.0.1:" + server().getAddress().getPort() + "/videos/" + jobId + ".mp4");
    }

    private synchronized HttpServer server() {
        if (server == null) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                byte[] video = sampleVideo();
                s.createContext("/videos/", exchange -> {
                    try (exchange; OutputStream out = exchange.getResponseBody()) {
                        exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                        exchange.sendResponseHeaders(200, video.length);
                        out.write(video);
                    }
                });
                s.setExecutor(null);
                s.start();
                server = s;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake provider's loopback server", e);
            }
        }
        return server;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
