package dev.videosdk.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.WebhookVerificationException;
import dev.videosdk.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The Standard Webhooks verifier on its own: the OpenAI test vector, any single-byte change, header parsing, and the signing time it reports. */
class StandardWebhookVerifierTest {
    static final String SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
    static final String VECTOR_BODY = "{\"id\": \"evt_685c059ae3a481909bdc86819b066fb6\", \"object\": \"event\", "
            + "\"created_at\": 1750861210, \"type\": \"response.completed\", \"data\": {\"id\": \"resp_123\"}}";
    static final Instant VECTOR_TIME = Instant.ofEpochSecond(1750861210);

    private static StandardWebhookVerifier verifier() {
        return new StandardWebhookVerifier("openai", List.of(SECRET), Duration.ofSeconds(300));
    }

    private static WebhookRequest request(String id, long ts, String signature, byte[] body) {
        return new WebhookRequest(Map.of("Webhook-Id", List.of(id), "WEBHOOK-TIMESTAMP", List.of(String.valueOf(ts)),
                "webhook-signature", List.of(signature)), body);
    }

    @Example
    void theOpenAiPythonVectorVerifiesWithTheClockFrozenAtItsTimestamp() {
        WebhookRequest r = request("wh_685c059ae39c8190af8c71ed1022a24d", 1750861210, "v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=",
                VECTOR_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(verifier().verify(r, VECTOR_TIME).id()).isEqualTo("wh_685c059ae39c8190af8c71ed1022a24d");
    }

    @Property(tries = 200)
    void anySingleByteChangeOfTheBodyIsRejected(@ForAll @Size(min = 1, max = 200) byte[] body, @ForAll @IntRange(max = 199) int at) {
        int index = at % body.length;
        String signature = "v1," + Base64.getEncoder().encodeToString(dev.videosdk.spi.WebhookSignatures.hmacSha256(
                StandardWebhookVerifier.key(SECRET), concat("wh_p.1750861210.", body)));
        byte[] changed = body.clone();
        changed[index] ^= 0x01;

        assertThat(verifier().verify(request("wh_p", 1750861210, signature, body), VECTOR_TIME).id()).isEqualTo("wh_p");
        assertThatThrownBy(() -> verifier().verify(request("wh_p", 1750861210, signature, changed), VECTOR_TIME))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Property
    void theSignatureHeaderParserNeverThrows(@ForAll String header) {
        assertThat(StandardWebhookVerifier.signatures(header)).isNotNull();
    }

    @Example
    void aNonBase64SecretIsReportedWithoutQuotingIt() {
        assertThatThrownBy(() -> StandardWebhookVerifier.key("whsec_not*base64"))
                .hasMessage("webhook secret must be whsec_ followed by base64, but it is not valid base64")
                .hasMessageNotContaining("not*base64");
    }

    private static byte[] concat(String prefix, byte[] body) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + body.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(body, 0, out, p.length, body.length);
        return out;
    }
}
