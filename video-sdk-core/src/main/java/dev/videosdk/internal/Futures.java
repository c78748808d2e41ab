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

    /**
     * {@code t} as a {@link VideoException}: one error channel (LIFECYCLE.md §8). Anything else a
     * provider or a step throws — an {@code IllegalArgumentException}, an {@code Error} such as
     * {@code NoClassDefFoundError}, a stray cancellation — is wrapped, never passed through.
     */
    public static VideoException asVideoException(Throwable t, String provider) {
        Throwable cause = unwrap(t);
        if (cause instanceof VideoException v) {
            return v;
        }
        String what = cause instanceof CancellationException ? "a step was cancelled" : "unexpected error";
        return new VideoException(what + " in " + provider + ": " + cause, ErrorContext.local(provider), false, cause);
    }
}
