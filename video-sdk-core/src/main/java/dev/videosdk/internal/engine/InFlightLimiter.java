package dev.videosdk.internal.engine;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/** At most N holders at once; waiters are served first come, first served. Never blocks a thread. */
final class InFlightLimiter {
    private final int limit;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inUse;

    InFlightLimiter(int limit) {
        this.limit = limit;
    }

    /** Completes when a slot is held; the holder must call {@link #release()} exactly once. */
    synchronized CompletableFuture<Void> acquire() {
        if (inUse < limit && waiting.isEmpty()) {
            inUse++;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        waiting.add(ticket);
        return ticket;
    }

    /** Frees a slot, handing it to the longest waiter (skipping waiters that gave up). */
    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            while ((next = waiting.poll()) != null && next.isDone()) {
                // the waiter was cancelled; skip it
            }
            if (next == null) {
                inUse--;
                return;
            }
        }
        next.complete(null);
    }

    synchronized int inUse() {
        return inUse;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
