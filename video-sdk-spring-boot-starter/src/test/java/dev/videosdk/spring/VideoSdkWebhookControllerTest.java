package dev.videosdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.ErrorContext;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoClient;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.Webhooks;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Outcome to HTTP answer, for outcomes the fake provider cannot produce on demand. */
class VideoSdkWebhookControllerTest {

    private static VideoSdkWebhookController controllerAnswering(Webhooks webhooks) {
        VideoClient client = (VideoClient) Proxy.newProxyInstance(VideoClient.class.getClassLoader(),
                new Class<?>[] {VideoClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "providers" -> Set.of("acme");
                    case "webhooks" -> webhooks;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new VideoSdkWebhookController(client, client.webhooks());
    }

    private static ResponseEntity<String> post(VideoSdkWebhookController c) {
        return c.handle("acme", new LinkedMultiValueMap<>(), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).join();
    }

    @Test
    void duplicate_200() {
        ResponseEntity<String> r = post(controllerAnswering((p, h, b) ->
                CompletableFuture.completedFuture(WebhookOutcome.duplicate("task-1", "seen before"))));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"outcome\":\"duplicate\"}");
    }

    @Test
    void verificationThrownSynchronously_400() {
        ResponseEntity<String> r = post(controllerAnswering((p, h, b) -> {
            throw new WebhookVerificationException("acme webhook signature does not match", ErrorContext.local("acme"), null);
        }));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void providerWithoutItsSettings_404() {
        ResponseEntity<String> r = post(controllerAnswering((p, h, b) -> {
            throw new dev.videosdk.ConfigurationException("acme is not configured: set ACME_API_KEY", "acme");
        }));
        assertThat(r.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void statusFetchFailed_503SoTheSenderRetries() {
        ResponseEntity<String> r = post(controllerAnswering((p, h, b) -> CompletableFuture.failedFuture(
                new ProviderUnavailableException("acme is down", ErrorContext.of("acme", 502, null, "req-9"), null))));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getBody()).isEqualTo("{\"outcome\":\"error\"}");
    }
}
