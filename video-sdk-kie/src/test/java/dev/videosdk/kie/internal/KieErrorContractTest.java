package dev.videosdk.kie.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.JobState;
import dev.videosdk.NotFoundException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented Kie code (kie.md §9), both as a real HTTP status and as HTTP 200 with the code in
 * the envelope; the 429 "dropped, not queued" retry; which create errors are retried.
 */
class KieErrorContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(400, "Your prompt was flagged by Website as violating content policies.", ContentPolicyException.class, null),
                Arguments.of(400, "Only English prompts are supported at this time", InvalidRequestException.class, "prompt"),
                Arguments.of(401, "You do not have access permissions", AuthenticationException.class, null),
                Arguments.of(402, "Insufficient credits", QuotaExceededException.class, null),
                Arguments.of(404, "Not found", NotFoundException.class, null),
                Arguments.of(422, "The page does not exist or is not published", InvalidRequestException.class, "model"),
                Arguments.of(422, "This field is required", InvalidRequestException.class, null),
                Arguments.of(429, "Rate limited", RateLimitException.class, null),
                Arguments.of(433, "The current number of points used by apiKey has exceeded the daily limit", QuotaExceededException.class, null),
                Arguments.of(451, "Failed to fetch the image", InvalidRequestException.class, "images"),
                Arguments.of(455, "Service unavailable - maintenance", ProviderUnavailableException.class, null),
                Arguments.of(500, "Internal Error, Please try again later", ProviderUnavailableException.class, null),
                Arguments.of(501, "Generation failed", GenerationFailedException.class, null),
                Arguments.of(505, "Feature disabled", ProviderUnavailableException.class, null));
    }

    private static String envelope(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"data\":null}";
    }

    @ParameterizedTest(name = "code {0} as HTTP 200 + body: {1}")
    @MethodSource("codes")
    void create_errorCodeInHttp200Body_isMapped(int code, String msg, Class<? extends VideoException> type, String parameter) {
        assertMapped(okJson(envelope(code, msg)), code, msg, type, parameter, 200);
    }

    @ParameterizedTest(name = "code {0} as HTTP status: {1}")
    @MethodSource("codes")
    void create_errorCodeAsHttpStatus_isMapped(int code, String msg, Class<? extends VideoException> type, String parameter) {
        assertMapped(aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody(envelope(code, msg)),
                code, msg, type, parameter, code);
    }

    private void assertMapped(ResponseDefinitionBuilder answer, int code, String msg, Class<? extends VideoException> type,
                              String parameter, int httpStatus) {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of(), RetryPolicy.none());
        wm.stubFor(post("/api/v1/veo/generate").willReturn(answer));

        Throwable outcome = catchCause(() -> time.run(client.submit(VideoRequest.text("x").build())));
        // LIFECYCLE.md §2: a server-side failure of the create leaves its outcome unknown (a task may exist)
        boolean unknown = code >= 500 && code != 505;
        assertThat(outcome).isInstanceOf(unknown ? dev.videosdk.JobMayExistException.class : type);
        Throwable thrown = unknown ? outcome.getCause() : outcome;

        assertThat(thrown).isInstanceOf(type).hasMessageContaining(msg).hasMessageContaining("code " + code);
        VideoException e = (VideoException) thrown;
        assertThat(e.errorCode()).contains(String.valueOf(code));
        assertThat(e.httpStatus()).hasValue(httpStatus);
        assertThat(e.provider()).isEqualTo("kie");
        if (parameter != null) {
            assertThat(((InvalidRequestException) e).parameter()).contains(parameter);
        }
        if (e instanceof RateLimitException r) {
            assertThat(r.retryAfter()).contains(Duration.ofSeconds(10));
        }
        assertThat(e.getMessage()).doesNotContain(KieTestClient.KEY);
    }

    private static Throwable catchCause(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void create_dropped429InBody_isRetriedAfterTenSeconds_andCreatesExactlyOneTask() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(post("/api/v1/veo/generate").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(okJson(envelope(429, "Too many requests"))).willSetStateTo("free"));
        wm.stubFor(post("/api/v1/veo/generate").inScenario("limit").whenScenarioStateIs("free")
                .willReturn(okJson(KieTestClient.taskAccepted("only-one"))));

        VideoJob job = time.run(client.submit(VideoRequest.text("x").build()));

        assertThat(job.id()).isEqualTo("only-one");
        wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")));
        assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(10));
        assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void create_http429WithRetryAfter_waitsTheProvidersTime() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(post("/api/v1/jobs/createTask").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(envelope(429, "Too many requests")))
                .willSetStateTo("free"));
        wm.stubFor(post("/api/v1/jobs/createTask").inScenario("limit").whenScenarioStateIs("free")
                .willReturn(okJson(KieTestClient.taskAccepted("task_wan_1"))));

        VideoJob job = time.run(client.submit(VideoRequest.text("x").model("wan/2-6-text-to-video").build()));

        assertThat(job.id()).isEqualTo("task_wan_1");
        wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/jobs/createTask")));
        assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(3)).doesNotContain(Duration.ofSeconds(10));
    }

    @Test
    void create_maintenance455_isRetried_becauseNoTaskWasCreated() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(post("/api/v1/veo/generate").inScenario("m").whenScenarioStateIs(STARTED)
                .willReturn(okJson(envelope(455, "Service unavailable"))).willSetStateTo("up"));
        wm.stubFor(post("/api/v1/veo/generate").inScenario("m").whenScenarioStateIs("up")
                .willReturn(okJson(KieTestClient.taskAccepted("after-maintenance"))));

        VideoJob job = time.run(client.submit(VideoRequest.text("x").build()));

        assertThat(job.id()).isEqualTo("after-maintenance");
        wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")));
    }

    @Test
    void create_internalError500_isNotRetried_becauseATaskMayExist() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(post("/api/v1/veo/generate").willReturn(okJson(envelope(500, "Internal Error"))));

        Throwable t = catchCause(() -> time.run(client.submit(VideoRequest.text("x").build())));
        assertThat(t).isInstanceOf(dev.videosdk.JobMayExistException.class).hasMessageContaining("a job may exist")
                .hasCauseInstanceOf(ProviderUnavailableException.class);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/veo/generate")));
    }

    @Test
    void poll_recordIsNull_afterTheGraceTime_isNotFound_butAFreshTaskKeepsWaiting() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(get(urlPathEqualTo("/api/v1/jobs/recordInfo"))
                .willReturn(okJson("{\"code\":422,\"msg\":\"recordInfo is null\",\"data\":null}")));
        VideoJob fresh = ProviderData.withAttribute(VideoJob.of("kie", "task_new", "kling-2.6/text-to-video", time.now()), "family", "jobs");
        VideoJob old = ProviderData.withAttribute(VideoJob.of("kie", "task_old", "kling-2.6/text-to-video", time.now().minusSeconds(120)), "family", "jobs");

        assertThat(time.run(client.status(fresh)).state()).isEqualTo(JobState.QUEUED);
        assertThatThrownBy(() -> time.run(client.status(old))).hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("recordInfo is null");
    }

    @Test
    void poll_recordOlderThan14Days_isJobExpired() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).withQueryParam("taskId", equalTo("ancient"))
                .willReturn(okJson("{\"code\":422,\"message\":\"Temporarily supports records within 14 days\",\"data\":null}")));
        VideoJob job = ProviderData.withAttribute(VideoJob.of("kie", "ancient", "veo3", time.now().minus(Duration.ofDays(20))), "family", "veo");

        assertThatThrownBy(() -> time.run(client.status(job))).hasCauseInstanceOf(JobExpiredException.class)
                .hasMessageContaining("within 14 days");
    }

    @Test
    void poll_transient500_isRetried() {
        client = KieTestClient.client(wm.baseUrl(), time, Map.of());
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(okJson(envelope(500, "Internal Error, Please try again later"))).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/api/v1/veo/record-info")).inScenario("p").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"t\",\"successFlag\":0}}")));
        VideoJob job = ProviderData.withAttribute(VideoJob.of("kie", "t", "veo3", time.now()), "family", "veo");

        assertThat(time.run(client.status(job)).state()).isEqualTo(JobState.RUNNING);
    }
}
