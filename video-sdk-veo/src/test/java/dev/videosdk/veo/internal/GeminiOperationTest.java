package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.veo.internal.VeoWireMock.KEY;
import static dev.videosdk.veo.internal.VeoWireMock.OPERATION;
import static dev.videosdk.veo.internal.VeoWireMock.POLL_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operation polling through every documented end state, per shared/providers/veo.md §2.3. */
class GeminiOperationTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @BeforeEach
    void setUp() {
        client = VeoWireMock.gemini(wm, time, Map.of());
        VeoWireMock.acceptSubmit(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private CompletableFuture<VideoResult> generate() {
        return client.generate(VideoRequest.text("A calico cat playing piano").build());
    }

    @Test
    void runningThenDonePollsEveryTenSecondsWithTheKeyAndReturnsEverySample() {
        String first = wm.baseUrl() + "/v1beta/files/f1:download?alt=media";
        String second = wm.baseUrl() + "/v1beta/files/f2:download?alt=media";
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).inScenario("op").whenScenarioStateIs(STARTED)
                .willReturn(VeoWireMock.json("{\"name\":\"" + OPERATION + "\",\"metadata\":{}}")).willSetStateTo("running"));
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).inScenario("op").whenScenarioStateIs("running")
                .willReturn(VeoWireMock.json("{\"name\":\"" + OPERATION + "\",\"done\":false}")).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).inScenario("op").whenScenarioStateIs("done")
                .willReturn(VeoWireMock.json(VeoWireMock.success(first, second))));

        VideoResult result = time.run(generate());

        assertThat(result.assets()).hasSize(2);
        assertThat(result.assets().get(0).uri()).hasToString(first);
        assertThat(result.assets().get(1).uri()).hasToString(second);
        assertThat(result.video().mimeType()).isEqualTo("video/mp4");
        assertThat(ProviderData.keyId(result.video())).isEqualTo("veo#1");
        assertThat(result.video().expiresAt()).isEqualTo(time.now().plus(Duration.ofDays(2)));
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(30));
        wm.verify(3, getRequestedFor(urlPathEqualTo(POLL_PATH)).withHeader("x-goog-api-key", equalTo(KEY)));
    }

    @Test
    void defaultPollingIsTenSecondsForFifteenMinutes() {
        GeminiVeoProvider provider = (GeminiVeoProvider) new GeminiVeoProviderFactory()
                .create(new dev.videosdk.spi.ProviderConfig("veo", Map.of("GEMINI_API_KEY", KEY)));

        assertThat(provider.defaultPolling().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(provider.defaultPolling().initialDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(provider.defaultPolling().timeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void doneWithErrorFailsWithTheMappedException() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"error\":{\"code\":13,"
                + "\"message\":\"Internal error while generating\"}}");

        assertThatThrownBy(() -> time.run(generate()))
                .hasCauseInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("Internal error while generating (code 13 INTERNAL)")
                .satisfies(e -> assertThat(((GenerationFailedException) e.getCause()).isRetryable()).isTrue());
    }

    @Test
    void doneWithInvalidArgumentFailsAsInvalidRequestNamingTheParameter() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"error\":{\"code\":3,"
                + "\"message\":\"allow_adult for personGeneration is currently not supported.\"}}");

        assertThatThrownBy(() -> time.run(generate()))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e.getCause()).parameter()).hasValue("personGeneration"));
    }

    @Test
    void doneWithFilteredVideosIsAContentPolicyFailureWithTheReasons() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"The video contains a celebrity likeness.\"]}}}");

        assertThatThrownBy(() -> time.run(generate()))
                .hasCauseInstanceOf(ContentPolicyException.class)
                .hasMessageContaining("finished without a video (1 filtered by Google's safety filters)")
                .satisfies(e -> assertThat(((ContentPolicyException) e.getCause()).reasons())
                        .containsExactly("The video contains a celebrity likeness."));
    }

    @Test
    void doneWithNoSamplesIsNeverASuccess() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":{}}}");

        assertThatThrownBy(() -> time.run(generate()))
                .hasCauseInstanceOf(ContentPolicyException.class)
                .hasMessageContaining("Google returned no video and no reason");
    }

    @Test
    void doneWithSamplesWithoutUriIsAProtocolFailure() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"generatedSamples\":[{\"video\":{}}]}}}");

        assertThatThrownBy(() -> time.run(generate()))
                .hasCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("no video URI or bytes");
    }

    @Test
    void aStoredJobResumesFromItsToken() {
        VeoWireMock.finishWith(wm, VeoWireMock.success(wm.baseUrl() + "/v1beta/files/f1:download?alt=media"));
        VideoJob job = time.run(client.submit(VideoRequest.text("x").build()));

        VideoResult result = time.run(client.await(VideoJob.fromToken(job.toToken())));

        assertThat(result.job().id()).isEqualTo(OPERATION);
        assertThat(result.assets()).hasSize(1);
    }

    @Test
    void statusOfARunningJobIsRunningWithoutPercent() {
        VeoWireMock.finishWith(wm, "{\"name\":\"" + OPERATION + "\"}");
        VideoJob job = time.run(client.submit(VideoRequest.text("x").build()));

        JobStatus status = time.run(client.status(job));

        assertThat(status.state()).isEqualTo(JobState.RUNNING);
        assertThat(status.progress()).isNull();
    }

    @Test
    void aTamperedJobIdIsRejectedWithoutACall() {
        VideoJob forged = VideoJob.of("veo", "../../v1/secrets?x=1", null, time.now());

        assertThatThrownBy(() -> time.run(client.status(forged)))
                .hasCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("job id must be an operation name");
        wm.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
