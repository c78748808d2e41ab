package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.fal.internal.FalFixture.KEY;
import static dev.videosdk.fal.internal.FalFixture.REQUEST_ID;
import static dev.videosdk.fal.internal.FalFixture.completed;
import static dev.videosdk.fal.internal.FalFixture.json;
import static dev.videosdk.fal.internal.FalFixture.output;
import static dev.videosdk.fal.internal.FalFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * fal's documented error shapes (fal.md §4, fal.ai/docs/documentation/model-apis/request-errors):
 * model errors {@code {"detail":[{loc,msg,type}]}} (or {@code detail} a string), request-level
 * errors {@code {"detail","error_type"}} with {@code X-Fal-Error-Type}, and the user start timeout.
 * A documented error from the result call is the job's own failure: reported once, never retried.
 */
class FalErrorShapesTest {
    @RegisterExtension
    static WireMockExtension wm = FalFixture.wireMock();

    static final String MODEL = "fal-ai/wan/v2.2-a14b/text-to-video";
    static final String REQUESTS = "/fal-ai/wan/requests/" + REQUEST_ID;

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = FalFixture.client(time, FalFixture.env(wm), "fal");

    @AfterEach
    void close() {
        client.close();
    }

    /** Submits, reports COMPLETED, and answers the result call with {@code answer}; returns the job's failure. */
    private Throwable resultAnswered(ResponseDefinitionBuilder answer) {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/wan", REQUEST_ID))));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(answer.withHeader("X-Fal-Request-Id", REQUEST_ID)));
        return FalFixture.failure(time, client.generate(VideoRequest.text("x").model(MODEL).build()));
    }

    @Test
    void result_validationDetailArray_isInvalidRequestNamingTheFieldFromLoc() {
        Throwable e = resultAnswered(json(422, """
                {"detail":[{"loc":["body","duration"],"msg":"Input should be '5' or '10'","type":"literal_error",
                            "input":"7","ctx":{"expected":"'5' or '10'"}},
                           {"loc":["body","image_url"],"msg":"Field required","type":"missing"}]}"""));

        assertThat(e).isInstanceOfSatisfying(InvalidRequestException.class, i -> {
            assertThat(i.parameter()).contains("duration");
            assertThat(i.errorCode()).contains("literal_error");
            assertThat(i.requestId()).contains(REQUEST_ID);
            assertThat(i.httpStatus()).hasValue(422);
            assertThat(i.getMessage()).contains("duration: Input should be '5' or '10'").contains("image_url: Field required");
        });
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void result_contentPolicyType_isContentPolicyWithTheReasons() {
        Throwable e = resultAnswered(json(422, """
                {"detail":[{"loc":["body","prompt"],"msg":"The prompt was flagged","type":"content_policy_violation"}]}"""));

        assertThat(e).isInstanceOfSatisfying(ContentPolicyException.class, c -> {
            assertThat(c.reasons()).containsExactly("prompt: The prompt was flagged");
            assertThat(c.errorCode()).contains("content_policy_violation");
        });
    }

    @Test
    void result_detailAsPlainString_isMappedByStatusWithTheText() {
        Throwable e = resultAnswered(json(400, "{\"detail\":\"Image could not be downloaded\"}"));

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining("Image could not be downloaded");
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void result_requestLevelErrorType_isUnavailableWithTheTypeAndNotRetried() {
        Throwable e = resultAnswered(json(503, "{\"detail\":\"Runner disconnected\",\"error_type\":\"runner_disconnected\"}")
                .withHeader("X-Fal-Error-Type", "runner_disconnected"));

        assertThat(e).isInstanceOfSatisfying(ProviderUnavailableException.class, p -> {
            assertThat(p.errorCode()).contains("runner_disconnected");
            assertThat(p.isRetryable()).isTrue(); // not billed; a new job may succeed
            assertThat(p.getMessage()).contains("Runner disconnected");
        });
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void result_errorTypeOnlyInHeader_isRecognised() {
        Throwable e = resultAnswered(json(503, "{\"detail\":\"startup\"}").withHeader("X-Fal-Error-Type", "startup_timeout")
                .withHeader("X-Fal-Retryable", "false"));

        assertThat(e).isInstanceOfSatisfying(ProviderUnavailableException.class, p -> {
            assertThat(p.errorCode()).contains("startup_timeout");
            assertThat(p.isRetryable()).isFalse();
        });
    }

    @Test
    void result_userRequestTimeout504_isNotRetriedAndSaysWhy() {
        Throwable e = resultAnswered(json(504, "{\"detail\":\"Request timed out\",\"error_type\":\"request_timeout\"}")
                .withHeader("X-Fal-Error-Type", "request_timeout").withHeader("X-Fal-Request-Timeout-Type", "user"));

        assertThat(e).isInstanceOfSatisfying(GenerationFailedException.class, g -> {
            assertThat(g.isRetryable()).isFalse();
            assertThat(g.errorCode()).contains("request_timeout");
            assertThat(g.getMessage()).contains("X-Fal-Request-Timeout");
        });
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void result_plain502WithoutFalShape_isRetriedAsATransientFailure() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/wan", REQUEST_ID))));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).inScenario("r").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(REQUESTS)).inScenario("r").whenScenarioStateIs("ok").willReturn(json(200, output())));

        assertThat(FalFixture.run(time, client.generate(VideoRequest.text("x").model(MODEL).build())).video()).isNotNull();
        wm.verify(2, getRequestedFor(urlEqualTo(REQUESTS)));
    }

    @Test
    void result_completedWithoutVideoUrl_isNeverASuccess() {
        Throwable e = resultAnswered(json(200, "{\"video\":{\"content_type\":\"video/mp4\"},\"seed\":1}"));

        assertThat(e).isInstanceOf(ProtocolException.class).hasMessageContaining("no video URL");
    }

    @Test
    void status_unknownRequest404_isNotFound() {
        VideoJob job = job();
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(404, "{\"detail\":\"Request not found\"}")));

        assertThat(FalFixture.failure(time, client.await(job))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Request not found");
    }

    @Test
    void submit_401And402_areTypedAndNeverEchoTheKey() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("k").whenScenarioStateIs(STARTED)
                .willReturn(json(401, "{\"detail\":\"Invalid credentials: Key " + KEY + "\"}")).willSetStateTo("locked"));
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("k").whenScenarioStateIs("locked")
                .willReturn(json(402, "{\"detail\":\"User is locked. Reason: Exhausted balance\"}")));

        Throwable first = FalFixture.failure(time, client.submit(VideoRequest.text("x").model(MODEL).build()));
        Throwable second = FalFixture.failure(time, client.submit(VideoRequest.text("x").model(MODEL).build()));

        assertThat(first).isInstanceOf(AuthenticationException.class).hasMessageContaining("Key ***")
                .hasMessageNotContaining("fal-test-key-0001");
        assertThat(second).isInstanceOf(QuotaExceededException.class).hasMessageContaining("Exhausted balance");
    }

    @Test
    void submit_htmlErrorPageEchoingTheKey_isQuotedWithTheKeyRedacted() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(aResponse().withStatus(403)
                .withBody("<html>Forbidden for Authorization: Key " + KEY + "</html>")));

        Throwable e = FalFixture.failure(time, client.submit(VideoRequest.text("x").model(MODEL).build()));

        assertThat(e).isInstanceOf(dev.videosdk.PermissionDeniedException.class).hasMessageContaining("Forbidden")
                .hasMessageNotContaining("secretpart");
    }

    @Test
    void status_answerHeadersLate_isCutByTheRequestTimeoutAndRetried() {
        try (VideoClient quick = VideoClient.builder().withoutDiscovery().env(FalFixture.env(wm))
                .providerFactory(new FalProviderFactory()).defaultProvider("fal")
                .clock(time.clock()).scheduler(time.scheduler()).random(() -> 0.5)
                .requestTimeout(Duration.ofMillis(500)).build()) {
            wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(json(202, FalFixture.inQueue(1)).withFixedDelay(1500)).willSetStateTo("ok"));
            wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(json(200, completed())));
            wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));

            assertThat(FalFixture.run(time, quick.await(job())).video()).isNotNull();
            wm.verify(2, getRequestedFor(urlEqualTo(REQUESTS + "/status?logs=1")));
        }
    }

    /** A status body that starts and then stalls is cut by the client's body idle timer and asked again. */
    @Test
    void status_stalledBody_isCutByTheBodyIdleTimeoutAndRetried() {
        try (VideoClient quick = VideoClient.builder().withoutDiscovery().env(FalFixture.env(wm))
                .providerFactory(new FalProviderFactory()).defaultProvider("fal")
                .clock(time.clock()).scheduler(time.scheduler()).random(() -> 0.5)
                .requestTimeout(Duration.ofSeconds(5)).bodyIdleTimeout(Duration.ofMillis(400)).build()) {
            wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(json(202, FalFixture.inQueue(1)).withChunkedDribbleDelay(4, 3000)).willSetStateTo("ok"));
            wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(json(200, completed())));
            wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));

            assertThat(FalFixture.run(time, quick.await(job())).video()).isNotNull();
            wm.verify(2, getRequestedFor(urlEqualTo(REQUESTS + "/status?logs=1")));
        }
    }

    private VideoJob job() {
        return ProviderData.withAttributes(VideoJob.of("fal", REQUEST_ID, MODEL, time.now()), java.util.Map.of(
                "status_url", wm.baseUrl() + REQUESTS + "/status", "response_url", wm.baseUrl() + REQUESTS,
                "cancel_url", wm.baseUrl() + REQUESTS + "/cancel"));
    }
}
