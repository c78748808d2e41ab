package dev.videosdk.runway.internal;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.videosdk.AuthenticationException;
import dev.videosdk.CreateOutcome;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobState;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.runway.internal.RunwayFixture.KEY;
import static dev.videosdk.runway.internal.RunwayFixture.T2V;
import static dev.videosdk.runway.internal.RunwayFixture.TASK;
import static dev.videosdk.runway.internal.RunwayFixture.TASK_ID;
import static dev.videosdk.runway.internal.RunwayFixture.accepted;
import static dev.videosdk.runway.internal.RunwayFixture.json;
import static dev.videosdk.runway.internal.RunwayFixture.posts;
import static dev.videosdk.runway.internal.RunwayFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runway's HTTP errors (§5 of the wire reference: 400 with {@code error} and {@code issues}, 401, 404,
 * 405, 429, 502/503/504) and network faults, for create and status calls. Create answers are judged by
 * LIFECYCLE §2 (the core's table; Runway declares nothing beyond it): only 429 is retried; a 5xx or a lost
 * answer means a task may exist (ADR 0701).
 */
class RunwayErrorContractTest extends RunwayWireMockTest {
    private VideoException createFails(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(answer));
        CompletableFuture<VideoJob> f = client.submit(VideoRequest.text("A koi pond").build());
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> run(f));
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(VideoException.class);
        return (VideoException) t.getCause();
    }

    /**
     * Runway's error page (docs.dev.runwayml.com/api-details/errors, found with the search tool) lists 502/503
     * as "shedding load" and 504 as "overloaded", all "may retry", but never says that no task was created;
     * its SDKs retry creates without an idempotency key. So a create 5xx is UNKNOWN (ADR 0701).
     */
    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void create_5xx_isNotRetriedAndSaysATaskMayExist(int status) {
        VideoException e = createFails(json(status, "{\"error\":\"Service temporarily unavailable\"}")
                .withHeader("x-request-id", "req-" + status));

        assertThat(posts(wm, T2V)).as("exactly one POST").hasSize(1);
        assertThat(e).isInstanceOf(JobMayExistException.class);
        assertThat(((JobMayExistException) e).createOutcome()).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(e.getCause()).isInstanceOf(ProviderUnavailableException.class);
        assertThat(e.isRetryable()).as("no fallback, no retry").isFalse();
        assertThat(e.getMessage()).contains("a job may exist", "request id req-" + status,
                "Service temporarily unavailable");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.requestId()).contains("req-" + status);
    }

    @Test
    void create_htmlGatewayPage_isNotRetriedEither() {
        VideoException e = createFails(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway</body></html>"));

        assertThat(posts(wm, T2V)).hasSize(1);
        assertThat(e).isInstanceOf(JobMayExistException.class);
        assertThat(e.getMessage()).contains("Bad Gateway");
    }

    @Test
    void create_connectionResetAfterSending_isNotRetried() {
        VideoException e = createFails(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(posts(wm, T2V)).hasSize(1);
        assertThat(e).isInstanceOf(JobMayExistException.class);
        assertThat(e.isRetryable()).isFalse();
    }

    /** Whether Runway sends Retry-After on 429 is unconfirmed (no source found); it is honoured when present. */
    @Test
    void create_429WithRetryAfter_isRetriedAfterTheWaitAndSucceeds() {
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(json(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "7")));
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(json(200, accepted(TASK_ID))));

        VideoJob job = run(client.submit(VideoRequest.text("A koi pond").build()));

        assertThat(job.id()).isEqualTo(TASK_ID);
        assertThat(posts(wm, T2V)).hasSize(2);
        assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(7));
    }

    @Test
    void create_429DailyLimit_isAQuotaErrorAndNotRetried() {
        VideoException e = createFails(json(429,
                "{\"error\":\"You have exceeded your daily generation limit for gen4.5.\"}"));

        assertThat(posts(wm, T2V)).hasSize(1);
        assertThat(e).isInstanceOf(QuotaExceededException.class);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("daily generation limit");
    }

    @Test
    void create_400WithIssues_namesTheSdkParameter() {
        VideoException e = createFails(json(400, """
                {"error":"Validation of body failed","issues":[{"path":["ratio"],"message":"Invalid enum value"}]}"""));

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) e).parameter()).contains("aspectRatio");
        assertThat(e.getMessage()).contains("Validation of body failed", "ratio: Invalid enum value");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void create_400AssetMessage_namesTheFieldFromTheText() {
        VideoException e = createFails(json(400,
                "{\"error\":\"Invalid asset: promptImage could not be fetched (status 403)\"}"));

        assertThat(((InvalidRequestException) e).parameter()).contains("images");
        assertThat(posts(wm, T2V)).hasSize(1);
    }

    /** The out-of-credits wording is unconfirmed (no Runway source found): any "enough credits" text counts. */
    @Test
    void create_400NotEnoughCredits_isAQuotaError() {
        VideoException e = createFails(json(400, "{\"error\":\"You do not have enough credits to run this task.\"}"));

        assertThat(e).isInstanceOf(QuotaExceededException.class);
        assertThat(e.getMessage()).contains("add credits");
    }

    @Test
    void create_401_isAnAuthenticationErrorWithoutTheKeyEvenWhenEchoed() {
        VideoException e = createFails(json(401, "{\"error\":\"Invalid API key: " + KEY + " (Bearer " + KEY + ")\"}"));

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).contains("RUNWAY_API_KEY").doesNotContain(KEY).doesNotContain(KEY.substring(4, 40));
        assertThat(e.toString()).doesNotContain(KEY);
    }

    @Test
    void create_403_isPermissionDenied() {
        assertThat(createFails(json(403, "{\"error\":\"Model not enabled for this organization\"}")))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void create_405_isAnInvalidRequest() {
        assertThat(createFails(json(405, "{\"error\":\"Method not allowed\"}"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void create_errorObjectShape_isReadToo() {
        VideoException e = createFails(json(422, "{\"error\":{\"message\":\"duration out of range\",\"code\":\"bad_duration\"}}"));

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errorCode()).contains("bad_duration");
        assertThat(((InvalidRequestException) e).parameter()).contains("duration");
    }

    @Test
    void create_200WithoutId_isAProtocolErrorAndATaskMayExist() {
        VideoException e = createFails(json(200, "{\"estimatedCost\":{\"credits\":5}}"));

        assertThat(e).as("a 2xx the SDK cannot read: a task may exist").isInstanceOf(JobMayExistException.class);
        assertThat(e.getCause()).isInstanceOf(dev.videosdk.ProtocolException.class).hasMessageContaining("without a task id");
    }

    @Test
    void status_404_isNotFound() {
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(404, "{\"error\":\"Task not found\"}")));

        assertThatThrownBy(() -> run(client.status(job()))).hasCauseInstanceOf(NotFoundException.class);
        wm.verify(1, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void status_502_isRetriedThenSucceeds() {
        wm.stubFor(get(urlEqualTo(TASK)).inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        wm.stubFor(get(urlEqualTo(TASK)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(json(200, succeeded("https://cdn.example.test/v.mp4"))));

        assertThat(run(client.status(job())).state()).isEqualTo(JobState.SUCCEEDED);
        wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
    }

    @Test
    void status_429_waitsForRetryAfter() {
        wm.stubFor(get(urlEqualTo(TASK)).inScenario("rl").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(json(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "3")));
        wm.stubFor(get(urlEqualTo(TASK)).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(json(200, RunwayFixture.task("RUNNING", "\"progress\":0.3"))));

        assertThat(run(client.status(job())).progress()).isEqualTo(30);
        assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(3));
    }

    @Test
    void status_stalledBody_timesOutAndIsRetried() {
        try (VideoClient impatient = RunwayFixture.builder(time, RunwayFixture.env(wm))
                .requestTimeout(Duration.ofMillis(300)).build()) {
            wm.stubFor(get(urlEqualTo(TASK)).inScenario("stall").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                    .willReturn(json(200, succeeded("https://cdn.example.test/v.mp4")).withFixedDelay(2000)));
            wm.stubFor(get(urlEqualTo(TASK)).inScenario("stall").whenScenarioStateIs("ok")
                    .willReturn(json(200, succeeded("https://cdn.example.test/v.mp4"))));

            assertThat(run(impatient.status(job())).state()).isEqualTo(JobState.SUCCEEDED);
            wm.verify(2, getRequestedFor(urlEqualTo(TASK)));
        }
    }

    @Test
    void status_malformedJson_isAProtocolErrorQuotingTheBody() {
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, "{\"status\": RUNN")));

        assertThatThrownBy(() -> run(client.status(job()))).cause()
                .isInstanceOf(dev.videosdk.ProtocolException.class).hasMessageContaining("RUNN");
    }

    @Test
    void rateLimitType_isTheOneCoreRetries() {
        VideoException e = new RunwayErrors(java.time.Clock.systemUTC()).map(new dev.videosdk.spi.HttpReply(
                "runway", java.net.URI.create("https://api.dev.runwayml.com/v1/text_to_video"), 429,
                Map.of("retry-after", java.util.List.of("4")), "{\"error\":\"slow down\"}".getBytes(), null, "runway#1"));

        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(4));
    }
}
