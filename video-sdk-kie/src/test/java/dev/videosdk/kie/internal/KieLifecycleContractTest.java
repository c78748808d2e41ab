package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
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
 * LIFECYCLE.md §2 and §4 on Kie's wire (the Veo family): 500, 502, 503 and 504 create answers leave the
 * outcome unknown (one POST, {@link JobMayExistException}); Kie declares only its codes 455 (maintenance)
 * and 505 (feature disabled) "not accepted" ({@code KieErrorMapper.notAccepted}, kie.md §9), which
 * {@code KieErrorContractTest} covers; a stalled create body is unknown; a stalled status body is cut by
 * the body idle timer and retried. Kie sends no request id.
 */
class KieLifecycleContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String CREATE = "/api/v1/veo/generate";
    private static final String STATUS = "/api/v1/veo/record-info";
    /** Virtual time moved per 200 ms of real time while a reply stalls (the client's body idle timeout is 30 s). */
    private static final Duration STEP = Duration.ofSeconds(10);

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = KieTestClient.client(wm.baseUrl(), time, Map.of());
    private final StallingFront front = StallingFront.before(wm.baseUrl());
    private final VideoClient fronted = KieTestClient.client(front.baseUrl(), time, Map.of());

    @AfterEach
    void tearDown() {
        client.close();
        fronted.close();
        front.close();
    }

    /** Kie's own 500 envelope (kie.md §9), and what the gateways in front of it answer for 502/503/504. */
    static Stream<Arguments> serverAnswers() {
        return Stream.of(
                Arguments.of(500, "application/json", "{\"code\":500,\"msg\":\"Internal Error, Please try again later\",\"data\":null}"),
                Arguments.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                        + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
                Arguments.of(503, "text/html", "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                        + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>"),
                Arguments.of(504, "text/html", "<html><head><title>504 Gateway Time-out</title></head><body><center>"
                        + "<h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>"));
    }

    @ParameterizedTest(name = "create answered {0}: one POST, a job may exist")
    @MethodSource("serverAnswers")
    void create5xx_isNotRepeated_andSaysAJobMayExist(int status, String contentType, String body) {
        wm.stubFor(post(CREATE).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));

        Throwable t = time.failureOf(client.submit(VideoRequest.text("x").build()), null);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasCauseInstanceOf(ProviderUnavailableException.class);
        assertThat(((VideoException) t.getCause()).httpStatus()).hasValue(status);
        assertThat(((VideoException) t).isRetryable()).isFalse();
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Test
    void stalledCreateBody_isUnknown_andNotRepeated() {
        wm.stubFor(post(CREATE).willReturn(okJson(KieTestClient.taskAccepted("veo_stall"))));
        front.stall("POST", CREATE, 1);

        Throwable t = time.failureOf(fronted.submit(VideoRequest.text("x").build()), STEP);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("stalled");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void stalledStatusBody_isRetried_andTheWaitSucceeds() {
        wm.stubFor(post(CREATE).willReturn(okJson(KieTestClient.taskAccepted("veo_ok"))));
        wm.stubFor(get(urlPathEqualTo(STATUS)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(okJson(record(0, "null"))).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(STATUS)).inScenario("s").whenScenarioStateIs("done")
                .willReturn(okJson(record(1, "{\"resultUrls\":[\"https://tempfile.aiquickdraw.com/v/ok.mp4\"]}"))));
        front.stall("GET", STATUS, 1);

        VideoResult result = time.runThroughStalls(fronted.generate(VideoRequest.text("x").build()), STEP);

        assertThat(result.job().id()).isEqualTo("veo_ok");
        assertThat(result.video().uri()).hasToString("https://tempfile.aiquickdraw.com/v/ok.mp4");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS)).withQueryParam("taskId", equalTo("veo_ok")));
    }

    private static String record(int successFlag, String response) {
        return "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_ok\",\"successFlag\":" + successFlag
                + ",\"response\":" + response + "}}";
    }
}
