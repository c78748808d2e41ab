package dev.videosdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.ErrorContext;
import dev.videosdk.VideoException;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LIFECYCLE.md §8: a provider body that echoes the key is never quoted verbatim. */
class RedactionTest {

    private static HttpReply reply(int status, String contentType, String body) {
        return new HttpReply("acme", URI.create("https://api.acme.example/v1/videos"), status,
                Map.of("content-type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8), "req-1", null);
    }

    @Test
    void aJson401EchoingTheBearerKey_isMaskedInTheError() {
        String key = "sk-proj-Zq9xTq2LmN8vBc4RtY7uKp1W";
        VideoException e = HttpErrors.byStatus(reply(401, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: Bearer " + key + "\"}}"), "invalid_api_key",
                "Incorrect API key provided: Bearer " + key, java.time.Instant.EPOCH);

        assertThat(e.getMessage()).doesNotContain(key).doesNotContain("Zq9xTq2L")
                .contains("Incorrect API key provided: Bearer ***").contains("req-1");
        assertThat(e.toString()).doesNotContain(key);
    }

    @Test
    void anHtmlErrorPageQuotingAConfiguredKey_isMasked_evenWithoutAKeyShape() {
        String key = "plainkey0123456789abcdef";
        Credential.header("acme#1", "x-api-key", key); // configuring a key registers it for masking
        VideoException e = HttpErrors.byStatus(reply(403, "text/html",
                "<html><body>Forbidden for " + key + "</body></html>"), null, null, java.time.Instant.EPOCH);

        assertThat(e.getMessage()).doesNotContain(key).contains("Forbidden for ***");
    }

    @Test
    void keyShapes_areMasked_ordinaryWordsStay() {
        assertThat(Redaction.text("x-goog-api-key: AIzaSyA1b2C3d4E5f6G7h8")).isEqualTo("x-goog-api-key: ***");
        assertThat(Redaction.text("Authorization: Key fal_5d2c1a9b:77e0")).isEqualTo("Authorization: Key ***");
        assertThat(Redaction.text("https://x.example/v?key=AIzaSecret&alt=media")).isEqualTo("https://x.example/v?key=***&alt=media");
        assertThat(Redaction.text("Incorrect API key provided")).isEqualTo("Incorrect API key provided");
        assertThat(new VideoException("token sk-abcdefghijklmnop leaked", ErrorContext.local("acme"), false, null).getMessage())
                .isEqualTo("token sk-*** leaked");
    }
}
