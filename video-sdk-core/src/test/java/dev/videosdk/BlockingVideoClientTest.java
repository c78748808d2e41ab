package dev.videosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The blocking view throws the VideoException itself, never a CompletionException. */
class BlockingVideoClientTest {

    @Test
    void join_returnsTheValue() {
        assertThat(BlockingVideoClient.join(CompletableFuture.completedFuture("v"))).isEqualTo("v");
    }

    @Test
    void join_throwsTheVideoExceptionItself_soATypedCatchWorks() {
        RateLimitException limited = new RateLimitException("slow down", ErrorContext.of("kling", 429, "1302", "req-1"),
                Duration.ofSeconds(7), null);
        Throwable thrown = catchThrowable(() -> BlockingVideoClient.join(CompletableFuture.failedFuture(limited)));

        assertThat(thrown).isSameAs(limited).isNotInstanceOf(CompletionException.class);
        assertThat(((RateLimitException) thrown).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void join_wrapsAFailureThatIsNotAVideoException_keepingItAsCause() {
        UncheckedIOException bug = new UncheckedIOException(new java.io.IOException("disk"));

        assertThatThrownBy(() -> BlockingVideoClient.join(CompletableFuture.failedFuture(bug)))
                .isExactlyInstanceOf(VideoException.class).hasCause(bug).hasMessageContaining("disk");
    }

    @Test
    void join_interrupted_cancelsTheCallKeepsTheFlagAndThrowsTyped() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> BlockingVideoClient.join(pending))
                    .isExactlyInstanceOf(VideoException.class).hasCauseInstanceOf(InterruptedException.class)
                    .hasMessageContaining("interrupted");
            assertThat(pending).isCancelled();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void join_ofACancelledFuture_throwsTyped() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);

        assertThatThrownBy(() -> BlockingVideoClient.join(cancelled))
                .isExactlyInstanceOf(VideoException.class).hasMessageContaining("cancelled");
    }
}
