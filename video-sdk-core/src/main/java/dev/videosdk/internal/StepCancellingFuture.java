package dev.videosdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A future whose cancellation also cancels the step it is waiting on (a timer or an HTTP call),
 * so cancelling a wait really stops it. Cancelling a dependent stage (from {@code thenApply} and
 * friends) does not travel back up to this future.
 */
public class StepCancellingFuture<T> extends CompletableFuture<T> {
    private volatile Future<?> pending;

    /** Records the step in progress; cancels it at once if this future is already done. */
    public void track(Future<?> step) {
        pending = step;
        if (isDone()) {
            step.cancel(true);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Future<?> step = pending;
        if (step != null) {
            step.cancel(true);
        }
        return cancelled;
    }
}
