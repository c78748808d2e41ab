package dev.videosdk.runway.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.runway.RunwayExtras;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Per-model rules of the wire reference (§2, §3) checked before any network call: the base URL is a
 * closed port, so a request that got through validation would fail differently.
 */
class RunwayValidationTest {
    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = RunwayFixture.client(time, Map.of("RUNWAY_API_KEY", RunwayFixture.KEY,
            "RUNWAY_BASE_URL", "http://127.0.0.1:9"));

    @AfterEach
    void close() {
        client.close();
    }

    private static final VideoRequest.Builder TEXT = VideoRequest.text("A lighthouse in a storm");

    private static VideoRequest.Builder image() {
        return VideoRequest.image("The beam sweeps", MediaInput.url("https://img.example.org/frame.jpg"));
    }

    private InvalidRequestException rejected(VideoRequest request) {
        Throwable t = catchThrowable(() -> time.run(client.submit(request)));
        assertThat(t).as("rejected before any call").isNotNull();
        Throwable cause = t.getCause() != null ? t.getCause() : t;
        assertThat(cause).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) cause).httpStatus()).as("no answer: local").isEmpty();
        return (InvalidRequestException) cause;
    }

    private void assertRejected(VideoRequest request, String parameter, String... words) {
        InvalidRequestException e = rejected(request);
        assertThat(e.parameter()).contains(parameter);
        assertThat(e.getMessage()).contains(words);
    }

    private static VideoRequest text(UnaryOperator<VideoRequest.Builder> f) {
        return f.apply(VideoRequest.text("A lighthouse in a storm")).build();
    }

    @Test
    void gen45Text_durationOutsideTwoToTen_namesTheAllowedValues() {
        assertRejected(text(b -> b.durationSeconds(12)), "duration", "12s", "[2s, 3s", "10s]", "gen4.5");
    }

    @Test
    void veo31_durationFive_isNotAllowed() {
        assertRejected(text(b -> b.model("veo3.1").durationSeconds(5)), "duration", "5s", "[4s, 6s, 8s]");
    }

    @Test
    void veo3_onlyEightSeconds() {
        assertRejected(text(b -> b.model("veo3").durationSeconds(4)), "duration", "[8s]");
    }

    @Test
    void fractionalDuration_isRefused() {
        assertRejected(text(b -> b.model("grok_imagine_1_5").duration(Duration.ofMillis(4500))), "duration", "4500ms",
                "whole seconds");
    }

    @Test
    void gen45Text_squareRatio_isNotOffered() {
        assertRejected(text(b -> b.aspectRatio(AspectRatio.SQUARE_1_1)), "aspectRatio", "1:1", "16:9", "9:16");
    }

    @Test
    void gen4Turbo_1080p_isNotOffered() {
        assertRejected(image().model("gen4_turbo").resolution(Resolution.FHD_1080P).build(), "resolution", "1080p", "720p");
    }

    @Test
    void explicitRatio_outsideTheModelsSizes_isRefused() {
        assertRejected(image().model("gen4_turbo").extra(RunwayExtras.RATIO, "1920:1080").build(), "ratio",
                "1920:1080", "1280:720", "1584:672");
    }

    @Test
    void gen4TurboText_needsAnImage() {
        assertRejected(text(b -> b.model("gen4_turbo")), "model", "needs a start image");
    }

    @Test
    void retiredGen3aTurbo_isRefusedWithAReplacement() {
        assertRejected(image().model("gen3a_turbo").build(), "model", "retired", "gen4_turbo");
    }

    @Test
    void lastFrame_onAFirstFrameOnlyModel_isRefused() {
        assertRejected(image().model("gen4_turbo").lastFrame(MediaInput.url("https://img.example.org/end.jpg")).build(),
                "lastFrame", "first frame only", "veo3.1");
    }

    @Test
    void negativePrompt_onlyForVeo() {
        assertRejected(text(b -> b.negativePrompt("blur")), "negativePrompt", "only the Veo models");
    }

    @Test
    void promptLongerThanThousandUtf16Units_onGenModels() {
        assertRejected(text(b -> b.prompt("a".repeat(1001))), "prompt", "1000", "1001");
        assertThatCode(() -> RunwayRequests.validate(VideoRequest.text("a".repeat(3500)).model("seedance2").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void referenceImages_overTheModelsLimit() {
        VideoRequest.Builder b = TEXT.build().toBuilder().model("gen4_aleph")
                .referenceVideo(MediaInput.url("https://media.example.org/a.mp4"));
        b.referenceImage(MediaInput.url("https://img.example.org/1.png")).referenceImage(MediaInput.url("https://img.example.org/2.png"));
        assertRejected(b.build(), "referenceImages", "at most 1");
    }

    @Test
    void seedanceImage_keyframesAndReferencesAreNotMixed() {
        assertRejected(image().model("seedance2").referenceImage(MediaInput.url("https://img.example.org/r.png")).build(),
                "referenceImages", "at most 0");
    }

    @Test
    void aspectRatio_onAModelWithoutATable_asksForTheExplicitRatio() {
        assertRejected(text(b -> b.model("seedance2").aspectRatio(AspectRatio.LANDSCAPE_16_9)), "aspectRatio",
                "extra \"ratio\"");
    }

    @Test
    void aleph2_outpaintingTarget_mustBeOneOfItsRatios() {
        assertRejected(VideoRequest.text("wider").referenceVideo(MediaInput.url("https://media.example.org/a.mp4"))
                .aspectRatio(new AspectRatio(5, 4)).build(), "aspectRatio", "5:4", "targetAspectRatio");
    }

    @Test
    void videoToVideo_takesNoStartFrame() {
        assertRejected(image().referenceVideo(MediaInput.url("https://media.example.org/a.mp4")).build(), "images",
                "video_to_video");
    }

    @Test
    void callbackUrl_isRefusedBecauseRunwayHasNoWebhooks() {
        assertRejected(text(b -> b.callbackUrl(URI.create("https://example.org/hook"))), "callbackUrl", "no callbacks");
    }

    /** The seed range is unconfirmed: Runway documents none; ComfyUI's Runway node allows 0-4294967295. */
    @Test
    void seed_outsideUnsigned32Bits() {
        assertRejected(text(b -> b.seed(-1)), "seed", "4294967295");
        assertRejected(text(b -> b.seed(4_294_967_296L)), "seed", "4294967296");
    }

    @Test
    void managedExtras_nameTheSetter() {
        assertRejected(text(b -> b.extra("promptText", "x")), "promptText", "prompt(...)");
        assertRejected(text(b -> b.extra("duration", 5)), "duration", "duration(...)");
    }

    @Test
    void contentModerationAndOutputFormat_areChecked() {
        assertRejected(text(b -> b.extra(RunwayExtras.CONTENT_MODERATION, Map.of("publicFigureThreshold", "high"))),
                "contentModeration", "auto", "low");
        assertRejected(text(b -> b.extra(RunwayExtras.OUTPUT_FORMAT, "gif")), "outputFormat", "gif", "prores");
    }

    /** docs.dev.runwayml.com "Inputs" and "Troubleshooting": https only, a domain not an IP, at most 2048 characters. */
    @Test
    void inputUrls_mustBeHttpsOnADomainAndShort() {
        assertRejected(VideoRequest.image("x", MediaInput.url("http://img.example.org/a.jpg")).build(), "images", "https");
        assertRejected(VideoRequest.image("x", MediaInput.url("https://203.0.113.9/a.jpg")).build(), "images",
                "not an IP address");
        assertRejected(VideoRequest.image("x", MediaInput.url("https://img.example.org/" + "a".repeat(2100))).build(),
                "images", "2048");
        assertRejected(VideoRequest.image("x", MediaInput.url("gs://bucket/a.jpg")).build(), "images", "https");
    }

    @Test
    void referenceVideoBytes_mustBeAVideo() {
        assertRejected(VideoRequest.text("x").referenceVideo(MediaInput.bytes(new byte[] {1}, "image/png")).build(),
                "referenceVideo type", "video/*");
    }

    @Test
    void hailuo3_resolutionGoesThroughTheExtra() {
        assertRejected(text(b -> b.model("hailuo3").resolution(Resolution.HD_720P)), "resolution", "768P");
    }

    @Test
    void validRequests_pass() {
        assertThatCode(() -> {
            RunwayRequests.validate(image().model("veo3.1").lastFrame(MediaInput.url("https://img.example.org/e.jpg"))
                    .negativePrompt("blur").durationSeconds(6).aspectRatio(AspectRatio.PORTRAIT_9_16)
                    .resolution(Resolution.FHD_1080P).build());
            RunwayRequests.validate(VideoRequest.text("x").model("hailuo3").aspectRatio(AspectRatio.CINEMA_21_9).build());
            RunwayRequests.validate(VideoRequest.text("x").model("brand_new_model").extra("anything", 1).build());
        }).doesNotThrowAnyException();
    }
}
