package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.videosdk.veo.internal.VeoWireMock.SUBMIT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.VirtualTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Google's error envelope on the create call, per shared/providers/veo.md §2.5. */
class GeminiErrorMappingTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @BeforeEach
    void setUp() {
        client = VeoWireMock.gemini(wm, time, Map.of());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private Throwable submitAgainst(int status, String googleStatus, String message, String details) {
        wm.stubFor(post(urlPathEqualTo(SUBMIT_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + googleStatus
                        + "\",\"details\":[" + details + "]}}")));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> time.run(client.submit(VideoRequest.text("x").build())));
        assertThat(thrown).isNotNull();
        return thrown.getCause();
    }

    @Test
    void invalidKeyAnsweredWith400IsAnAuthenticationError() {
        Throwable e = submitAgainst(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
                "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}");

        assertThat(e).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("veo answered HTTP 400: API key not valid")
                .hasMessageNotContaining(VeoWireMock.KEY);
    }

    @Test
    void invalidArgumentNamesTheParameter() {
        Throwable e = submitAgainst(400, "INVALID_ARGUMENT", "allow_all for personGeneration is currently not supported.", "");

        assertThat(e).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("(code INVALID_ARGUMENT)");
        assertThat(((InvalidRequestException) e).parameter()).hasValue("personGeneration");
        assertThat(((VideoException) e).errorCode()).hasValue("INVALID_ARGUMENT");
    }

    @Test
    void blockedPromptIsAContentPolicyError() {
        Throwable e = submitAgainst(400, "INVALID_ARGUMENT",
                "The prompt could not be submitted. This prompt contains words that violate the usage guidelines.", "");

        assertThat(e).isInstanceOf(ContentPolicyException.class);
        assertThat(((ContentPolicyException) e).reasons()).hasSize(1);
    }

    @Test
    void permissionDenied() {
        assertThat(submitAgainst(403, "PERMISSION_DENIED", "Permission denied on resource", ""))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void billingNotEnabledIsQuota() {
        assertThat(submitAgainst(400, "FAILED_PRECONDITION", "Veo requires billing to be enabled.", ""))
                .isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void resourceExhaustedIsARateLimitRetriedThenSurfaced() {
        Throwable e = submitAgainst(429, "RESOURCE_EXHAUSTED", "Quota exceeded for requests per minute", "");

        assertThat(e).isInstanceOf(RateLimitException.class);
        // 429 means "not accepted", so the core may retry even a create call
        assertThat(wm.countRequestsMatching(postRequestedFor(urlPathEqualTo(SUBMIT_PATH)).build()).getCount()).isGreaterThan(1);
    }

    @Test
    void serverErrorOnCreateIsNotRetriedBecauseAJobMayExist() {
        Throwable e = submitAgainst(503, "UNAVAILABLE", "The service is currently unavailable.", "");

        assertThat(e).isInstanceOf(dev.videosdk.JobMayExistException.class).hasCauseInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("The service is currently unavailable.");
        wm.verify(1, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
    }

    @Test
    void htmlErrorPageIsMappedByStatus() {
        wm.stubFor(post(urlPathEqualTo(SUBMIT_PATH)).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").build())))
                .hasCauseInstanceOf(dev.videosdk.JobMayExistException.class).hasRootCauseInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("<html>Bad Gateway</html>");
    }
}
