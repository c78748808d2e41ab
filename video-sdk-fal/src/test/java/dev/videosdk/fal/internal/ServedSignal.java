package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets a test wait, without sleeping, until WireMock has answered a given method and path. */
final class ServedSignal implements ServeEventListener {
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    /** Completes once {@code method} on {@code url} has been answered. */
    CompletableFuture<Void> when(String method, String url) {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        String wanted = method + " " + url;
        Runnable check = () -> {
            if (answered.contains(wanted)) {
                seen.complete(null);
            }
        };
        watchers.add(check);
        check.run();
        return seen;
    }

    /** Forgets what was answered before (call before each test). */
    void clear() {
        answered.clear();
        watchers.clear();
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        answered.add(event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl());
        watchers.forEach(Runnable::run);
    }

    @Override
    public String getName() {
        return "fal-served-signal";
    }
}
