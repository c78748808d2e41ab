package dev.videosdk.kie.internal;

import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.testing.VirtualTime;
import java.util.HashMap;
import java.util.Map;

/** Builds a client on the Kie provider against a WireMock base URL, on virtual time. */
final class KieTestClient {
    static final String KEY = "test-key-kie-123";
    static final String OK_TASK = "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"%s\"}}";

    private KieTestClient() {
    }

    static VideoClient client(String baseUrl, VirtualTime time, Map<String, String> extraEnv) {
        return client(baseUrl, time, extraEnv, RetryPolicy.defaults());
    }

    static VideoClient client(String baseUrl, VirtualTime time, Map<String, String> extraEnv, RetryPolicy retry) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KIE_API_KEY", KEY, "KIE_BASE_URL", baseUrl, "KIE_UPLOAD_BASE_URL", baseUrl));
        env.putAll(extraEnv);
        return VideoClient.builder().withoutDiscovery()
                .providerFactory(new KieProviderFactory())
                .env(env)
                .defaultProvider("kie")
                .retryPolicy(retry)
                .random(() -> 0.5)
                .clock(time.clock())
                .scheduler(time.scheduler())
                .build();
    }

    static String taskAccepted(String taskId) {
        return String.format(OK_TASK, taskId);
    }
}
