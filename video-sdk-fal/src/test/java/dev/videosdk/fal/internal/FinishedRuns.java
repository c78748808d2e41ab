package dev.videosdk.fal.internal;

import dev.videosdk.RunInfo;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Completes a future per job id once the core reports that job's run finished. */
final class FinishedRuns implements VideoEventListener {
    private final Map<String, CompletableFuture<Void>> byJob = new ConcurrentHashMap<>();

    /** Completes when the run of job {@code id} has finished (at once if it already has). */
    CompletableFuture<Void> of(String id) {
        return byJob.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    @Override
    public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
        if (run.job() != null) {
            of(run.job().id()).complete(null);
        }
    }
}
