package dev.videosdk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.internal.time.ManualTime;
import org.junit.jupiter.api.Test;

/**
 * A client whose providers never call over HTTP (an in-process provider, like the fake's statuses) makes no JDK
 * {@code HttpClient}: no selector thread, and no warning about the common pool on small machines (issue 13).
 */
class LazyHttpClientTest {
    private final ManualTime time = ManualTime.start();

    @Test
    void aClientThatNeverCallsHttp_makesNoHttpClient() {
        ScriptedProvider inProcess = new ScriptedProvider("acme").succeedOnCheck(2);
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(inProcess)
                .clock(time.clock()).scheduler(time.scheduler()).build()) {
            VideoResult result = time.run(client.generate(VideoRequest.text("a quiet harbour").build()));

            assertThat(result.assets()).isNotEmpty();
            assertThat(((DefaultVideoClient) client).madeHttpClient()).isFalse();
        }
    }

    @Test
    void anApplicationsOwnHttpClient_isTheOneUsed() {
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(new ScriptedProvider("acme"))
                .httpClient(java.net.http.HttpClient.newHttpClient()).clock(time.clock()).scheduler(time.scheduler()).build()) {
            assertThat(((DefaultVideoClient) client).madeHttpClient()).isTrue();
        }
    }
}
