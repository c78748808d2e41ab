package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.testing.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test data: fake keys, the queue's documented answers (fal.md §2), clients on virtual time. */
final class FalFixture {
    static final String KEY = "fal-test-key-0001:secretpart";
    static final String KEY_2 = "fal-test-key-0002:secretpart";
    static final String REQUEST_ID = "7b1d0a52-3c6e-4f2e-9a11-5e0c2f9d8b40";
    static final String VIDEO_URL = "https://v3b.fal.media/files/rabbit/out.mp4";
    static final String THUMB_URL = "https://v3b.fal.media/files/rabbit/thumb.png";
    static final ObjectMapper JSON = new ObjectMapper();

    private FalFixture() {
    }

    static final ServedSignal SERVED = new ServedSignal();

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(SERVED)).build();
    }

    /** The settings for a client on {@code wm}; the webhook keys too are fetched from loopback, never from fal. */
    static Map<String, String> env(WireMockExtension wm) {
        return Map.of("FAL_KEY", KEY, "FAL_QUEUE_URL", wm.baseUrl(), "FAL_JWKS_URL", jwksUrl(wm));
    }

    static String jwksUrl(WireMockExtension wm) {
        return wm.baseUrl() + "/.well-known/jwks.json";
    }

    static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    static VideoClient client(VirtualTime time, Map<String, String> env, String defaultProvider) {
        return tracked(builder(time).env(env).providerFactory(new FalProviderFactory()).providerFactory(new PikaProviderFactory())
                .defaultProvider(defaultProvider));
    }

    static VideoClient client(VirtualTime time, VideoProvider provider) {
        return tracked(builder(time).provider(provider).defaultProvider(provider.id()));
    }

    private static VideoClient tracked(VideoClient.Builder builder) {
        FinishedRuns finished = new FinishedRuns();
        VideoClient client = builder.eventListener(finished).build();
        FINISHED.put(client, finished);
        return client;
    }

    /** Per client: the job ids whose runs the core has finished (a submit's run ends just after it hands out the job). */
    private static final Map<VideoClient, FinishedRuns> FINISHED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Submits and returns the job once the core has also finished the submit's run. Core's JobRun hands
     * out the job before it detaches the run, so an {@code await} right after {@code submit} can attach
     * to a run that is about to detach and then waits forever (reported to the lead); this avoids it.
     */
    static dev.videosdk.VideoJob submit(VirtualTime time, VideoClient client, dev.videosdk.VideoRequest request) {
        dev.videosdk.VideoJob job = run(time, client.submit(request));
        run(time, FINISHED.get(client).of(job.id()));
        return job;
    }

    /**
     * Runs {@code future} on virtual time, moving at most 5 s at a time: the transport reports a real
     * exchange as finished before the provider's next stage starts, and a jump to a far-away deadline
     * in that gap would end the wait early (reported to the lead).
     */
    static <T> T run(VirtualTime time, java.util.concurrent.CompletableFuture<T> future) {
        return time.run(future, Duration.ofSeconds(5));
    }

    private static VideoClient.Builder builder(VirtualTime time) {
        return VideoClient.builder().withoutDiscovery()
                .clock(time.clock())
                .scheduler(time.scheduler())
                .retryPolicy(RetryPolicy.defaults())
                .requestTimeout(Duration.ofSeconds(5))
                .random(() -> 0.5);
    }

    /** The submit answer, with URLs under {@code base}/{@code ownerApp}/requests/{id}. */
    static String submitted(String base, String ownerApp, String id) {
        String requests = base + "/" + ownerApp + "/requests/" + id;
        return "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + id + "\",\"response_url\":\"" + requests + "\","
                + "\"status_url\":\"" + requests + "/status\",\"cancel_url\":\"" + requests + "/cancel\",\"queue_position\":0}";
    }

    static String inQueue(int position) {
        return "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + REQUEST_ID + "\",\"queue_position\":" + position + "}";
    }

    static String inProgress(String... logs) {
        StringBuilder sb = new StringBuilder("{\"status\":\"IN_PROGRESS\",\"request_id\":\"" + REQUEST_ID + "\",\"logs\":[");
        for (int i = 0; i < logs.length; i++) {
            sb.append(i > 0 ? "," : "").append("{\"message\":\"").append(logs[i])
                    .append("\",\"level\":\"INFO\",\"source\":\"USER\",\"timestamp\":\"2026-11-29T10:00:0").append(i).append("Z\"}");
        }
        return sb.append("]}").toString();
    }

    static String completed() {
        return "{\"status\":\"COMPLETED\",\"request_id\":\"" + REQUEST_ID + "\",\"logs\":[],\"metrics\":{\"inference_time\":41.5}}";
    }

    static String output() {
        return "{\"video\":{\"url\":\"" + VIDEO_URL + "\",\"content_type\":\"video/mp4\",\"file_name\":\"out.mp4\","
                + "\"file_size\":4183201},\"thumbnail\":{\"url\":\"" + THUMB_URL + "\",\"content_type\":\"image/png\"},\"seed\":7}";
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static List<LoggedRequest> all(WireMockExtension wm) {
        return wm.findAll(anyRequestedFor(anyUrl()));
    }

    /** Runs {@code future} to its end on virtual time and returns its failure (never the CompletionException around it). */
    static Throwable failure(VirtualTime time, java.util.concurrent.CompletableFuture<?> future) {
        try {
            run(time, future);
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, but the future completed normally");
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
