package dev.videosdk.fal.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.fal.FalExtras;
import dev.videosdk.fal.PikaModels;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProviderFactory;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.videosdk.fal.internal.FalFixture.KEY;
import static dev.videosdk.fal.internal.FalFixture.REQUEST_ID;
import static dev.videosdk.fal.internal.FalFixture.VIDEO_URL;
import static dev.videosdk.fal.internal.FalFixture.completed;
import static dev.videosdk.fal.internal.FalFixture.json;
import static dev.videosdk.fal.internal.FalFixture.output;
import static dev.videosdk.fal.internal.FalFixture.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider {@code pika}: Pika's endpoints on fal (fal.md §6), checked before any call, on the same queue. */
class PikaContractTest {
    @RegisterExtension
    static WireMockExtension wm = FalFixture.wireMock();

    static final String PIKA_KEY = "pika-seed-key-0001";
    static final String REQUESTS = "/fal-ai/pika/requests/" + REQUEST_ID;

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = FalFixture.client(time,
            FalFixture.with(FalFixture.env(wm), "PIKA_API_KEY", PIKA_KEY), "pika");

    @org.junit.jupiter.api.BeforeEach
    void forgetServed() {
        FalFixture.SERVED.clear();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void stubDone(String model) {
        wm.stubFor(post(urlPathEqualTo("/" + model)).willReturn(json(200, submitted(wm.baseUrl(), "fal-ai/pika", REQUEST_ID))));
        wm.stubFor(get(urlEqualTo(REQUESTS + "/status?logs=1")).willReturn(json(200, completed())));
        wm.stubFor(get(urlEqualTo(REQUESTS)).willReturn(json(200, output())));
    }

    @Test
    void submit_withCallbackUrl_fetchesWebhookKeysOnlyFromTheConfiguredJwksUrlWithoutCredentials() {
        stubDone(PikaModels.TEXT_TO_VIDEO);
        wm.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(json(200, "{\"keys\":[]}")));

        FalFixture.submit(time, client, VideoRequest.text("x").callbackUrl(URI.create("https://app.example/hook")).build());
        FalFixture.run(time, FalFixture.SERVED.when("GET", "/.well-known/jwks.json"));

        wm.verify(getRequestedFor(urlEqualTo("/.well-known/jwks.json"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }

    @Test
    void generate_text_sendsTheDocumentedExampleToTheDefaultModelWithPikaApiKey() {
        stubDone(PikaModels.TEXT_TO_VIDEO);

        VideoResult result = FalFixture.run(time, client.generate(VideoRequest.text("A tiny robot waters a bonsai on a windowsill at dawn")
                .negativePrompt("blurry, text").aspectRatio(AspectRatio.PORTRAIT_9_16).resolution(Resolution.HD_720P)
                .durationSeconds(5).seed(7).callbackUrl(URI.create("https://api.example.com/hooks/fal")).build()));

        // fal.md §6 "Example submit", byte for byte in its fields
        wm.verify(1, postRequestedFor(urlEqualTo("/fal-ai/pika/v2.2/text-to-video?fal_webhook=https%3A%2F%2Fapi.example.com%2Fhooks%2Ffal"))
                .withHeader("Authorization", equalTo("Key " + PIKA_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"prompt":"A tiny robot waters a bonsai on a windowsill at dawn","negative_prompt":"blurry, text",
                         "aspect_ratio":"9:16","resolution":"720p","duration":5,"seed":7}""")));
        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS)).withHeader("Authorization", equalTo("Key " + PIKA_KEY)));
        assertThat(result.job().provider()).isEqualTo("pika");
        assertThat(result.job().model()).isEqualTo(PikaModels.TEXT_TO_VIDEO);
        assertThat(ProviderData.keyId(result.job())).isEqualTo("pika#1");
        assertThat(result.video().uri()).isEqualTo(URI.create(VIDEO_URL));
    }

    @Test
    void generate_image_picksImageToVideoAndSendsImageUrlWithoutAspectRatio() {
        stubDone(PikaModels.IMAGE_TO_VIDEO);

        FalFixture.run(time, client.generate(VideoRequest.image("The cat blinks", MediaInput.url("https://example.com/cat.png"))
                .resolution(Resolution.FHD_1080P).durationSeconds(10).build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/" + PikaModels.IMAGE_TO_VIDEO)).withRequestBody(equalToJson("""
                {"prompt":"The cat blinks","image_url":"https://example.com/cat.png","resolution":"1080p","duration":10}""")));
    }

    @Test
    void generate_referenceImagesOnly_picksScenesWithIngredientsMode() {
        stubDone(PikaModels.SCENES);

        FalFixture.run(time, client.generate(VideoRequest.text("A picnic").referenceImage(MediaInput.url("https://example.com/a.png"))
                .referenceImage(MediaInput.url("https://example.com/b.png")).extra(FalExtras.INGREDIENTS_MODE, "precise")
                .aspectRatio(new AspectRatio(4, 5)).build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/" + PikaModels.SCENES)).withRequestBody(equalToJson("""
                {"prompt":"A picnic","image_urls":["https://example.com/a.png","https://example.com/b.png"],
                 "aspect_ratio":"4:5","ingredients_mode":"precise"}""")));
    }

    @Test
    void generate_pikaffects_sendsTheEffect() {
        stubDone(PikaModels.PIKAFFECTS);

        FalFixture.run(time, client.generate(VideoRequest.image("squish it", MediaInput.url("https://example.com/toy.png"))
                .model(PikaModels.PIKAFFECTS).extra(FalExtras.PIKAFFECT, "Squish").build()));

        wm.verify(postRequestedFor(urlPathEqualTo("/" + PikaModels.PIKAFFECTS)).withRequestBody(equalToJson("""
                {"prompt":"squish it","image_url":"https://example.com/toy.png","pikaffect":"Squish"}""")));
    }

    @Test
    void submit_falKeyAlone_isUsedWhenPikaApiKeyIsAbsent() {
        try (VideoClient falKeyOnly = FalFixture.client(time, FalFixture.env(wm), "pika")) {
            stubDone(PikaModels.TEXT_TO_VIDEO);

            FalFixture.submit(time, falKeyOnly, VideoRequest.text("x").build());

            wm.verify(postRequestedFor(urlPathEqualTo("/" + PikaModels.TEXT_TO_VIDEO)).withHeader("Authorization", equalTo("Key " + KEY)));
        }
    }

    @Test
    void submit_whatPikaCannotServe_failsBeforeAnyCallNamingTheParameter() {
        assertInvalid(VideoRequest.text("x").durationSeconds(7).build(), "duration");
        assertInvalid(VideoRequest.text("x").aspectRatio(AspectRatio.CINEMA_21_9).build(), "aspectRatio");
        assertInvalid(VideoRequest.text("x").resolution(Resolution.SD_480P).build(), "resolution");
        assertInvalid(VideoRequest.text("x").resolution(Resolution.UHD_4K).model(PikaModels.TEXT_TO_VIDEO_2_5).build(), "resolution");
        assertInvalid(VideoRequest.text("x").aspectRatio(AspectRatio.SQUARE_1_1).model(PikaModels.TEXT_TO_VIDEO_2_5).build(), "aspectRatio");
        assertInvalid(VideoRequest.image("x", MediaInput.url("https://example.com/a.png")).aspectRatio(AspectRatio.SQUARE_1_1).build(),
                "aspectRatio");
        assertInvalid(VideoRequest.text("x").model("fal-ai/pika/v9/unknown").build(), "model");
        assertInvalid(VideoRequest.text("x").model(PikaModels.IMAGE_TO_VIDEO).build(), "images");
        assertInvalid(VideoRequest.image("x", MediaInput.url("https://example.com/a.png")).model(PikaModels.TEXT_TO_VIDEO).build(),
                "images");
        assertInvalid(VideoRequest.image("x", MediaInput.url("https://example.com/a.png")).model(PikaModels.PIKAFFECTS).build(),
                FalExtras.PIKAFFECT);
        assertInvalid(VideoRequest.image("x", MediaInput.url("https://example.com/a.png")).model(PikaModels.PIKAFFECTS)
                .extra(FalExtras.PIKAFFECT, "Vaporize").build(), FalExtras.PIKAFFECT);
        assertInvalid(VideoRequest.image("x", MediaInput.url("https://example.com/a.png")).model(PikaModels.PIKAFFECTS)
                .extra(FalExtras.PIKAFFECT, "Melt").durationSeconds(5).build(), "duration");
        assertInvalid(VideoRequest.text("x").model(PikaModels.FRAMES).build(), "images");
        assertThat(FalFixture.all(wm)).isEmpty();
    }

    @Test
    void submit_invalidDuration_messageNamesProviderValueAndAllowedValues() {
        Throwable e = FalFixture.failure(time, client.submit(VideoRequest.text("x").durationSeconds(7).build()));

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining("pika")
                .hasMessageContaining("7").hasMessageContaining("5").hasMessageContaining("10");
    }

    @Test
    void serviceLoader_findsBothFactories() {
        List<String> ids = ServiceLoader.load(VideoProviderFactory.class).stream().map(p -> p.get().id()).toList();

        assertThat(ids).contains("fal", "pika");
    }

    @Test
    void resume_pikaJobFromToken_usesThePikaUrls() {
        stubDone(PikaModels.TEXT_TO_VIDEO);
        VideoJob job = FalFixture.submit(time, client, VideoRequest.text("x").build());

        FalFixture.run(time, client.await(VideoJob.fromToken(job.toToken())));

        wm.verify(1, getRequestedFor(urlEqualTo(REQUESTS + "/status?logs=1")));
    }

    private void assertInvalid(VideoRequest request, String parameter) {
        assertThat(FalFixture.failure(time, client.submit(request))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.parameter()).as(e.getMessage()).contains(parameter));
    }
}
