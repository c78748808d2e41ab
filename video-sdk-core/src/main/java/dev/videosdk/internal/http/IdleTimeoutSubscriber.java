package dev.videosdk.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches a reply body: when no byte arrives for {@code idle}, or the whole body takes longer than
 * {@code total} (null: no cap), it closes the connection and fails the body with a
 * {@link BodyStalledException}. {@code HttpRequest.timeout} stops at the response headers; this
 * covers the rest (LIFECYCLE.md §4). The timer is one task on the shared scheduler, re-armed only
 * when it fires early.
 */
final class IdleTimeoutSubscriber<T> implements HttpResponse.BodySubscriber<T> {

    /** No byte of the reply body arrived in time. */
    static final class BodyStalledException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyStalledException(String message) {
            super(message);
        }
    }

    private final HttpResponse.BodySubscriber<T> delegate;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration idle;
    private final Duration total;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastByteMillis;
    private volatile long startedMillis;
    private volatile ScheduledFuture<?> timer;
    private volatile long bytes;

    IdleTimeoutSubscriber(HttpResponse.BodySubscriber<T> delegate, ScheduledExecutorService scheduler, Clock clock,
                          Duration idle, Duration total) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.clock = clock;
        this.idle = idle;
        this.total = total;
        delegate.getBody().whenComplete((value, failure) -> {
            stopTimer();
            if (failure != null) {
                body.completeExceptionally(failure);
            } else {
                body.complete(value);
            }
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        startedMillis = clock.millis();
        lastByteMillis = startedMillis;
        arm(idle.toMillis());
        delegate.onSubscribe(s);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastByteMillis = clock.millis();
        long n = 0;
        for (ByteBuffer b : items) {
            n += b.remaining();
        }
        bytes += n;
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        if (ended.compareAndSet(false, true)) {
            stopTimer();
            delegate.onError(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (ended.compareAndSet(false, true)) {
            stopTimer();
            delegate.onComplete();
        }
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }

    private void arm(long delayMillis) {
        if (!ended.get() && !scheduler.isShutdown()) {
            timer = scheduler.schedule(this::check, Math.max(1, delayMillis), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        if (ended.get()) {
            return;
        }
        long now = clock.millis();
        long quiet = now - lastByteMillis;
        long sinceStart = now - startedMillis;
        if (total != null && sinceStart >= total.toMillis()) {
            expire("the reply body did not complete within " + total.toMillis() + " ms (" + bytes + " bytes read)");
        } else if (quiet >= idle.toMillis()) {
            expire("no byte of the reply body arrived for " + quiet + " ms (body idle timeout " + idle.toMillis()
                    + " ms, " + bytes + " bytes read)");
        } else {
            long next = idle.toMillis() - quiet;
            if (total != null) {
                next = Math.min(next, total.toMillis() - sinceStart);
            }
            arm(next);
        }
    }

    private void expire(String why) {
        if (ended.compareAndSet(false, true)) {
            // fail the body first: since JDK 21 or so, cancelling closes the connection at once and the client
            // fails the response with its own "bytes received" IOException, which would hide why we stopped
            delegate.onError(new BodyStalledException(why));
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel(); // closes the connection
            }
        }
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
