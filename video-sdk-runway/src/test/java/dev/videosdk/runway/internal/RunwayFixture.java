package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.testing.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test data: fake keys, Runway answers written from the wire reference, clients on virtual time. */
final class RunwayFixture {
    static final String KEY = "key_" + "0123456789abcdef".repeat(8);
    static final String KEY_2 = "key_" + "fedcba9876543210".repeat(8);
    static final String TASK_ID = "3f1c0e7e-5b9a-4a44-9d0a-0b8f6c1d2e34";
    static final String CREATED_AT = "2026-07-30T10:15:02.114Z";
    static final String T2V = "/v1/text_to_video";
    static final String I2V = "/v1/image_to_video";
    static final String V2V = "/v1/video_to_video";
    static final String TASK = "/v1/tasks/" + TASK_ID;
    static final ObjectMapper JSON = new ObjectMapper();

    private RunwayFixture() {
    }

    /** Futures completed when WireMock has answered a request, so tests wait on I/O without sleeping. */
    static final Answered ANSWERED = new Answered();

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(ANSWERED)).build();
    }

    /** Completes {@link #next(String, String)} futures from WireMock's serve events. */
    static final class Answered implements com.github.tomakehurst.wiremock.extension.ServeEventListener {
        private final List<java.util.Map.Entry<String, java.util.concurrent.CompletableFuture<Void>>> waiting =
                new java.util.concurrent.CopyOnWriteArrayList<>();

        /** A future that completes when the next {@code method path} request has been answered. */
        java.util.concurrent.CompletableFuture<Void> next(String method, String path) {
            java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
            waiting.add(java.util.Map.entry(method + " " + path, f));
            return f;
        }

        @Override
        public void afterComplete(com.github.tomakehurst.wiremock.stubbing.ServeEvent event,
                                  com.github.tomakehurst.wiremock.extension.Parameters parameters) {
            String what = event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl();
            waiting.removeIf(w -> w.getKey().equals(what) && w.getValue().complete(null));
        }

        @Override
        public String getName() {
            return "runway-answered";
        }
    }

    static Map<String, String> env(WireMockExtension wm) {
        return Map.of("RUNWAY_API_KEY", KEY, "RUNWAY_BASE_URL", wm.baseUrl());
    }

    static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    static VideoClient client(VirtualTime time, Map<String, String> env) {
        return builder(time, env).build();
    }

    static VideoClient.Builder builder(VirtualTime time, Map<String, String> env) {
        return VideoClient.builder().withoutDiscovery()
                .providerFactory(new RunwayProviderFactory())
                .env(env)
                .defaultProvider("runway")
                .clock(time.clock())
                .scheduler(time.scheduler())
                .retryPolicy(RetryPolicy.defaults())
                .requestTimeout(Duration.ofSeconds(5))
                .random(() -> 0.5);
    }

    /** The 2026 create answer. */
    static String accepted(String taskId) {
        return "{\"id\":\"" + taskId + "\",\"estimatedCost\":{\"credits\":25}}";
    }

    static String task(String status, String extra) {
        return "{\"id\":\"" + TASK_ID + "\",\"createdAt\":\"" + CREATED_AT + "\",\"status\":\"" + status + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String succeeded(String url) {
        return task("SUCCEEDED", "\"output\":[\"" + url + "\"],\"cost\":{\"credits\":25}");
    }

    static String failed(String failure, String code) {
        return task("FAILED", "\"failure\":\"" + failure + "\"" + (code == null ? "" : ",\"failureCode\":\"" + code + "\"")
                + ",\"cost\":{\"credits\":0}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static List<LoggedRequest> posts(WireMockExtension wm, String path) {
        return wm.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(LoggedRequest request) {
        return tree(request.getBodyAsString());
    }
}
