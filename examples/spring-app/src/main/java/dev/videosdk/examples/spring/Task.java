package dev.videosdk.examples.spring;

import dev.videosdk.VideoJob;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One generation task of one user; mutable, guarded by its own lock. */
final class Task {
    /** The task's state as the API reports it (the seeds' words). */
    enum State { PENDING, QUEUED, RUNNING, SUCCEEDED, FAILED }

    final String id;
    final String userId;
    final String provider;
    final String model;
    final String quality;
    final int cost;
    final Instant createdAt;
    private State state = State.PENDING;
    private Integer progress;
    private VideoJob job;
    private String videoUrl;
    private String errorMessage;
    private String errorCode;
    private Instant finishedAt;

    Task(String id, String userId, String provider, String model, String quality, int cost, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.provider = provider;
        this.model = model;
        this.quality = quality;
        this.cost = cost;
        this.createdAt = createdAt;
    }

    synchronized void accepted(VideoJob acceptedJob) {
        this.job = acceptedJob;
        if (state == State.PENDING) {
            state = State.QUEUED;
        }
    }

    synchronized void progress(boolean running, Integer percent) {
        if (state == State.SUCCEEDED || state == State.FAILED) {
            return;
        }
        state = running ? State.RUNNING : State.QUEUED;
        if (percent != null) {
            progress = percent;
        }
    }

    synchronized void succeeded(String url, Instant at) {
        state = State.SUCCEEDED;
        progress = 100;
        videoUrl = url;
        finishedAt = at;
    }

    synchronized void failed(String message, String code, Instant at) {
        state = State.FAILED;
        errorMessage = message;
        errorCode = code;
        finishedAt = at;
    }

    synchronized State state() {
        return state;
    }

    /** The status endpoint's answer. */
    synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", id);
        out.put("status", state.name().toLowerCase(java.util.Locale.ROOT));
        out.put("progress", progress);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("videoUrl", videoUrl);
        result.put("thumbnailUrl", null);
        out.put("result", videoUrl == null ? null : result);
        out.put("error", errorMessage == null ? null : Map.of("message", errorMessage, "code", errorCode));
        return out;
    }

    /** The queue endpoint's view: the status plus who, where and when. */
    synchronized Map<String, Object> details() {
        Map<String, Object> out = status();
        out.put("userId", userId);
        out.put("provider", provider);
        out.put("model", model);
        out.put("quality", quality);
        out.put("cost", cost);
        out.put("providerJobId", job == null ? null : job.id());
        out.put("createdAt", createdAt.toString());
        out.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        return out;
    }
}
