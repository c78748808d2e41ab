package dev.videosdk.spring.internal;

import dev.videosdk.HttpCallEvent;
import dev.videosdk.RunInfo;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the last few errors per provider (failed runs and failed HTTP tries), for the health
 * indicator. Keeps the exception's type, message (the SDK's messages carry no secrets), HTTP status
 * and time; never a prompt. Not API.
 */
public final class ProviderErrors implements VideoEventListener {
    /** Errors kept per provider. */
    public static final int KEPT = 5;

    private final Clock clock;
    private final Map<String, Deque<Map<String, Object>>> errors = new ConcurrentHashMap<>();

    /** Time-stamps errors with {@code clock}. */
    public ProviderErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void httpCallFinished(HttpCallEvent call) {
        if (call.failure() != null) {
            record(call.provider(), call.failure());
        }
    }

    @Override
    public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
        if (error != null) {
            record(run.provider(), error);
        }
    }

    /** Records one error of {@code provider}. */
    public void record(String provider, VideoException error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now(clock).toString());
        entry.put("type", error.getClass().getSimpleName());
        entry.put("message", error.getMessage());
        error.httpStatus().ifPresent(s -> entry.put("httpStatus", s));
        error.errorCode().ifPresent(c -> entry.put("code", c));
        Deque<Map<String, Object>> q = errors.computeIfAbsent(provider == null ? "unknown" : provider, p -> new ArrayDeque<>());
        synchronized (q) {
            q.addFirst(entry);
            while (q.size() > KEPT) {
                q.removeLast();
            }
        }
    }

    /** The last errors of each provider, newest first. */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        errors.forEach((p, q) -> {
            synchronized (q) {
                out.put(p, new ArrayList<>(q));
            }
        });
        return out;
    }
}
