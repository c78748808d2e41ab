package dev.videosdk.openai;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** A WireMock listener that completes a future when a request was served, so tests wait without sleeping. */
final class ServedRequests implements ServeEventListener {
    private final ConcurrentHashMap<String, CompletableFuture<ServeEvent>> served = new ConcurrentHashMap<>();

    /** Completes once {@code method url} was answered (or at once if it already was). */
    CompletableFuture<ServeEvent> served(String method, String url) {
        return served.computeIfAbsent(method + " " + url, k -> new CompletableFuture<>());
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        served(event.getRequest().getMethod().getName(), event.getRequest().getUrl()).complete(event);
    }

    @Override
    public String getName() {
        return "served-requests";
    }
}
