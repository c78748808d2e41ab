package dev.videosdk.internal;

import dev.videosdk.ErrorContext;
import dev.videosdk.VideoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for futures. */
public final class Futures {
    private Futures() {
    }

    /** The cause behind {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** {@code t} as a {@link VideoException}, wrapping anything unexpected (cancellation passes through). */
    public static RuntimeException asVideoException(Throwable t, String provider) {
        Throwable cause = unwrap(t);
        if (cause instanceof VideoException v) return v;
        if (cause instanceof CancellationException c) return c;
        if (cause instanceof IllegalArgumentException i) return i;
        return new VideoException("unexpected error in " + provider + ": " + cause, ErrorContext.local(provider), false, cause);
    }
}
