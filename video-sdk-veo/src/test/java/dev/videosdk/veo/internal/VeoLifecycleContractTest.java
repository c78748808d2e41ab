package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.veo.internal.VeoWireMock.OPERATION;
import static dev.videosdk.veo.internal.VeoWireMock.POLL_PATH;
import static dev.videosdk.veo.internal.VeoWireMock.SUBMIT_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.JobMayExistException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.testing.StallingFront;
import dev.videosdk.testing.VirtualTime;
import dev.videosdk.veo.VeoVertex;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIFECYCLE.md §2 and §4 on Veo's wire (Gemini API, and Vertex AI for the create and its status call):
 * 500, 502, 503 and 504 create answers leave the outcome unknown (one POST, {@link JobMayExistException});
 * neither provider declares any of them "not accepted" (no {@code createNotAccepted}: Google's
 * UNAVAILABLE on a long-running create does not say whether the operation was started); a stalled create
 * body is unknown; a stalled status body is cut by the body idle timer and retried.
 */
class VeoLifecycleContractTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private static final String VERTEX_MODEL = "/v1/projects/my-proj/locations/us-central1/publishers/google/models/"
            + "veo-3.1-generate-001";
    private static final String VERTEX_CREATE = VERTEX_MODEL + ":predictLongRunning";
    private static final String VERTEX_STATUS = VERTEX_MODEL + ":fetchPredictOperation";
    /** Virtual time moved per 200 ms of real time while a reply stalls (the client's body idle timeout is 30 s). */
    private static final Duration STEP = Duration.ofSeconds(10);

    private final VirtualTime time = VirtualTime.start();
    private final StallingFront front = StallingFront.before(wm.baseUrl());
    private final VideoClient gemini = VeoWireMock.gemini(wm, time, Map.of());
    private final VideoClient frontedGemini = VeoWireMock.gemini(wm, time, Map.of("GEMINI_BASE_URL", front.baseUrl()));
    private final VideoClient frontedVertex = VeoWireMock.with(VeoVertex.builder().project("my-proj")
            .location("us-central1").baseUrl(front.baseUrl()).accessToken(() -> "token-1").build(), time);

    @AfterEach
    void tearDown() {
        gemini.close();
        frontedGemini.close();
        frontedVertex.close();
        front.close();
    }

    /** google.rpc.Status error bodies as the Gemini API sends them (veo.md §6), and Google's front end HTML for 502. */
    static Stream<Arguments> serverAnswers() {
        return Stream.of(
                Arguments.of(500, "application/json", status(500, "INTERNAL", "An internal error has occurred. Please retry "
                        + "or report in https://developers.generativeai.google/guide/troubleshooting")),
                Arguments.of(502, "text/html", "<!DOCTYPE html><html lang=en><title>Error 502 (Server Error)!!1</title>"
                        + "<p><b>502.</b> <ins>That's an error.</ins><p>The server encountered a temporary error and could not "
                        + "complete your request.<p>Please try again in 30 seconds.  <ins>That's all we know.</ins></html>"),
                Arguments.of(503, "application/json", status(503, "UNAVAILABLE", "The model is overloaded. Please try again later.")),
                Arguments.of(504, "application/json", status(504, "DEADLINE_EXCEEDED", "The request timed out. Please try again.")));
    }

    private static String status(int code, String status, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
    }

    @ParameterizedTest(name = "gemini create answered {0}: one POST, a job may exist")
    @MethodSource("serverAnswers")
    void create5xx_isNotRepeated_andSaysAJobMayExist(int status, String contentType, String body) {
        wm.stubFor(post(urlPathEqualTo(SUBMIT_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));

        assertUnknown(time.failureOf(gemini.submit(VideoRequest.text("x").build()), null), status);
        wm.verify(1, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(POLL_PATH)));
    }

    @ParameterizedTest(name = "vertex create answered {0}: one POST, a job may exist")
    @MethodSource("serverAnswers")
    void vertexCreate5xx_isNotRepeated_andSaysAJobMayExist(int status, String contentType, String body) {
        wm.stubFor(post(urlPathEqualTo(VERTEX_CREATE)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));

        assertUnknown(time.failureOf(frontedVertex.submit(VideoRequest.text("x").build()), null), status);
        wm.verify(1, postRequestedFor(urlPathEqualTo(VERTEX_CREATE)));
        wm.verify(0, postRequestedFor(urlPathEqualTo(VERTEX_STATUS)));
    }

    private static void assertUnknown(Throwable t, int status) {
        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasCauseInstanceOf(ProviderUnavailableException.class);
        assertThat(((VideoException) t.getCause()).httpStatus()).hasValue(status);
        assertThat(((VideoException) t).isRetryable()).isFalse();
    }

    @Test
    void stalledCreateBody_isUnknown_andNotRepeated() {
        VeoWireMock.acceptSubmit(wm);
        front.stall("POST", SUBMIT_PATH, 1);

        Throwable t = time.failureOf(frontedGemini.submit(VideoRequest.text("x").build()), STEP);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("stalled");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
    }

    @Test
    void stalledStatusBody_isRetried_andTheWaitSucceeds() {
        VeoWireMock.acceptSubmit(wm);
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(VeoWireMock.json("{\"name\":\"" + OPERATION + "\"}")).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).inScenario("s").whenScenarioStateIs("done")
                .willReturn(VeoWireMock.json(VeoWireMock.success("https://example.com/files/v1.mp4"))));
        front.stall("GET", POLL_PATH, 1);

        VideoResult result = time.runThroughStalls(frontedGemini.generate(VideoRequest.text("x").build()), STEP);

        assertThat(result.job().id()).isEqualTo(OPERATION);
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(POLL_PATH)));
    }

    @Test
    void vertexStalledStatusBody_isRetried_andTheWaitSucceeds() {
        String operation = VERTEX_MODEL.substring(4) + "/operations/42";
        wm.stubFor(post(urlPathEqualTo(VERTEX_CREATE)).willReturn(VeoWireMock.json("{\"name\":\"" + operation + "\"}")));
        wm.stubFor(post(urlPathEqualTo(VERTEX_STATUS)).inScenario("v").whenScenarioStateIs(STARTED)
                .willReturn(VeoWireMock.json("{\"name\":\"" + operation + "\"}")).willSetStateTo("done"));
        wm.stubFor(post(urlPathEqualTo(VERTEX_STATUS)).inScenario("v").whenScenarioStateIs("done")
                .willReturn(VeoWireMock.json("{\"name\":\"" + operation + "\",\"done\":true,\"response\":{\"videos\":"
                        + "[{\"gcsUri\":\"gs://b/1/sample_0.mp4\",\"mimeType\":\"video/mp4\"}]}}")));
        front.stall("POST", VERTEX_STATUS, 1);

        VideoResult result = time.runThroughStalls(frontedVertex.generate(VideoRequest.text("x").build()), STEP);

        assertThat(result.video().uri()).hasToString("gs://b/1/sample_0.mp4");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo(VERTEX_CREATE)));
        wm.verify(2, postRequestedFor(urlPathEqualTo(VERTEX_STATUS)));
    }
}
