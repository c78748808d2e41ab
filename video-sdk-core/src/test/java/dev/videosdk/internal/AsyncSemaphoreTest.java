package dev.videosdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncSemaphoreTest {
    @Test
    void permitsGoToWaitersInArrivalOrder_skippingThoseThatGaveUp() {
        AsyncSemaphore s = new AsyncSemaphore(1);
        CompletableFuture<Void> holder = s.acquire();
        CompletableFuture<Void> first = s.acquire();
        CompletableFuture<Void> gaveUp = s.acquire();
        CompletableFuture<Void> third = s.acquire();
        assertThat(holder).isDone();
        assertThat(first).isNotDone();
        assertThat(s.waiting()).isEqualTo(3);

        gaveUp.cancel(true);
        s.release();
        assertThat(first).isDone();
        assertThat(third).isNotDone();

        s.release();
        assertThat(third).isDone();
        s.release();
        assertThat(s.inUse()).isZero();
        assertThat(s.waiting()).isZero();
    }

    @Test
    void aNewcomerDoesNotOvertakeQueuedWaiters() {
        AsyncSemaphore s = new AsyncSemaphore(2);
        s.acquire();
        s.acquire();
        CompletableFuture<Void> queued = s.acquire();
        s.release();
        assertThat(queued).isDone();
        assertThat(s.acquire()).isNotDone(); // both permits are held again
        assertThat(s.inUse()).isEqualTo(2);
    }
}
