package dev.videosdk.runway.internal;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.runway.Runway;
import dev.videosdk.runway.RunwayOrganization;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.ProviderData;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.videosdk.runway.internal.RunwayFixture.KEY;
import static dev.videosdk.runway.internal.RunwayFixture.KEY_2;
import static dev.videosdk.runway.internal.RunwayFixture.T2V;
import static dev.videosdk.runway.internal.RunwayFixture.accepted;
import static dev.videosdk.runway.internal.RunwayFixture.json;
import static dev.videosdk.runway.internal.RunwayFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key pools (status, cancel and download stay on the task's key), configuration, and the organization call. */
class RunwayKeysAndConfigTest extends RunwayWireMockTest {
    private static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'i', 's', 'o', '2', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};

    @Test
    void keyPool_statusCancelAndDownloadStayOnTheKeyThatCreatedTheTask() {
        VideoClient pooled = RunwayFixture.client(time, RunwayFixture.with(RunwayFixture.env(wm), "RUNWAY_API_KEY",
                KEY + "," + KEY_2));
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("ids").whenScenarioStateIs(STARTED).willSetStateTo("second")
                .willReturn(json(200, accepted("task-a"))));
        wm.stubFor(post(urlEqualTo(T2V)).inScenario("ids").whenScenarioStateIs("second")
                .willReturn(json(200, accepted("task-b"))));
        wm.stubFor(get(urlEqualTo("/v1/tasks/task-a")).willReturn(json(200,
                succeeded(wm.baseUrl() + "/cdn/a.mp4").replace(RunwayFixture.TASK_ID, "task-a"))));
        wm.stubFor(delete(urlEqualTo("/v1/tasks/task-a")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlEqualTo("/cdn/a.mp4")).willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                .withBody(MP4)));

        try (pooled) {
            VideoJob a = run(pooled.submit(VideoRequest.text("first").build()));
            VideoJob b = run(pooled.submit(VideoRequest.text("second").build()));
            assertThat(ProviderData.keyId(a)).isEqualTo("runway#1");
            assertThat(ProviderData.keyId(b)).isEqualTo("runway#2");
            wm.verify(postRequestedFor(urlEqualTo(T2V)).withHeader("Authorization", equalTo("Bearer " + KEY_2)));

            VideoJob resumed = VideoJob.fromToken(a.toToken());
            JobStatus status = run(pooled.status(resumed));
            run(pooled.status(resumed));
            run(pooled.cancel(resumed));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run(pooled.download(status.assets().get(0), out));

            wm.verify(2, getRequestedFor(urlEqualTo("/v1/tasks/task-a")).withHeader("Authorization", equalTo("Bearer " + KEY)));
            wm.verify(0, getRequestedFor(urlEqualTo("/v1/tasks/task-a")).withHeader("Authorization", equalTo("Bearer " + KEY_2)));
            wm.verify(deleteRequestedFor(urlEqualTo("/v1/tasks/task-a")).withHeader("Authorization", equalTo("Bearer " + KEY)));
            assertThat(ProviderData.keyId(status.assets().get(0))).isEqualTo("runway#1");
            // outputs are signed URLs: no Runway key goes with the download, whichever host serves it
            assertThat(wm.findAll(getRequestedFor(urlEqualTo("/cdn/a.mp4")))).singleElement()
                    .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
            assertThat(out.toByteArray()).isEqualTo(MP4);
        }
    }

    @Test
    void factory_readsRunwaySdkNamesAsAliases() {
        VideoClient sdkNames = RunwayFixture.client(time, Map.of("RUNWAYML_API_SECRET", KEY_2,
                "RUNWAYML_BASE_URL", wm.baseUrl() + "/", "RUNWAY_API_VERSION", "2025-01-01"));
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, accepted("t-1"))));

        try (sdkNames) {
            run(sdkNames.submit(VideoRequest.text("x").build()));
        }

        wm.verify(postRequestedFor(urlEqualTo(T2V)).withHeader("Authorization", equalTo("Bearer " + KEY_2))
                .withHeader("X-Runway-Version", equalTo("2025-01-01")));
    }

    @Test
    void factory_withoutKey_namesBothVariables() {
        assertThatThrownBy(() -> new RunwayProviderFactory().create(new ProviderConfig("runway", Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("RUNWAY_API_KEY").hasMessageContaining("RUNWAYML_API_SECRET");
    }

    @Test
    void factory_badVersionOrBaseUrl_failsWithTheVariableName() {
        assertThatThrownBy(() -> new RunwayProviderFactory().create(new ProviderConfig("runway",
                Map.of("RUNWAY_API_KEY", KEY, "RUNWAY_API_VERSION", "latest"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RUNWAY_API_VERSION");
        assertThatThrownBy(() -> new RunwayProviderFactory().create(new ProviderConfig("runway",
                Map.of("RUNWAY_API_KEY", KEY, "RUNWAY_BASE_URL", "api.dev.runwayml.com"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RUNWAY_BASE_URL");
    }

    @Test
    void provider_toStringShowsNoKeyAndDefaultsToRunwaysHost() {
        var provider = new RunwayProviderFactory().create(new ProviderConfig("runway", Map.of("RUNWAY_API_KEY", KEY)));

        assertThat(provider.toString()).contains("https://api.dev.runwayml.com", "2024-11-06").doesNotContain(KEY);
        assertThat(Runway.provider(java.util.List.of(KEY)).toString()).doesNotContain(KEY);
    }

    @Test
    void organization_readsBalanceTierLimitsAndUsage() {
        wm.stubFor(get(urlEqualTo("/v1/organization")).willReturn(json(200, """
                {"creditBalance":1234.5,"tier":{"maxMonthlyCreditSpend":10000,
                  "models":{"gen4.5":{"maxConcurrentGenerations":2,"maxDailyGenerations":200}}},
                 "usage":{"models":{"gen4.5":{"dailyGenerations":17}}}}""")));

        RunwayOrganization org = Runway.organization(HttpClient.newHttpClient(), URI.create(wm.baseUrl()), KEY).join();

        assertThat(org.creditBalance()).isEqualTo(1234.5);
        assertThat(org.maxMonthlyCreditSpend()).isEqualTo(10000L);
        assertThat(org.limits()).containsEntry("gen4.5", new RunwayOrganization.ModelLimits(2, 200));
        assertThat(org.dailyGenerations()).containsEntry("gen4.5", 17);
        wm.verify(getRequestedFor(urlEqualTo("/v1/organization")).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06")));
    }

    @Test
    void organization_401_isTypedAndCarriesNoKey() {
        wm.stubFor(get(urlEqualTo("/v1/organization")).willReturn(json(401, "{\"error\":\"Unauthorized\"}")));

        assertThatThrownBy(() -> Runway.organization(HttpClient.newHttpClient(), URI.create(wm.baseUrl()), KEY).join())
                .cause().isInstanceOf(AuthenticationException.class).hasMessageNotContaining(KEY);
    }

    @Test
    void credits_ofAResultJobAndOfOtherProvidersJobs() {
        wm.stubFor(post(urlEqualTo(T2V)).willReturn(json(200, "{\"id\":\"t-9\"}")));
        wm.stubFor(get(urlEqualTo("/v1/tasks/t-9")).willReturn(json(200,
                succeeded("https://cdn.example.test/v.mp4").replace(RunwayFixture.TASK_ID, "t-9"))));

        VideoResult result = run(client.generate(VideoRequest.text("x").build()));

        assertThat(Runway.estimatedCredits(result.job())).as("an answer without estimatedCost (before 2026)").isEmpty();
        assertThat(Runway.estimatedCredits(VideoJob.of("kling", "1", null, java.time.Instant.EPOCH))).isEmpty();
    }
}
