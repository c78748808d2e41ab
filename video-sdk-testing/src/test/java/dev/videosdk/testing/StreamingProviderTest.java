package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.StreamObserver;
import dev.videosdk.spi.VideoProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a provider whose result arrives on one streaming response plugs into the engine. */
class StreamingProviderTest {
    private final VirtualTime time = VirtualTime.start();

    /** Streams 25/50/75 % one second apart, then the video; or never finishes. */
    private static final class StreamingFake implements VideoProvider {
        final List<CompletableFuture<JobStatus>> streams = new CopyOnWriteArrayList<>();
        final boolean finishes;

        StreamingFake(boolean finishes) {
            this.finishes = finishes;
        }

        @Override
        public String id() {
            return "streamer";
        }

        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.builder().streaming(true).build();
        }

        @Override
        public PollingPolicy defaultPolling() {
            return PollingPolicy.defaults().withTimeout(Duration.ofMinutes(5));
        }

        @Override
        public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
            throw new AssertionError("streaming providers are never asked to submit");
        }

        @Override
        public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
            throw new AssertionError("streaming providers are never polled");
        }

        @Override
        public CompletableFuture<JobStatus> stream(VideoRequest request, ProviderContext ctx, StreamObserver observer) {
            CompletableFuture<JobStatus> result = new CompletableFuture<>();
            streams.add(result);
            VideoJob job = VideoJob.of(id(), "chatcmpl-1", "sora_video2", ctx.clock().instant());
            observer.started(job);
            for (int i = 1; i <= 3; i++) {
                int pct = i * 25;
                ctx.scheduler().schedule(() -> observer.update(JobStatus.running(pct)), i, TimeUnit.SECONDS);
            }
            if (finishes) {
                ctx.scheduler().schedule(() -> result.complete(JobStatus.succeeded(List.of(
                        VideoAsset.video(URI.create("https://cdn.example/v.mp4"), job, null)))), 4, TimeUnit.SECONDS);
            }
            return result;
        }
    }

    private VideoClient client(VideoProvider p) {
        return VideoClient.builder().withoutDiscovery().provider(p).clock(time.clock()).scheduler(time.scheduler()).build();
    }

    @Test
    void generate_streamsProgressEventsLikePollingProviders() {
        StreamingFake p = new StreamingFake(true);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        try (VideoClient client = client(p)) {
            VideoResult r = time.run(client.generate(VideoRequest.text("x").build(),
                    GenerateOptions.builder().onProgress(events::add).build()));

            assertThat(events).extracting(ProgressEvent::progress).containsExactly(25, 50, 75);
            assertThat(events).extracting(ProgressEvent::attempt).containsExactly(1, 2, 3);
            assertThat(r.video().uri()).hasToString("https://cdn.example/v.mp4");
            assertThat(r.job().id()).isEqualTo("chatcmpl-1");
        }
    }

    @Test
    void awaitFromToken_saysTheStreamCannotBeResumed() {
        try (VideoClient client = client(new StreamingFake(true))) {
            VideoJob fromToken = VideoJob.fromToken(VideoJob.of("streamer", "chatcmpl-9", null, time.now()).toToken());

            CompletionException e = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
                    () -> client.await(fromToken).join());

            assertThat(e.getCause()).hasMessageContaining("cannot be resumed from a token");
        }
    }

    @Test
    void cancel_cancelsTheProvidersStream() {
        StreamingFake p = new StreamingFake(false);
        try (VideoClient client = client(p)) {
            CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
            time.advance(Duration.ofSeconds(2));

            f.cancel(true);

            assertThat(p.streams.get(0)).isCancelled();
        }
    }

    @Test
    void deadline_endsAStreamThatNeverFinishes() {
        StreamingFake p = new StreamingFake(false);
        try (VideoClient client = client(p)) {
            CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
            time.advance(Duration.ofMinutes(5));

            assertThat(f).isCompletedExceptionally();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(f::join)).hasCauseInstanceOf(GenerationTimeoutException.class);
            assertThat(p.streams.get(0)).isCancelled();
        }
    }
}
