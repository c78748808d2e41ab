package dev.videosdk.jobs;

import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.WebhookEvent;
import dev.videosdk.spi.WebhookRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared fake as seen by an instance that is about to die: a create whose prompt starts with
 * {@code hang-create} reaches the fake (which records it and starts the job) and then never answers;
 * a status check of a job whose prompt starts with {@code hang-wait} never answers. Counts both. With a
 * {@link #createGate}, every create is held until the gate opens.
 */
final class GatedProvider implements VideoProvider {
    private final VideoProvider fake;
    private final Map<String, String> promptByJob = new ConcurrentHashMap<>();
    final AtomicInteger hungCreates = new AtomicInteger();
    final AtomicInteger hungPolls = new AtomicInteger();
    /** While set, every create reaches the fake and is answered only when this gate completes. */
    volatile CompletableFuture<Void> createGate;
    final AtomicInteger heldCreates = new AtomicInteger();

    GatedProvider(VideoProvider fake) {
        this.fake = fake;
    }

    /** The id of the job the fake created for {@code prompt}, if a create for it arrived. */
    Optional<String> jobIdFor(String prompt) {
        return promptByJob.entrySet().stream().filter(e -> e.getValue().equals(prompt)).map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public String id() {
        return fake.id();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return fake.capabilities();
    }

    @Override
    public PollingPolicy defaultPolling() {
        return fake.defaultPolling();
    }

    @Override
    public void validate(VideoRequest request) {
        fake.validate(request);
    }

    @Override
    public boolean createNotAccepted(dev.videosdk.VideoException error) {
        return fake.createNotAccepted(error);
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        CompletableFuture<VideoJob> created = fake.submit(request, ctx);
        created.thenAccept(job -> promptByJob.put(job.id(), request.prompt()));
        if (request.prompt().startsWith("hang-create")) {
            hungCreates.incrementAndGet();
            return new CompletableFuture<>();
        }
        CompletableFuture<Void> gate = createGate;
        if (gate != null) {
            heldCreates.incrementAndGet();
            return created.thenCombine(gate, (job, open) -> job);
        }
        return created;
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        if (promptByJob.getOrDefault(job.id(), "").startsWith("hang-wait")) {
            hungPolls.incrementAndGet();
            return new CompletableFuture<>();
        }
        return fake.poll(job, ctx);
    }

    @Override
    public CompletableFuture<Void> cancel(VideoJob job, ProviderContext ctx) {
        return fake.cancel(job, ctx);
    }

    @Override
    public Optional<Credential> downloadCredential(VideoAsset asset, URI uri, ProviderContext ctx) {
        return fake.downloadCredential(asset, uri, ctx);
    }

    @Override
    public boolean isOwnHost(URI uri) {
        return fake.isOwnHost(uri);
    }

    @Override
    public WebhookEvent parseWebhook(WebhookRequest request, ProviderContext ctx) {
        return fake.parseWebhook(request, ctx);
    }
}
