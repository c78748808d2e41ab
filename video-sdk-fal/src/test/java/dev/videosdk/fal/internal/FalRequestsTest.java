package dev.videosdk.fal.internal;

import dev.videosdk.VideoRequest;
import dev.videosdk.fal.FalExtras;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small pieces of the mapping that the contract tests do not reach one by one. */
class FalRequestsTest {
    @Test
    void ownerApp_keepsOwnerAndAppAndTheReservedNamespaceSegment() {
        assertThat(FalResponses.ownerApp("fal-ai/pika/v2.2/text-to-video")).isEqualTo("fal-ai/pika");
        assertThat(FalResponses.ownerApp("fal-ai/veo3.1")).isEqualTo("fal-ai/veo3.1");
        assertThat(FalResponses.ownerApp("luma/agent/ray/v3.2/text-to-video")).isEqualTo("luma/agent");
        assertThat(FalResponses.ownerApp("workflows/acme/my-flow/run")).isEqualTo("workflows/acme/my-flow");
        assertThat(FalResponses.ownerApp("comfy/acme/graph")).isEqualTo("comfy/acme/graph");
    }

    @Test
    void isOnHost_comparesSchemeHostAndEffectivePort() {
        URI queue = URI.create("https://queue.fal.run");

        assertThat(FalResponses.isOnHost(URI.create("https://queue.fal.run/a/b/requests/1"), queue)).isTrue();
        assertThat(FalResponses.isOnHost(URI.create("https://QUEUE.fal.run:443/a"), queue)).isTrue();
        assertThat(FalResponses.isOnHost(URI.create("http://queue.fal.run/a"), queue)).isFalse();
        assertThat(FalResponses.isOnHost(URI.create("https://queue.fal.run:8443/a"), queue)).isFalse();
        assertThat(FalResponses.isOnHost(URI.create("https://queue.fal.run.evil.example/a"), queue)).isFalse();
    }

    @Test
    void headers_startDeadlineDefaultsToThePollingTimeoutInWholeSecondsAtLeastTwo() {
        VideoRequest plain = VideoRequest.text("x").build();

        assertThat(FalRequests.headers(plain, Duration.ofMinutes(20))).containsExactly(
                java.util.Map.entry("X-Fal-Request-Timeout", "1200"));
        assertThat(FalRequests.headers(plain, Duration.ofMillis(900))).containsEntry("X-Fal-Request-Timeout", "2");
        assertThat(FalRequests.headers(VideoRequest.text("x").extra(FalExtras.NO_RETRY, false).build(), Duration.ofMinutes(1)))
                .doesNotContainKey("X-Fal-No-Retry");
    }

    @Test
    void submitUri_encodesTheWebhookUrlAsOneQueryValue() {
        assertThat(FalRequests.submitUri(URI.create("https://queue.fal.run"), "fal-ai/pika/v2.2/text-to-video",
                URI.create("https://app.example/hook?a=1&b=2")).toString())
                .isEqualTo("https://queue.fal.run/fal-ai/pika/v2.2/text-to-video?fal_webhook=https%3A%2F%2Fapp.example%2Fhook%3Fa%3D1%26b%3D2");
    }
}
