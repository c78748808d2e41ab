package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The error envelope mapped by status and code (providers/openai.md §6), incl. gateways that answer errors with 200. */
class OpenAiErrorMappingTest extends OpenAiWireMockSupport {

    private static ResponseDefinitionBuilder error(int status, String type, String code, String param, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_e")
                .withBody("{\"error\": {\"message\": \"" + message + "\", \"type\": \"" + type + "\", \"param\": "
                        + (param == null ? "null" : "\"" + param + "\"") + ", \"code\": "
                        + (code == null ? "null" : "\"" + code + "\"") + "}}");
    }

    private Throwable createFails(ResponseDefinitionBuilder answer) {
        wm.stubFor(post("/v1/videos").willReturn(answer));
        return failureOf(client().submit(VideoRequest.text("x").build()));
    }

    private Throwable pollFails(ResponseDefinitionBuilder answer) {
        wm.stubFor(get("/v1/videos/video_1").willReturn(answer));
        return failureOf(client().status(VideoJob.of("openai", "video_1", "sora-2", time.now())));
    }

    @Test
    void badRequestNamesTheParameterAndKeepsTheRequestId() {
        // the param/code values of this example are illustrative in the provider doc (unconfirmed)
        Throwable e = createFails(error(400, "invalid_request_error", "invalid_value", "seconds",
                "Invalid value: '10'. Supported values are: '4', '8', and '12'."));

        assertThat(e).isInstanceOf(InvalidRequestException.class)
                .hasMessage("openai answered HTTP 400: Invalid value: '10'. Supported values are: '4', '8', and '12'."
                        + " (code invalid_value, request id req_e)");
        InvalidRequestException invalid = (InvalidRequestException) e;
        assertThat(invalid.parameter()).contains("seconds");
        assertThat(invalid.requestId()).contains("req_e");
        assertThat(invalid.httpStatus()).hasValue(400);
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void authPermissionAndNotFoundByStatus() {
        assertThat(createFails(error(401, "invalid_request_error", "invalid_api_key", null, "Incorrect API key provided")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Incorrect API key provided")
                .hasMessageNotContaining(KEY);
        wm.resetAll();
        assertThat(createFails(error(403, "invalid_request_error", "unsupported_country_region_territory", null,
                "Country, region, or territory not supported"))).isInstanceOf(PermissionDeniedException.class);
        wm.resetAll();
        assertThat(pollFails(error(404, "invalid_request_error", null, null, "Video with id 'video_1' not found.")))
                .isInstanceOf(NotFoundException.class).isNotInstanceOf(OpenAiModelRetiredException.class)
                .hasMessageContaining("Video with id 'video_1' not found.");
    }

    @Test
    void moderationAtCreateIsContentPolicy() {
        Throwable e = createFails(error(400, "invalid_request_error", "moderation_blocked", null,
                "Your request was blocked by our moderation system."));

        assertThat(e).isInstanceOf(ContentPolicyException.class);
        assertThat(((ContentPolicyException) e).reasons()).containsExactly("Your request was blocked by our moderation system.");
    }

    @Test
    void quotaIsNotRetriedAndRateLimitIsRetriedAfterRetryAfterMs() {
        assertThat(createFails(error(429, "insufficient_quota", "insufficient_quota", null,
                "You exceeded your current quota"))).isInstanceOf(QuotaExceededException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
        wm.resetAll();

        wm.stubFor(post("/v1/videos").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, "requests", "rate_limit_exceeded", null, "Rate limit reached")
                        .withHeader("retry-after-ms", "1500")).willSetStateTo("ok"));
        wm.stubFor(post("/v1/videos").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson(video("video_r", "queued", 0))));

        VideoJob job = time.run(client().submit(VideoRequest.text("x").build()));

        assertThat(job.id()).isEqualTo("video_r");
        assertThat(time.scheduledDelays()).contains(Duration.ofMillis(1500));
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @Test
    void rateLimitThatNeverClearsSurfacesWithItsRetryAfter() {
        Throwable e = createFails(error(429, "requests", "rate_limit_exceeded", null, "Rate limit reached")
                .withHeader("retry-after", "2"));

        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorOnCreateIsNotRepeatedButOnPollItIs() {
        assertThat(createFails(error(500, "server_error", null, null, "The server had an error")))
                .isInstanceOf(dev.videosdk.JobMayExistException.class).hasCauseInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("The server had an error").hasMessageContaining("a job may exist");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/videos")));
        wm.resetAll();

        assertThat(pollFails(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad gateway</body></html>")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("<html><body>Bad gateway");
        wm.verify(4, getRequestedFor(urlEqualTo("/v1/videos/video_1")));
    }

    @Test
    void shouldRetryFalseStopsRetries() {
        Throwable e = pollFails(error(503, "server_error", null, null, "overloaded").withHeader("x-should-retry", "false"));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("(x-should-retry: false)");
        assertThat(((ProviderUnavailableException) e).isRetryable()).isFalse();
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/videos/video_1")));
    }

    @Test
    void gatewayWithoutChannelIsUnavailableSoFallbackCanMoveOn() {
        // new-api / one-api style answer (songquanpeng/one-api#2340, QuantumNous/new-api#2130)
        Throwable e = createFails(error(503, "new_api_error", "model_not_found", null,
                "No available channel for model sora-2 under group default (distributor)"));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("the gateway has no channel for model sora-2");
        assertThat(((ProviderUnavailableException) e).isRetryable()).isTrue();
    }

    @Test
    void gatewayBusinessErrorWithHttp200IsMapped() {
        assertThat(createFails(error(200, "new_api_error", "model_not_found", null, "model sora-2 not found")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("openai answered HTTP 200: model sora-2 not found (code model_not_found, request id req_e)");
        wm.resetAll();
        Throwable invalid = createFails(error(200, "invalid_request_error", "invalid_size", "size", "size not supported"));
        assertThat(invalid).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) invalid).parameter()).contains("size");
        wm.resetAll();
        assertThat(createFails(error(200, "new_api_error", "insufficient_user_quota", null, "user quota is not enough")))
                .isInstanceOf(QuotaExceededException.class);
        wm.resetAll();
        assertThat(pollFails(error(200, "upstream_error", "bad_response", null, "upstream error")))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
