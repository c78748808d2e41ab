package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobState;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.fal.FalWebhookKeys;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.videosdk.fal.internal.FalFixture.KEY;
import static dev.videosdk.fal.internal.FalFixture.REQUEST_ID;
import static dev.videosdk.fal.internal.FalFixture.VIDEO_URL;
import static dev.videosdk.fal.internal.FalFixture.json;
import static dev.videosdk.fal.internal.FalFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * fal's signed callbacks (fal.md §3): ED25519 over {@code request_id\nuser_id\ntimestamp\nsha256hex(body)},
 * hex signature, keys from a JWKS ({@code OKP}/{@code Ed25519}, base64url {@code x}), ±300 s window.
 * fal.md marks the exact wording unconfirmed. Looked up 2026-11-30: fal's webhooks page
 * (docs.fal.ai/model-endpoints/webhooks) describes the delivery; independent verifiers, e.g.
 * {@code smarenkov/fal-ai-webhook-verification} ({@code fal-ai.service.js}) and several app modules,
 * all use the headers {@code x-fal-webhook-request-id/-user-id/-timestamp/-signature} (hex), the
 * message above, JWKS at {@code https://rest.alpha.fal.ai/.well-known/jwks.json} cached 24 h, and a
 * 300 s window. The test signs exactly that message.
 */
class FalWebhookTest {
    @RegisterExtension
    static WireMockExtension wm = FalFixture.wireMock();

    static final String MODEL = "fal-ai/pika/v2.2/text-to-video";
    static final String USER = "user-42";

    private final VirtualTime time = VirtualTime.start();
    private final KeyPair falKey = keyPair();
    private final KeyPair otherKey = keyPair();
    private final VideoClient client = client(jwks(otherKey, falKey), null);

    @AfterEach
    void close() {
        client.close();
    }

    private VideoClient client(String jwks, String userId) {
        FalSettings settings = new FalSettings("fal", URI.create(wm.baseUrl()), List.of(KEY),
                URI.create(wm.baseUrl() + "/.well-known/jwks.json"), userId);
        return FalFixture.client(time, FalProvider.fal(settings, jwks == null ? null : FalWebhookKeys.of(jwks)));
    }

    private VideoJob submitWithCallback(VideoClient c) {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/pika", REQUEST_ID))));
        return FalFixture.submit(time, c, VideoRequest.text("x").model(MODEL).callbackUrl(URI.create("https://app.example/hooks/fal")).build());
    }

    private static String okBody() {
        return "{\"request_id\":\"" + REQUEST_ID + "\",\"gateway_request_id\":\"" + REQUEST_ID + "\",\"status\":\"OK\","
                + "\"payload\":{\"video\":{\"url\":\"" + VIDEO_URL + "\",\"content_type\":\"video/mp4\",\"file_name\":\"out.mp4\","
                + "\"file_size\":4183201}}}";
    }

    private Map<String, List<String>> signed(KeyPair key, String body, long timestamp) {
        String message = REQUEST_ID + "\n" + USER + "\n" + timestamp + "\n" + HexFormat.of().formatHex(sha256(body));
        return Map.of("X-Fal-Webhook-Request-Id", List.of(REQUEST_ID), "X-Fal-Webhook-User-Id", List.of(USER),
                "X-Fal-Webhook-Timestamp", List.of(Long.toString(timestamp)),
                "X-Fal-Webhook-Signature", List.of(HexFormat.of().formatHex(sign(key, message))));
    }

    private CompletableFuture<WebhookOutcome> deliver(VideoClient c, Map<String, List<String>> headers, String body) {
        return c.webhooks().handle("fal", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private long now() {
        return time.now().getEpochSecond();
    }

    @Test
    void webhook_validSignature_completesThePendingJobFromThePayloadWithoutPolling() throws Exception {
        VideoJob job = submitWithCallback(client);
        CompletableFuture<VideoResult> waiting = client.await(job);

        WebhookOutcome outcome = deliver(client, signed(falKey, okBody(), now()), okBody()).get(10, TimeUnit.SECONDS);

        assertThat(outcome.type()).isEqualTo(WebhookOutcome.Type.APPLIED);
        assertThat(outcome.status().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(waiting).isCompleted();
        assertThat(waiting.join().video().uri()).isEqualTo(URI.create(VIDEO_URL));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/fal-ai/pika/requests/" + REQUEST_ID + "/status")));
        assertThat(time.elapsed()).isZero();
    }

    @Test
    void webhook_tamperedBody_isRejectedAndTheJobKeepsWaiting() {
        VideoJob job = submitWithCallback(client);
        CompletableFuture<VideoResult> waiting = client.await(job);
        String tampered = okBody().replace("out.mp4\"", "evil.mp4\"");

        assertThat(FalFixture.failure(time, deliver(client, signed(falKey, okBody(), now()), tampered)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("matches none");
        assertThat(waiting).isNotDone();
    }

    @Test
    void webhook_signedWithAKeyNotInTheJwks_isRejected() {
        KeyPair stranger = keyPair();

        assertThat(FalFixture.failure(time, deliver(client, signed(stranger, okBody(), now()), okBody())))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void webhook_staleOrFutureTimestamp_isRejected() {
        assertThat(FalFixture.failure(time, deliver(client, signed(falKey, okBody(), now() - 301), okBody())))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
        assertThat(FalFixture.failure(time, deliver(client, signed(falKey, okBody(), now() + 301), okBody())))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too new");
    }

    @Test
    void webhook_sameRequestDeliveredAgain_isADuplicateForTheCore() throws Exception {
        VideoJob job = submitWithCallback(client);
        client.await(job);
        Map<String, List<String>> headers = signed(falKey, okBody(), now());
        assertThat(deliver(client, headers, okBody()).get(10, TimeUnit.SECONDS).type()).isEqualTo(WebhookOutcome.Type.APPLIED);
        time.advance(java.time.Duration.ofSeconds(30));

        WebhookOutcome replayed = deliver(client, headers, okBody()).get(10, TimeUnit.SECONDS);
        WebhookOutcome redelivered = deliver(client, signed(falKey, okBody(), now()), okBody()).get(10, TimeUnit.SECONDS);

        assertThat(replayed.type()).isEqualTo(WebhookOutcome.Type.DUPLICATE);
        assertThat(redelivered.type()).isEqualTo(WebhookOutcome.Type.DUPLICATE);
    }

    @Test
    void webhook_missingSignatureHeader_isRejected() {
        Map<String, List<String>> headers = new java.util.HashMap<>(signed(falKey, okBody(), now()));
        headers.remove("X-Fal-Webhook-Signature");

        assertThat(FalFixture.failure(time, deliver(client, headers, okBody())))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("x-fal-webhook-signature");
    }

    @Test
    void webhook_errorWithValidationPayload_failsThePendingJobNamingTheField() {
        VideoJob job = submitWithCallback(client);
        CompletableFuture<VideoResult> waiting = client.await(job);
        String body = "{\"request_id\":\"" + REQUEST_ID + "\",\"status\":\"ERROR\",\"error\":\"Invalid status code: 422\","
                + "\"payload\":{\"detail\":[{\"loc\":[\"body\",\"duration\"],\"msg\":\"Input should be 5 or 10\",\"type\":\"literal_error\"}]}}";

        FalFixture.run(time, deliver(client, signed(falKey, body, now()), body));

        assertThat(FalFixture.failure(time, waiting)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.parameter()).contains("duration"));
    }

    @Test
    void webhook_payloadError_failsThePendingJobWithTheReason() {
        VideoJob job = submitWithCallback(client);
        CompletableFuture<VideoResult> waiting = client.await(job);
        String body = "{\"request_id\":\"" + REQUEST_ID + "\",\"status\":\"OK\",\"payload\":null,"
                + "\"payload_error\":\"Response payload is not JSON serializable\"}";

        FalFixture.run(time, deliver(client, signed(falKey, body, now()), body));

        assertThat(FalFixture.failure(time, waiting)).hasMessageContaining("not JSON serializable");
    }

    @Test
    void webhook_userIdOtherThanConfigured_isRejected() {
        try (VideoClient strict = client(jwks(falKey), "someone-else")) {
            assertThat(FalFixture.failure(time, deliver(strict, signed(falKey, okBody(), now()), okBody())))
                    .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("another fal user");
        }
    }

    @Test
    void webhook_defaultKeySource_fetchesTheJwksWithoutCredentialsOnce() throws Exception {
        wm.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(json(200, jwks(falKey))));
        try (VideoClient fetching = client(null, USER)) {
            deliver(fetching, signed(falKey, okBody(), now()), okBody()).get(10, TimeUnit.SECONDS);
            time.advance(java.time.Duration.ofSeconds(1));
            deliver(fetching, signed(falKey, okBody(), now()), okBody()).get(10, TimeUnit.SECONDS);
        }

        wm.verify(1, getRequestedFor(urlEqualTo("/.well-known/jwks.json")).withHeader("Authorization", absent()));
    }

    static String jwks(KeyPair... keys) {
        StringBuilder sb = new StringBuilder("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"ignored\",\"e\":\"AQAB\"}");
        for (KeyPair k : keys) {
            byte[] der = k.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
            sb.append(",{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(KeyPair key, String message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
