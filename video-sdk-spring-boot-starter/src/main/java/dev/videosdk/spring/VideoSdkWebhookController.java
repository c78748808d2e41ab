package dev.videosdk.spring;

import dev.videosdk.ConfigurationException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.Webhooks;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST {videosdk.webhook.path}/{provider}} (default {@code /videosdk/webhooks/{provider}}): hands
 * the raw body and the headers to a {@link Webhooks} receiver — the client's, or the durable queue's when
 * video-sdk-jobs is configured (the callback then also wakes the queued job it names) — and answers by outcome:
 * <ul>
 *   <li>200 {@code {"outcome":"applied"|"duplicate"|"ignored"}}: verified (the sender must not deliver it again);</li>
 *   <li>400 {@code {"outcome":"rejected"}}: verification failed ({@link WebhookVerificationException});</li>
 *   <li>404 {@code {"outcome":"unknown_provider"}}: no such provider on this client, or one without its settings;</li>
 *   <li>503 {@code {"outcome":"error"}}: the job's status could not be fetched; the sender retries.</li>
 * </ul>
 * Bodies never echo the request or an error message.
 */
@RestController
public class VideoSdkWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(VideoSdkWebhookController.class);
    private final VideoClient client;
    private final Webhooks receiver;

    /**
     * Serves callbacks for {@code client}'s providers, handing them to {@code receiver}
     * ({@code client.webhooks()}, or another receiver such as the durable queue's).
     */
    public VideoSdkWebhookController(VideoClient client, Webhooks receiver) {
        this.client = client;
        this.receiver = receiver;
    }

    /** Verifies and applies one callback. */
    @PostMapping("${videosdk.webhook.path:/videosdk/webhooks}/{provider}")
    public CompletableFuture<ResponseEntity<String>> handle(@PathVariable("provider") String provider,
            @RequestHeader MultiValueMap<String, String> headers, @RequestBody(required = false) byte[] body) {
        if (!client.providers().contains(provider)) {
            return CompletableFuture.completedFuture(answer(HttpStatus.NOT_FOUND, "unknown_provider"));
        }
        CompletableFuture<WebhookOutcome> handled;
        try {
            handled = receiver.handle(provider, headers, body == null ? new byte[0] : body);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        return handled.handle((outcome, error) -> {
            if (error == null) {
                return answer(HttpStatus.OK, outcome.type().name().toLowerCase(Locale.ROOT));
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ConfigurationException) {
                return answer(HttpStatus.NOT_FOUND, "unknown_provider");   // its jar is present, its settings are not
            }
            if (cause instanceof WebhookVerificationException) {
                LOG.warn("{} webhook rejected: {}", provider, cause.getMessage());
                return answer(HttpStatus.BAD_REQUEST, "rejected");
            }
            LOG.warn("{} webhook could not be applied; answering 503 so the sender retries: {}", provider,
                    cause instanceof VideoException ? cause.getMessage() : cause.toString());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "error");
        });
    }

    private static ResponseEntity<String> answer(HttpStatus status, String outcome) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcome\":\"" + outcome + "\"}");
    }
}
