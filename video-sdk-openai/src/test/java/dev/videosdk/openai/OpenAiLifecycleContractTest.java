package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.videosdk.JobMayExistException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.testing.StallingFront;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIFECYCLE.md §2 and §4 on OpenAI's wire: a 5xx create answer and a stalled create body leave the
 * outcome unknown (one POST, {@link JobMayExistException}); the gateways' documented "no channel"
 * answer is not accepted and is retried; a stalled status body is cut by the body idle timer and retried.
 */
class OpenAiLifecycleContractTest extends OpenAiWireMockSupport {
    /** Virtual time moved per 200 ms of real time while a reply stalls (the client's body idle timeout is 30 s). */
    private static final Duration STEP = Duration.ofSeconds(10);

    private final StallingFront front = StallingFront.before(wm.baseUrl());

    private static ResponseDefinitionBuilder answer(int status, String contentType, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withHeader("x-request-id", "req_" + status).withBody(body);
    }

    /** 5xx create answers as OpenAI and the proxies in front of it send them (providers/openai.md §6.2, §9.4). */
    static Stream<Arguments> unknownOutcomes() {
        return Stream.of(
                Arguments.of(500, "application/json", """
                        {"error": {"message": "The server had an error while processing your request. Sorry about that!",
                         "type": "server_error", "param": null, "code": null}}"""),
                Arguments.of(502, "text/html", """
                        <html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>
                        <hr><center>cloudflare</center></body></html>"""),
                Arguments.of(503, "application/json", """
                        {"error": {"message": "The engine is currently overloaded, please try again later.",
                         "type": "server_error", "param": null, "code": null}}"""),
                Arguments.of(504, "text/html", """
                        <html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1>
                        </center><hr><center>nginx</center></body></html>"""));
    }

    @ParameterizedTest(name = "create answered {0}: one POST, a job may exist")
    @MethodSource("unknownOutcomes")
    void create5xx_isNotRepeated_andSaysAJobMayExist(int status, String contentType, String body) {
        wm.stubFor(post("/v1/videos").willReturn(answer(status, contentType, body)));

        Throwable t = failureOf(client().submit(VideoRequest.text("A paper boat").build()));

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("req_" + status).hasCauseInstanceOf(ProviderUnavailableException.class);
        VideoException cause = (VideoException) t.getCause();
        assertThat(cause.httpStatus()).hasValue(status);
        assertThat(cause.requestId()).contains("req_" + status);
        assertThat(((VideoException) t).isRetryable()).isFalse();
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
        wm.verify(0, getRequestedFor(urlPathMatching("/v1/videos/.*")));
    }

    /**
     * new-api/one-api gateways answer 503 {@code model_not_found} ("no available channel") before routing
     * anywhere, so no job exists: {@code OpenAiProvider.createNotAccepted} declares it (providers/openai.md
     * §9.4, sources there: one-api issue #2340, new-api issue #2130), and the create is retried.
     */
    @Test
    void gatewayNoChannel503_isNotAccepted_andRetried() {
        wm.stubFor(post("/v1/videos").inScenario("channel").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(503, "application/json", """
                        {"error": {"code": "model_not_found", "type": "new_api_error",
                         "message": "No available channel for model sora-2 under group default (distributor) (request id: 2026113002)"}}"""))
                .willSetStateTo("routed"));
        wm.stubFor(post("/v1/videos").inScenario("channel").whenScenarioStateIs("routed")
                .willReturn(okJson(video("video_gw", "queued", 0))));

        VideoJob job = time.run(client().submit(VideoRequest.text("A paper boat").build()));

        assertThat(job.id()).isEqualTo("video_gw");
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @AfterEach
    void closeFront() {
        front.close();
    }

    /** A client whose calls go through {@link #front}. */
    private VideoClient frontedClient() {
        return client(Map.of("OPENAI_BASE_URL", front.baseUrl() + "/v1"));
    }

    @Test
    void stalledCreateBody_isUnknown_andNotRepeated() {
        // status line, headers and half the body, then silence with the socket open
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_st", "queued", 0)).withHeader("x-request-id", "req_stall")));
        front.stall("POST", "/v1/videos", 1);

        Throwable t = time.failureOf(frontedClient().submit(VideoRequest.text("A paper boat").build()), STEP);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("stalled");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void stalledStatusBody_isRetried_andTheWaitSucceeds() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_ok", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_ok").inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(video("video_ok", "in_progress", 50))).willSetStateTo("answering"));
        wm.stubFor(get("/v1/videos/video_ok").inScenario("poll").whenScenarioStateIs("answering")
                .willReturn(okJson(video("video_ok", "completed", 100))));

        front.stall("GET", "/v1/videos/video_ok", 1);

        VideoResult result = time.runThroughStalls(frontedClient().generate(VideoRequest.text("A paper boat").build()), STEP);

        assertThat(result.job().id()).isEqualTo("video_ok");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
        wm.verify(2, getRequestedFor(urlEqualTo("/v1/videos/video_ok"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }
}
