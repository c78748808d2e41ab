package dev.videosdk;

import java.time.Duration;

/**
 * Sees what a client does, for metrics, tracing, progress bars and audit logs; in the style of
 * OkHttp's {@code EventListener}. Set one per client with {@link VideoClient.Builder#eventListener}.
 * Every method has an empty default: override what you need.
 *
 * <p>Calls arrive in order for one run, on an SDK thread, off the engine's hot path: a listener
 * must return quickly and must not block. An exception thrown by a listener is logged and never
 * breaks a job. Events carry no secrets and no prompts.
 */
public interface VideoEventListener {

    /** A listener that ignores every event. */
    VideoEventListener NONE = new VideoEventListener() {
    };

    /** A run started ({@code generate}, {@code submit} or {@code await}). */
    default void runStarted(RunInfo run) {
    }

    /** The run moved from {@code from} to {@code run.state()}. */
    default void stateChanged(RunInfo run, RunState from) {
    }

    /**
     * The cost of a create call was estimated just before it is sent (once per model and provider
     * tried). {@link CostEstimate#choice()} says why the model was chosen when the request left it
     * open; {@link CostEstimate#isKnown()} is false when the price is unknown.
     */
    default void costEstimated(CostEstimate estimate) {
    }

    /** A create call is about to be sent to {@code run.provider()} (once per provider tried). */
    default void createStarted(RunInfo run) {
    }

    /**
     * A create call ended. {@code run.job()} is set when {@code outcome} is
     * {@link CreateOutcome#ACCEPTED}; {@code error} is null then.
     */
    default void createFinished(RunInfo run, CreateOutcome outcome, VideoException error, Duration duration) {
    }

    /**
     * A status check ended. {@code status} is null when the check failed ({@code error} set);
     * {@code nextDelay} is the wait before the next check, or null when the run ends.
     */
    default void pollFinished(RunInfo run, int attempt, JobStatus status, VideoException error, Duration nextDelay) {
    }

    /** A progress report (the same the call's {@link ProgressListener} gets). */
    default void progress(RunInfo run, ProgressEvent event) {
    }

    /**
     * An HTTP try is about to be sent ({@code status} 0, {@code duration} zero); its
     * {@link #httpCallFinished} follows with the same {@link HttpCallEvent#id()}.
     */
    default void httpCallStarted(HttpCallEvent call) {
    }

    /** One HTTP try ended (answered or failed). */
    default void httpCallFinished(HttpCallEvent call) {
    }

    /** A failed HTTP try will be retried after {@code delay}. */
    default void retryScheduled(HttpCallEvent failedTry, Duration delay) {
    }

    /** Bytes of a download arrived; {@code totalBytes} is -1 when unknown. */
    default void downloadProgress(VideoAsset asset, long bytes, long totalBytes) {
    }

    /** A download ended: {@code error} null on success. */
    default void downloadFinished(VideoAsset asset, long bytes, VideoException error, Duration duration) {
    }

    /** A callback was handled: {@code outcome} null when it was rejected ({@code rejected} set). */
    default void webhookHandled(String provider, WebhookOutcome outcome, VideoException rejected) {
    }

    /** A run ended: with {@code result} on success, else with {@code error}. */
    default void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
    }
}
