package dev.videosdk.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * At most N holders at once; waiters are served first come, first served, and a waiter that gave
 * up (its future was cancelled) loses its place. Never blocks a thread.
 */
public final class AsyncSemaphore {
    private final int limit;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inUse;

    /** A semaphore with {@code limit} permits. */
    public AsyncSemaphore(int limit) {
        this.limit = limit;
    }

    /** Completes when a slot is held; the holder must call {@link #release()} exactly once. */
    public synchronized CompletableFuture<Void> acquire() {
        if (inUse < limit && waiting.isEmpty()) {
            inUse++;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        waiting.add(ticket);
        return ticket;
    }

    /** Frees a slot, handing it to the longest waiter (skipping waiters that gave up). */
    public void release() {
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
        if (!next.complete(null)) {
            release(); // the waiter was cancelled just now: pass the permit on
        }
    }

    /** Permits held now. */
    public synchronized int inUse() {
        return inUse;
    }

    /** Waiters queued now. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
