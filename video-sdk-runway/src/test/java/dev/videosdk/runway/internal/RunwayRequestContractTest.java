package dev.videosdk.runway.internal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.AspectRatio;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.runway.Runway;
import dev.videosdk.runway.RunwayExtras;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.videosdk.runway.internal.RunwayFixture.I2V;
import static dev.videosdk.runway.internal.RunwayFixture.KEY;
import static dev.videosdk.runway.internal.RunwayFixture.T2V;
import static dev.videosdk.runway.internal.RunwayFixture.TASK;
import static dev.videosdk.runway.internal.RunwayFixture.TASK_ID;
import static dev.videosdk.runway.internal.RunwayFixture.V2V;
import static dev.videosdk.runway.internal.RunwayFixture.accepted;
import static dev.videosdk.runway.internal.RunwayFixture.body;
import static dev.videosdk.runway.internal.RunwayFixture.json;
import static dev.videosdk.runway.internal.RunwayFixture.posts;
import static dev.videosdk.runway.internal.RunwayFixture.succeeded;
import static dev.videosdk.runway.internal.RunwayFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact create request of every endpoint and model family in {@code shared/providers/runway.md} §2,
 * with the headers every call carries (§1), and the job the answer becomes.
 */
class RunwayRequestContractTest extends RunwayWireMockTest {
    static final String VIDEO_URL = "https://cdn.example-runway-output.test/out/video.mp4?sig=abc";

    private void stubDone(String path) {
        wm.stubFor(post(urlEqualTo(path)).willReturn(json(200, accepted(TASK_ID))));
        wm.stubFor(get(urlEqualTo(TASK)).willReturn(json(200, succeeded(VIDEO_URL))));
    }

    private static LoggedRequest onlyCreate(String path) {
        List<LoggedRequest> creates = posts(wm, path);
        assertThat(creates).hasSize(1);
        return creates.get(0);
    }

    @Test
    void generate_textDefaults_sendsGen45WithRatioDurationAndVersionHeaderThenPollsTask() {
        stubDone(T2V);

        VideoResult result = run(client.generate(VideoRequest.text("A koi pond at dawn").build()));

        LoggedRequest create = onlyCreate(T2V);
        assertThat(body(create)).isEqualTo(tree("""
                {"model":"gen4.5","promptText":"A koi pond at dawn","ratio":"1280:720","duration":5}"""));
        wm.verify(postRequestedFor(urlEqualTo(T2V))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json")));
        wm.verify(getRequestedFor(urlEqualTo(TASK))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Runway-Version", equalTo("2024-11-06")));
        assertThat(result.job().id()).isEqualTo(TASK_ID);
        assertThat(result.job().model()).isEqualTo("gen4.5");
        assertThat(ProviderData.keyId(result.job())).isEqualTo("runway#1");
        assertThat(ProviderData.attributes(result.job())).containsEntry("endpoint", "text_to_video")
                .containsEntry("estimatedCredits", "25");
        assertThat(Runway.estimatedCredits(result.job())).hasValue(25.0);
        // runway.md §4.2: estimatedCost.credits of the create answer is the job's estimate (it wins over the
        // price table's), cost.credits of the finished task its actual cost; 1 credit = 0.01 USD from the table
        assertThat(result.estimatedCost()).contains(dev.videosdk.Cost.of(new java.math.BigDecimal("25"), "runway-credits"));
        assertThat(result.actualCost()).isEqualTo(dev.videosdk.Cost.of(new java.math.BigDecimal("25"), "runway-credits",
                new java.math.BigDecimal("0.01")));
        assertThat(result.actualCost().toUsd()).contains(new java.math.BigDecimal("0.25"));
        VideoAsset video = result.video();
        assertThat(video.uri()).isEqualTo(URI.create(VIDEO_URL));
        assertThat(video.mimeType()).isEqualTo("video/mp4");
        assertThat(video.provider()).isEqualTo("runway");
        // "output URLs expire within 24-48 hours": the SDK assumes 24 h from the status read
        assertThat(video.expiresAt()).isEqualTo(result.completedAt().plus(Duration.ofHours(24)));
    }

    @Test
    void generate_veo31Text_mapsVerticalFullHdNegativePromptAndAudio() {
        stubDone(T2V);

        run(client.generate(VideoRequest.text("Rain on a tin roof").model("veo3.1")
                .aspectRatio(AspectRatio.PORTRAIT_9_16).resolution(Resolution.FHD_1080P).durationSeconds(6)
                .negativePrompt("music").extra(RunwayExtras.AUDIO, true).build()));

        assertThat(body(onlyCreate(T2V))).isEqualTo(tree("""
                {"model":"veo3.1","promptText":"Rain on a tin roof","ratio":"1080:1920","duration":6,
                 "negativePrompt":"music","audio":true}"""));
    }

    @Test
    void generate_veo3Text_sendsTheOnlyDurationEightWhenNoneGiven() {
        stubDone(T2V);

        run(client.generate(VideoRequest.text("A desert road").model("veo3").build()));

        assertThat(body(onlyCreate(T2V))).isEqualTo(tree("""
                {"model":"veo3","promptText":"A desert road","ratio":"1280:720","duration":8}"""));
    }

    @Test
    void generate_hailuo3Text_sendsAspectRatioWordAndReferences() {
        stubDone(T2V);

        run(client.generate(VideoRequest.text("A paper boat").model("hailuo3")
                .aspectRatio(AspectRatio.SQUARE_1_1)
                .referenceImage(MediaInput.url("https://img.example.org/boat.png"))
                .extra(RunwayExtras.RESOLUTION, "768P").build()));

        assertThat(body(onlyCreate(T2V))).isEqualTo(tree("""
                {"model":"hailuo3","promptText":"A paper boat","references":[{"type":"image","uri":"https://img.example.org/boat.png"}],
                 "ratio":"1:1","resolution":"768P"}"""));
    }

    @Test
    void generate_unknownNewModel_isSentAsAskedWithExplicitRatio() {
        stubDone(T2V);

        run(client.generate(VideoRequest.text("A comet").model("grok_imagine_1_5").durationSeconds(12)
                .extra(RunwayExtras.RATIO, "1920:1080").build()));

        assertThat(body(onlyCreate(T2V))).isEqualTo(tree("""
                {"model":"grok_imagine_1_5","promptText":"A comet","ratio":"1920:1080","duration":12}"""));
    }

    @Test
    void generate_gen4TurboImageUrl_sendsFirstFramePixelRatioSeedAndModeration() {
        stubDone(I2V);

        VideoResult result = run(client.generate(VideoRequest.image(
                        "Waves roll in, the lighthouse beam sweeps through drifting fog",
                        MediaInput.url("https://cdn.example.com/frames/lighthouse.jpg"))
                .model("gen4_turbo").aspectRatio(AspectRatio.LANDSCAPE_4_3).durationSeconds(5).seed(42)
                .extra(RunwayExtras.CONTENT_MODERATION, Map.of("publicFigureThreshold", "auto")).build()));

        assertThat(body(onlyCreate(I2V))).isEqualTo(tree("""
                {"model":"gen4_turbo","promptText":"Waves roll in, the lighthouse beam sweeps through drifting fog",
                 "promptImage":[{"uri":"https://cdn.example.com/frames/lighthouse.jpg","position":"first"}],
                 "ratio":"1104:832","duration":5,"seed":42,"contentModeration":{"publicFigureThreshold":"auto"}}"""));
        assertThat(ProviderData.attribute(result.job(), "endpoint")).contains("image_to_video");
    }

    @Test
    void generate_gen45Image_requiresDurationSoTheSdkSendsFive() {
        stubDone(I2V);

        run(client.generate(VideoRequest.image("The cat dances", MediaInput.url("https://img.example.org/cat.png"))
                .aspectRatio(AspectRatio.CINEMA_21_9).build()));

        assertThat(body(onlyCreate(I2V))).isEqualTo(tree("""
                {"model":"gen4.5","promptText":"The cat dances",
                 "promptImage":[{"uri":"https://img.example.org/cat.png","position":"first"}],
                 "ratio":"1584:672","duration":5}"""));
    }

    @Test
    void generate_veo31FirstAndLastFrame_sendsBothPositions() {
        stubDone(I2V);

        run(client.generate(VideoRequest.image("The flower opens", MediaInput.url("https://img.example.org/bud.jpg"))
                .lastFrame(MediaInput.url("https://img.example.org/bloom.jpg"))
                .model("veo3.1_fast").durationSeconds(8).build()));

        assertThat(body(onlyCreate(I2V))).isEqualTo(tree("""
                {"model":"veo3.1_fast","promptText":"The flower opens",
                 "promptImage":[{"uri":"https://img.example.org/bud.jpg","position":"first"},
                                {"uri":"https://img.example.org/bloom.jpg","position":"last"}],
                 "ratio":"1280:720","duration":8}"""));
    }

    @Test
    void generate_happyhorseImage_sendsResolutionWordAndNoRatio() {
        stubDone(I2V);

        run(client.generate(VideoRequest.image("A horse trots", MediaInput.url("https://img.example.org/horse.jpg"))
                .model("happyhorse_1_0").resolution(Resolution.FHD_1080P).build()));

        assertThat(body(onlyCreate(I2V))).isEqualTo(tree("""
                {"model":"happyhorse_1_0","promptText":"A horse trots",
                 "promptImage":[{"uri":"https://img.example.org/horse.jpg","position":"first"}],"resolution":"1080P"}"""));
    }

    @Test
    void generate_explicitRatioExtra_winsOverAspectRatio() {
        stubDone(I2V);

        run(client.generate(VideoRequest.image("Pan left", MediaInput.url("https://img.example.org/a.jpg"))
                .model("gen4_turbo").aspectRatio(AspectRatio.LANDSCAPE_16_9).extra(RunwayExtras.RATIO, "960:960").build()));

        assertThat(body(onlyCreate(I2V)).path("ratio").asText()).isEqualTo("960:960");
    }

    @Test
    void generate_aleph2Video_sendsVideoUriTargetAspectRatioAndKeyframes() {
        stubDone(V2V);

        VideoResult result = run(client.generate(VideoRequest.text("Make it snow")
                .referenceVideo(MediaInput.url("https://media.example.org/street.mp4"))
                .aspectRatio(AspectRatio.PORTRAIT_9_16).seed(7)
                .extra(RunwayExtras.KEYFRAMES, List.of(Map.of("uri", "https://img.example.org/k1.png", "at", 0.5)))
                .build()));

        assertThat(body(onlyCreate(V2V))).isEqualTo(tree("""
                {"model":"aleph2","promptText":"Make it snow","videoUri":"https://media.example.org/street.mp4",
                 "targetAspectRatio":"9:16","seed":7,"keyframes":[{"uri":"https://img.example.org/k1.png","at":0.5}]}"""));
        assertThat(ProviderData.attribute(result.job(), "endpoint")).contains("video_to_video");
    }

    @Test
    void generate_gen4AlephVideo_sendsOneImageReference() {
        stubDone(V2V);

        run(client.generate(VideoRequest.text("Restyle as watercolour").model("gen4_aleph")
                .referenceVideo(MediaInput.url("https://media.example.org/clip.mp4"))
                .referenceImage(MediaInput.url("https://img.example.org/style.png")).build()));

        assertThat(body(onlyCreate(V2V))).isEqualTo(tree("""
                {"model":"gen4_aleph","promptText":"Restyle as watercolour","videoUri":"https://media.example.org/clip.mp4",
                 "references":[{"type":"image","uri":"https://img.example.org/style.png"}]}"""));
    }

    @Test
    void generate_seedanceVideo_sendsPromptVideoNotVideoUri() {
        stubDone(V2V);

        run(client.generate(VideoRequest.text("Extend the scene").model("seedance2")
                .referenceVideo(MediaInput.url("https://media.example.org/clip.mp4")).durationSeconds(10)
                .extra(RunwayExtras.RATIO, "1280:720").build()));

        assertThat(body(onlyCreate(V2V))).isEqualTo(tree("""
                {"model":"seedance2","promptText":"Extend the scene","promptVideo":"https://media.example.org/clip.mp4",
                 "ratio":"1280:720","duration":10}"""));
    }

    @Test
    void generate_nonMp4OutputFormat_isRecordedAndTheAssetIsNotCalledMp4() {
        stubDone(T2V);

        VideoResult result = run(client.generate(VideoRequest.text("A glacier").durationSeconds(4)
                .extra(RunwayExtras.OUTPUT_FORMAT, "prores").build()));

        assertThat(body(onlyCreate(T2V)).path("outputFormat").asText()).isEqualTo("prores");
        assertThat(ProviderData.attribute(result.job(), "outputFormat")).contains("prores");
        assertThat(result.video().mimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void generate_dataUriImage_passesThroughWithoutUpload() {
        stubDone(I2V);
        String dataUri = "data:image/png;base64,iVBORw0KGgo=";

        run(client.generate(VideoRequest.image("Blink", MediaInput.url(dataUri)).model("gen4_turbo").build()));

        assertThat(body(onlyCreate(I2V)).path("promptImage").get(0).path("uri").asText()).isEqualTo(dataUri);
        assertThat(posts(wm, "/v1/uploads")).isEmpty();
    }
}
