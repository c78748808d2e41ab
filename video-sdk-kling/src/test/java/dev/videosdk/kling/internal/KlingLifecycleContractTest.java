package dev.videosdk.kling.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.kling.internal.KlingFixture.TASK_ID;
import static dev.videosdk.kling.internal.KlingFixture.VIDEO_URL;
import static dev.videosdk.kling.internal.KlingFixture.accepted;
import static dev.videosdk.kling.internal.KlingFixture.envelope;
import static dev.videosdk.kling.internal.KlingFixture.error;
import static dev.videosdk.kling.internal.KlingFixture.json;
import static dev.videosdk.kling.internal.KlingFixture.succeeded;
import static dev.videosdk.kling.internal.KlingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.JobMayExistException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.testing.StallingFront;
import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIFECYCLE.md §2 and §4 on Kling's wire: 5xx create answers leave the outcome unknown (one POST,
 * {@link JobMayExistException}) except 5001 maintenance, which Kling's module declares "not accepted"
 * ({@code KlingErrors.notAccepted}, ADR 0201) and retries; a stalled create body is unknown; a stalled
 * status body is cut by the body idle timer and retried.
 */
class KlingLifecycleContractTest {
    @RegisterExtension
    static WireMockExtension wm = KlingFixture.wireMock();

    private static final String T2V = "/v1/videos/text2video";
    /** Virtual time moved per 200 ms of real time while a reply stalls (the client's body idle timeout is 30 s). */
    private static final Duration STEP = Duration.ofSeconds(10);

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = KlingFixture.client(time, KlingFixture.env(wm));
    private final StallingFront front = StallingFront.before(wm.baseUrl());
    private final VideoClient fronted = KlingFixture.client(time,
            KlingFixture.with(KlingFixture.env(wm), "KLING_API_URL", front.baseUrl()));

    @AfterEach
    void close() {
        client.close();
        fronted.close();
        front.close();
    }

    /**
     * Kling's documented server codes (providers/kling.md; ADR 0201): 5000 internal error (HTTP 500), 5001
     * maintenance (HTTP 503, declared not accepted), 5002 internal timeout (HTTP 504); 502 is the gateway's HTML.
     */
    static Stream<Arguments> serverAnswers() {
        return Stream.of(
                Arguments.of(500, "application/json", error(5000, "Server internal error"), "req-err-5000", false),
                Arguments.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                        + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", null, false),
                Arguments.of(503, "application/json", error(5001, "Server temporarily unavailable, usually due to maintenance"),
                        "req-err-5001", true),
                Arguments.of(504, "application/json", error(5002, "Server internal timeout, usually due to backlog"),
                        "req-err-5002", false));
    }

    @ParameterizedTest(name = "create answered {0}: not accepted = {4}")
    @MethodSource("serverAnswers")
    void create5xx_isUnknown_unlessDeclaredNotAccepted(int status, String contentType, String body, String requestId,
                                                       boolean notAccepted) {
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("c").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body))
                .willSetStateTo("up"));
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("c").whenScenarioStateIs("up").willReturn(json(200, accepted(TASK_ID))));
        CompletableFuture<VideoJob> f = client.submit(VideoRequest.text("a fox in the snow").build());

        if (notAccepted) {
            assertThat(time.run(f).id()).isEqualTo(TASK_ID);
            wm.verify(2, postRequestedFor(urlEqualTo(T2V)));
            return;
        }
        Throwable t = time.failureOf(f, null);
        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasCauseInstanceOf(ProviderUnavailableException.class);
        VideoException cause = (VideoException) t.getCause();
        assertThat(cause.httpStatus()).hasValue(status);
        if (requestId != null) {
            assertThat(t).hasMessageContaining(requestId);
            assertThat(cause.requestId()).contains(requestId);
        }
        wm.verify(1, postRequestedFor(urlEqualTo(T2V)));
        wm.verify(0, getRequestedFor(urlPathMatching(T2V + "/.*")));
    }

    @Test
    void stalledCreateBody_isUnknown_andNotRepeated() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        front.stall("POST", T2V, 1);

        Throwable t = time.failureOf(fronted.submit(VideoRequest.text("a fox in the snow").build()), STEP);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("stalled");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlEqualTo(T2V)));
    }

    @Test
    void stalledStatusBody_isRetried_andTheWaitSucceeds() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(json(200, envelope(task("processing")))).willSetStateTo("done"));
        wm.stubFor(get(urlEqualTo(T2V + "/" + TASK_ID)).inScenario("s").whenScenarioStateIs("done")
                .willReturn(json(200, envelope(succeeded(VIDEO_URL)))));
        front.stall("GET", T2V + "/", 1);

        VideoResult result = time.runThroughStalls(fronted.generate(VideoRequest.text("a fox in the snow").build()), STEP);

        assertThat(result.job().id()).isEqualTo(TASK_ID);
        assertThat(result.video().uri().toString()).isEqualTo(VIDEO_URL);
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlEqualTo(T2V)));
        wm.verify(2, getRequestedFor(urlEqualTo(T2V + "/" + TASK_ID)));
    }
}
