package dev.videosdk.internal;

import dev.videosdk.CreateOutcome;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.JobStatus;
import dev.videosdk.ProgressEvent;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookOutcome;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's listener, made safe to call from the engine: whatever a listener throws (an
 * {@code Error} too) is logged and never reaches the job (LIFECYCLE.md §6).
 */
public final class Events implements VideoEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private static final java.util.concurrent.atomic.AtomicLong TRY_IDS = new java.util.concurrent.atomic.AtomicLong();

    private final VideoEventListener listener;

    /** Wraps {@code listener}. */
    public Events(VideoEventListener listener) {
        this.listener = listener;
    }

    /** True when nobody listens, so callers can skip building events. */
    public boolean isNone() {
        return listener == VideoEventListener.NONE;
    }

    private void emit(String what, Consumer<VideoEventListener> call) {
        if (isNone()) {
            return;
        }
        try {
            call.accept(listener);
        } catch (Throwable t) { // a listener must never break a job
            LOG.warn("event listener threw in {}; ignored", what, t);
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        emit("runStarted", l -> l.runStarted(run));
    }

    @Override
    public void stateChanged(RunInfo run, RunState from) {
        emit("stateChanged", l -> l.stateChanged(run, from));
    }

    @Override
    public void createStarted(RunInfo run) {
        emit("createStarted", l -> l.createStarted(run));
    }

    @Override
    public void createFinished(RunInfo run, CreateOutcome outcome, VideoException error, Duration duration) {
        emit("createFinished", l -> l.createFinished(run, outcome, error, duration));
    }

    @Override
    public void pollFinished(RunInfo run, int attempt, JobStatus status, VideoException error, Duration nextDelay) {
        emit("pollFinished", l -> l.pollFinished(run, attempt, status, error, nextDelay));
    }

    @Override
    public void progress(RunInfo run, ProgressEvent event) {
        emit("progress", l -> l.progress(run, event));
    }

    /** A new HTTP try id (see {@link HttpCallEvent#id()}). */
    public static long nextTryId() {
        return TRY_IDS.incrementAndGet();
    }

    @Override
    public void httpCallStarted(HttpCallEvent call) {
        emit("httpCallStarted", l -> l.httpCallStarted(call));
    }

    @Override
    public void httpCallFinished(HttpCallEvent call) {
        emit("httpCallFinished", l -> l.httpCallFinished(call));
    }

    @Override
    public void retryScheduled(HttpCallEvent failedTry, Duration delay) {
        emit("retryScheduled", l -> l.retryScheduled(failedTry, delay));
    }

    @Override
    public void downloadProgress(VideoAsset asset, long bytes, long totalBytes) {
        emit("downloadProgress", l -> l.downloadProgress(asset, bytes, totalBytes));
    }

    @Override
    public void downloadFinished(VideoAsset asset, long bytes, VideoException error, Duration duration) {
        emit("downloadFinished", l -> l.downloadFinished(asset, bytes, error, duration));
    }

    @Override
    public void webhookHandled(String provider, WebhookOutcome outcome, VideoException rejected) {
        emit("webhookHandled", l -> l.webhookHandled(provider, outcome, rejected));
    }

    @Override
    public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
        emit("runFinished", l -> l.runFinished(run, result, error, elapsed));
    }
}
