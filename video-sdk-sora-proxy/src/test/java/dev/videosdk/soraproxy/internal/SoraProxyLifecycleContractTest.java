package dev.videosdk.soraproxy.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.testing.StallingFront;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIFECYCLE.md §2 and §4 on a sora-proxy gateway's wire. The generation is one call (there is no status
 * call, so no stalled-status case): 500, 502 and 504 leave its outcome unknown (one POST,
 * {@link JobMayExistException}); a 503 before any body is declared "not accepted" by the module
 * ({@code SoraProxyProvider.notAccepted}, ADR 0500/0501; providers/openai.md §9.4: new-api/one-api answer
 * 503 before routing) and is retried; a single-answer (non-streaming) reply that stalls after its headers
 * is unknown.
 */
class SoraProxyLifecycleContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String PATH = SoraProxyContractTest.PATH;
    /** Virtual time moved per 200 ms of real time while a reply stalls (the client's body idle timeout is 30 s). */
    private static final Duration STEP = Duration.ofSeconds(10);

    private final VirtualTime time = VirtualTime.start();
    private final StallingFront front = StallingFront.before(wm.baseUrl());
    private VideoClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        front.close();
    }

    private VideoClient client(String baseUrl, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(SoraProxy.API_KEY, SoraProxyContractTest.KEY, SoraProxy.BASE_URL, baseUrl));
        env.putAll(extra);
        client = VideoClient.builder().withoutDiscovery().providerFactory(new SoraProxyProviderFactory()).env(env)
                .defaultProvider(SoraProxy.ID).clock(time.clock()).scheduler(time.scheduler()).build();
        return client;
    }

    /** What new-api/one-api gateways and the web servers in front of them answer (providers/openai.md §9.4). */
    static Stream<Arguments> unknownOutcomes() {
        return Stream.of(
                Arguments.of(500, "application/json", "{\"error\": {\"message\": \"bad response status code 500 (request id: "
                        + "20261130025800123456789)\", \"type\": \"new_api_error\", \"code\": \"bad_response_status_code\"}}"),
                Arguments.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                        + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
                Arguments.of(504, "text/html", "<html><head><title>504 Gateway Time-out</title></head><body><center>"
                        + "<h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>"));
    }

    @ParameterizedTest(name = "generation answered {0}: one POST, a job may exist")
    @MethodSource("unknownOutcomes")
    void create5xx_isNotRepeated_andSaysAJobMayExist(int status, String contentType, String body) {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withHeader("x-request-id", "req-" + status).withBody(body)));

        Throwable t = time.failureOf(client(wm.baseUrl(), Map.of()).generate(VideoRequest.text("A cat").build()), Duration.ofMillis(100));

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("req-" + status).hasCauseInstanceOf(ProviderUnavailableException.class);
        VideoException cause = (VideoException) t.getCause();
        assertThat(cause.httpStatus()).hasValue(status);
        assertThat(cause.requestId()).contains("req-" + status);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void plain503_isDeclaredNotAccepted_andRetried() {
        wm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>503 Service Temporarily Unavailable</title></head></html>"))
                .willSetStateTo("ready"));
        wm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(SoraProxyContractTest.STREAM)));

        VideoResult r = Drive.until(time, client(wm.baseUrl(), Map.of()).generate(VideoRequest.text("A cat").build()));

        assertThat(r.video().uri()).isEqualTo(URI.create("https://cdn.example/sora/uuid.mp4"));
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void stalledSingleAnswerBody_isUnknown_andNotRepeated() {
        wm.stubFor(post(PATH).willReturn(okJson("{\"choices\": [{\"message\": {\"content\": \"✅ 视频生成成功，"
                + "[点击这里](https://cdn.example/sora/uuid.mp4) 查看视频\"}}]}")));
        front.stall("POST", PATH, 1);

        Throwable t = time.failureOf(client(front.baseUrl(), Map.of(SoraProxy.STREAM, "false"))
                .generate(VideoRequest.text("A cat").build()), STEP);

        assertThat(t).isInstanceOf(JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasMessageContaining("stalled");
        assertThat(front.stalledCount()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"stream\": false}", true, true)));
    }
}
