package dev.videosdk;

import java.time.Duration;

/**
 * One try of one HTTP call to a provider (or a download host), as seen by
 * {@link VideoEventListener#httpCallStarted}, {@link VideoEventListener#httpCallFinished} and
 * {@link VideoEventListener#retryScheduled}. Every try that started ends with exactly one finished event
 * carrying the same {@link #id()}.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param provider the provider id
 * @param method   the HTTP method
 * @param kind     what the call does
 * @param status   the HTTP status, or 0 when no answer arrived
 * @param attempt  the try, counted from 1
 * @param duration from sending to the answer's headers (or the failure)
 * @param failure  the error of this try, or null when it succeeded
 * @param id       this try's id, unique in the JVM: pairs a started event with its finished one (0 for a try
 *                 that failed before it was sent, which has no started event)
 */
public record HttpCallEvent(String provider, String method, Kind kind, int status, int attempt, Duration duration,
                            VideoException failure, long id) {

    /** What an HTTP call does; a bounded set, usable as a metric tag. */
    public enum Kind {
        /** A call that may start a paid job. */
        CREATE,
        /** An idempotent call (status, cancel, DELETE): retried on network errors, 408, 429 and 5xx. */
        IDEMPOTENT,
        /** A long streaming response (server-sent events). */
        STREAM,
        /** A media download. */
        DOWNLOAD
    }
}
