package dev.videosdk.soraproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.ProgressEvent;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idle timeout and cancellation on a real, slow loopback stream; virtual time is moved by hand. */
class StreamLifecycleTest {
    final VirtualTime time = VirtualTime.start();
    final BlockingQueue<ProgressEvent> progress = new LinkedBlockingQueue<>();
    SlowSseServer server;
    VideoClient client;

    @BeforeEach
    void start() throws Exception {
        server = new SlowSseServer();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    CompletableFuture<VideoResult> generate(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(SoraProxy.API_KEY, "k", SoraProxy.BASE_URL, server.baseUrl()));
        env.putAll(extra);
        client = VideoClient.builder().withoutDiscovery().providerFactory(new SoraProxyProviderFactory()).env(env)
                .defaultProvider(SoraProxy.ID).clock(time.clock()).scheduler(time.scheduler()).build();
        return client.generate(VideoRequest.text("A cat").build(), GenerateOptions.builder().onProgress(progress::add).build());
    }

    /** Sends a progress chunk and waits (real time; virtual time does not move) until the client reported it. */
    void progressArrives(int percent) throws InterruptedException {
        server.send(ChunkFormatsTest.content("> 🏃 进度：" + percent + "%\n\n"));
        ProgressEvent event = progress.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull().extracting(ProgressEvent::progress).isEqualTo(percent);
    }

    @Test
    void silentStream_failsWithATimeoutAfterTheIdleTime_andClosesTheConnection() throws Exception {
        CompletableFuture<VideoResult> f = generate(Map.of());
        progressArrives(10);

        time.advance(Duration.ofSeconds(299));
        assertThat(f).isNotDone();
        time.advance(Duration.ofSeconds(1));

        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).cause().isInstanceOf(GenerationTimeoutException.class)
                .hasMessageStartingWith("sora-proxy stream sent nothing for 300 s (idle timeout, SORA_IDLE_TIMEOUT_SECONDS)");
        server.probeDisconnect();
        server.clientGone.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyChunk_resetsTheConfiguredIdleTimer() throws Exception {
        CompletableFuture<VideoResult> f = generate(Map.of(SoraProxy.IDLE_TIMEOUT_SECONDS, "120"));
        progressArrives(10);
        time.advance(Duration.ofSeconds(100));
        progressArrives(20);
        time.advance(Duration.ofSeconds(100));
        assertThat(f).as("200 s since the start, but only 100 s since the last chunk").isNotDone();
        time.advance(Duration.ofSeconds(19));
        assertThat(f).isNotDone();
        time.advance(Duration.ofSeconds(1));
        assertThatThrownBy(f::join).cause().isInstanceOf(GenerationTimeoutException.class)
                .hasMessageStartingWith("sora-proxy stream sent nothing for 120 s");
    }

    @Test
    void cancellingTheGeneration_closesTheConnection() throws Exception {
        CompletableFuture<VideoResult> f = generate(Map.of());
        progressArrives(30);

        assertThat(f.cancel(true)).isTrue();

        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
        server.probeDisconnect();
        server.clientGone.get(10, TimeUnit.SECONDS);
        assertThat(server.clientGone).isCompleted();
    }

    @Test
    void cancellingBeforeTheHeaders_abortsTheCall() throws Exception {
        server.close();
        server = new SlowSseServer(true);
        CompletableFuture<VideoResult> f = generate(Map.of());
        server.requestArrived.get(10, TimeUnit.SECONDS);

        f.cancel(true);

        server.probeDisconnect();
        server.clientGone.get(10, TimeUnit.SECONDS);
        assertThat(progress).isEmpty();
        assertThat(f).isCancelled();
    }

    @Test
    void aStreamThatFinishes_afterProgress_succeeds() throws Exception {
        CompletableFuture<VideoResult> f = generate(Map.of());
        progressArrives(50);
        server.send(ChunkFormatsTest.chunk("[video](https://cdn.example/done.mp4)", null, "stop"));
        VideoResult r = Drive.frozen(time, f);
        assertThat(r.video().uri().toString()).isEqualTo("https://cdn.example/done.mp4");
        assertThat(time.elapsed()).isEqualTo(Duration.ZERO);
    }
}
