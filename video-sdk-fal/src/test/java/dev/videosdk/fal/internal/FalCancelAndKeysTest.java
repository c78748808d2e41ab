package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.NotFoundException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.videosdk.fal.internal.FalFixture.KEY;
import static dev.videosdk.fal.internal.FalFixture.KEY_2;
import static dev.videosdk.fal.internal.FalFixture.REQUEST_ID;
import static dev.videosdk.fal.internal.FalFixture.completed;
import static dev.videosdk.fal.internal.FalFixture.json;
import static dev.videosdk.fal.internal.FalFixture.output;
import static dev.videosdk.fal.internal.FalFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT …/cancel} on the cancel URL of the submit answer, and key pools. fal.md §2.4 marks the
 * HTTP codes unconfirmed; looked up 2026-11-30: fal's own page (fal.ai/docs/inference-api/queue/cancel)
 * lists the body words OK, CANCELLATION_REQUESTED, ALREADY_COMPLETED, NOT_FOUND and says to use the
 * returned cancel_url, but no codes; a third-party connector reports 202 for CANCELLATION_REQUESTED.
 * So the body's word decides, whatever the status: the tests answer ALREADY_COMPLETED with 200 and 400.
 * Key pools: a job's status, result and cancel calls stay on the key that created it.
 */
class FalCancelAndKeysTest {
    @RegisterExtension
    static WireMockExtension wm = FalFixture.wireMock();

    static final String MODEL = "fal-ai/veo3.1";
    static final String REQUESTS = "/fal-ai/veo3.1/requests/" + REQUEST_ID;
    static final String SECOND_ID = "0d4f5e9c-1111-4222-8333-444455556666";

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = FalFixture.client(time,
            FalFixture.with(FalFixture.env(wm), "FAL_KEY", KEY + ", " + KEY_2), "fal");

    @org.junit.jupiter.api.BeforeEach
    void forgetServed() {
        FalFixture.SERVED.clear();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private VideoJob submit() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/veo3.1", REQUEST_ID))));
        return FalFixture.submit(time, client, VideoRequest.text("x").model(MODEL).build());
    }

    @Test
    void cancel_cancellationRequested_sendsPutToTheCancelUrlWithTheJobsKey() {
        VideoJob job = submit();
        wm.stubFor(put(urlEqualTo(REQUESTS + "/cancel")).willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));

        FalFixture.run(time, client.cancel(job));

        wm.verify(1, putRequestedFor(urlEqualTo(REQUESTS + "/cancel")).withHeader("Authorization", equalTo("Key " + KEY)));
    }

    @Test
    void cancel_alreadyCompleted_completesNormallyWhateverTheHttpStatus() {
        VideoJob job = submit();
        wm.stubFor(put(urlEqualTo(REQUESTS + "/cancel")).willReturn(json(400, "{\"status\":\"ALREADY_COMPLETED\"}")));

        CompletableFuture<Void> done = client.cancel(job);
        FalFixture.run(time, done);

        assertThat(done).isCompleted();
        wm.verify(1, putRequestedFor(urlEqualTo(REQUESTS + "/cancel")));
    }

    @Test
    void cancel_alreadyCompletedWith200_completesNormally() {
        VideoJob job = submit();
        wm.stubFor(put(urlEqualTo(REQUESTS + "/cancel")).willReturn(json(200, "{\"status\":\"ALREADY_COMPLETED\"}")));

        FalFixture.run(time, client.cancel(job));

        wm.verify(1, putRequestedFor(urlEqualTo(REQUESTS + "/cancel")));
    }

    @Test
    void cancel_notFound_failsWithNotFound() {
        VideoJob job = submit();
        wm.stubFor(put(urlEqualTo(REQUESTS + "/cancel")).willReturn(json(404, "{\"status\":\"NOT_FOUND\"}")));

        assertThat(FalFixture.failure(time, client.cancel(job))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void generateCancelled_whileWaiting_sendsTheRemoteCancel() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/veo3.1", REQUEST_ID))));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(202, FalFixture.inQueue(5))));
        wm.stubFor(put(urlEqualTo(REQUESTS + "/cancel")).willReturn(json(200, "{\"status\":\"OK\"}")));
        VideoJob job = submit();
        var waiting = client.await(job);
        time.advance(java.time.Duration.ofSeconds(6));

        waiting.cancel(true);
        FalFixture.run(time, FalFixture.SERVED.when("PUT", REQUESTS + "/cancel"));

        wm.verify(1, putRequestedFor(urlEqualTo(REQUESTS + "/cancel")).withHeader("Authorization", equalTo("Key " + KEY)));

        assertThat(waiting).isCancelled();
    }

    @Test
    void keyPool_jobsAlternateKeysAndEachJobStaysOnItsKey() {
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("two").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/veo3.1", REQUEST_ID))).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/" + MODEL)).inScenario("two").whenScenarioStateIs("second")
                .willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/veo3.1", SECOND_ID))));
        String second = "/fal-ai/veo3.1/requests/" + SECOND_ID;
        for (String base : new String[] {REQUESTS, second}) {
            wm.stubFor(get(urlEqualTo(base + "/status?logs=1")).willReturn(json(200, completed())));
            wm.stubFor(get(urlEqualTo(base)).willReturn(json(200, output())));
        }

        VideoJob first = FalFixture.submit(time, client, VideoRequest.text("a").model(MODEL).build());
        VideoJob other = FalFixture.submit(time, client, VideoRequest.text("b").model(MODEL).build());
        FalFixture.run(time, client.await(other));
        FalFixture.run(time, client.await(first));

        assertThat(ProviderData.keyId(first)).isEqualTo("fal#1");
        assertThat(ProviderData.keyId(other)).isEqualTo("fal#2");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/" + MODEL)).withHeader("Authorization", equalTo("Key " + KEY)));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/" + MODEL)).withHeader("Authorization", equalTo("Key " + KEY_2)));
        wm.verify(1, getRequestedFor(urlEqualTo(second + "/status?logs=1")).withHeader("Authorization", equalTo("Key " + KEY_2)));
        wm.verify(1, getRequestedFor(urlEqualTo(second)).withHeader("Authorization", equalTo("Key " + KEY_2)));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS + "/status?logs=1")).withHeader("Authorization", equalTo("Key " + KEY)));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)).withHeader("Authorization", equalTo("Key " + KEY)));
    }
}
