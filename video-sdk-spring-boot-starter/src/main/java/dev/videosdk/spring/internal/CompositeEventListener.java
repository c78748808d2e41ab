package dev.videosdk.spring.internal;

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
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event to each of several listeners, in order; one that throws is logged and the rest
 * still see the event. Not API.
 */
public final class CompositeEventListener implements VideoEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeEventListener.class);
    private final List<VideoEventListener> listeners;

    private CompositeEventListener(List<VideoEventListener> listeners) {
        this.listeners = listeners;
    }

    /** One listener for all of {@code listeners}: {@link VideoEventListener#NONE} for none, itself for one. */
    public static VideoEventListener of(List<VideoEventListener> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CompositeEventListener(List.copyOf(listeners));
    }

    private void each(Consumer<VideoEventListener> event) {
        for (VideoEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("video event listener {} threw; ignored", l.getClass().getName(), e);
            }
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        each(l -> l.runStarted(run));
    }

    @Override
    public void stateChanged(RunInfo run, RunState from) {
        each(l -> l.stateChanged(run, from));
    }

    @Override
    public void createStarted(RunInfo run) {
        each(l -> l.createStarted(run));
    }

    @Override
    public void createFinished(RunInfo run, CreateOutcome outcome, VideoException error, Duration duration) {
        each(l -> l.createFinished(run, outcome, error, duration));
    }

    @Override
    public void pollFinished(RunInfo run, int attempt, JobStatus status, VideoException error, Duration nextDelay) {
        each(l -> l.pollFinished(run, attempt, status, error, nextDelay));
    }

    @Override
    public void progress(RunInfo run, ProgressEvent event) {
        each(l -> l.progress(run, event));
    }

    @Override
    public void httpCallFinished(HttpCallEvent call) {
        each(l -> l.httpCallFinished(call));
    }

    @Override
    public void retryScheduled(HttpCallEvent failedTry, Duration delay) {
        each(l -> l.retryScheduled(failedTry, delay));
    }

    @Override
    public void downloadProgress(VideoAsset asset, long bytes, long totalBytes) {
        each(l -> l.downloadProgress(asset, bytes, totalBytes));
    }

    @Override
    public void downloadFinished(VideoAsset asset, long bytes, VideoException error, Duration duration) {
        each(l -> l.downloadFinished(asset, bytes, error, duration));
    }

    @Override
    public void webhookHandled(String provider, WebhookOutcome outcome, VideoException rejected) {
        each(l -> l.webhookHandled(provider, outcome, rejected));
    }

    @Override
    public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
        each(l -> l.runFinished(run, result, error, elapsed));
    }
}
