package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.BlockingVideoClient;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The README's "Testing with the fake" and "Blocking calls" snippets, as written there. */
class ReadmeExamplesTest {

    @Test
    void readme_tenMinuteLifecycleInMilliseconds() {
        long started = System.nanoTime();
        // with percentages, a fixed policy still checks at exactly its interval (LIFECYCLE.md section 4)
        FakeVideoProvider fake = new FakeVideoProvider(FakeScript.succeedAfterPolls(10).withProgress(10, 50, 90),
                PollingPolicy.fixed(Duration.ofMinutes(1)), "webhook-secret");
        VirtualTime time = VirtualTime.start();
        try (VideoClient client = fake.client(time)) {                 // the fake only, on virtual time
            CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("A calico cat playing piano").build());
            VideoResult result = time.run(f);                         // ten minutes of polling, in milliseconds
            assertThat(result.video().uri()).isNotNull();
            assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(10));
        }
        // --- end ---
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void readme_scriptedFailure() {
        FakeVideoProvider fake = new FakeVideoProvider();
        // --- README: Testing with the fake ---
        fake.enqueue(FakeScript.failAfter(2, FakeErrors.generationFailed("boom")));
        VirtualTime time = VirtualTime.start();
        try (VideoClient client = fake.client(time)) {
            CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
            assertThatThrownBy(() -> time.run(f))
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(GenerationFailedException.class).hasMessageContaining("boom");
        }
        // --- end ---
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void readme_blockingView_throwsTheTypedErrorAndReturnsResults() {
        FakeVideoProvider fake = new FakeVideoProvider(FakeScript.succeedAfterPolls(1), PollingPolicy.fixed(Duration.ofMillis(1)), "s");
        fake.enqueue(FakeScript.rejectSubmit(FakeErrors.rateLimited(Duration.ofSeconds(30))));
        // real threads: a blocking call cannot drive virtual time; the fake answers within milliseconds
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(fake).build()) {
            BlockingVideoClient sync = client.blocking();
            Duration waited = null;
            try {
                sync.generate(VideoRequest.text("first").build());
            } catch (RateLimitException e) {                          // no CompletionException to unwrap
                waited = e.retryAfter().orElseThrow();
            }
            assertThat(waited).isEqualTo(Duration.ofSeconds(30));

            VideoResult result = sync.generate(VideoRequest.text("second").build());
            assertThat(result.assets()).isNotEmpty();
            assertThat(sync.status(result.job()).state()).isEqualTo(dev.videosdk.JobState.SUCCEEDED);
        }
    }

    @Test
    void fakeErrors_areTypedAndFromTheFake() {
        assertThat(FakeErrors.generationFailed("boom").provider()).isEqualTo("fake");
        assertThat(FakeErrors.generationFailed("boom").isRetryable()).isFalse();
        assertThat(FakeErrors.rateLimited(null).isRetryable()).isTrue();
        assertThat(FakeErrors.contentPolicy("violence").reasons()).containsExactly("violence");
        assertThat(FakeErrors.unavailable("down").isRetryable()).isTrue();
        assertThat(FakeErrors.quotaExceeded().isRetryable()).isFalse();
        assertThat(FakeErrors.unauthenticated().getMessage()).isEqualTo("invalid API key");
    }
}
