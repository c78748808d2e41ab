package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.openai.internal.OpenAiProviderFactory;
import dev.videosdk.testing.VirtualTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A loopback WireMock server standing in for the API, and a client built the way users build one. */
abstract class OpenAiWireMockSupport {
    static final String KEY = "sk-test-key";

    static final ServedRequests SERVED = new ServedRequests();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(SERVED)).build();

    final VirtualTime time = VirtualTime.start();
    private final List<VideoClient> clients = new ArrayList<>();

    /** The client with {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL=<wiremock>/v1}, plus {@code env}. */
    VideoClient client(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("OPENAI_API_KEY", KEY);
        all.put("OPENAI_BASE_URL", wm.baseUrl() + "/v1");
        all.putAll(env);
        return register(VideoClient.builder().withoutDiscovery()
                .providerFactory(new OpenAiProviderFactory())
                .env(all)
                .defaultProvider("openai").clock(time.clock()).scheduler(time.scheduler()).build());
    }

    VideoClient client() {
        return client(Map.of());
    }

    /** Closes {@code c} after the test. */
    VideoClient register(VideoClient c) {
        clients.add(c);
        return c;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(VideoClient::close);
    }

    /** What {@code future} failed with, without the {@code CompletionException}/{@code ExecutionException} wrapper. */
    Throwable failureOf(CompletableFuture<?> future) {
        Throwable t = catchThrowable(() -> time.run(future));
        assertThat(t).as("the future should fail").isNotNull();
        return (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null ? t.getCause() : t;
    }

    /** A {@code Video} object as the API sends it. */
    static String video(String id, String status, int progress) {
        return """
                {"id": "%s", "object": "video", "model": "sora-2", "status": "%s", "progress": %d,
                 "created_at": 1758941485, "completed_at": null, "expires_at": null, "prompt": "A paper boat",
                 "size": "720x1280", "seconds": "8", "remixed_from_video_id": null, "error": null}
                """.formatted(id, status, progress);
    }
}
