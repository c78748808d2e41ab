package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.VirtualTime;
import dev.videosdk.veo.VeoExtras;
import dev.videosdk.veo.VeoModels;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented combination rule fails before any network call, naming the parameter. */
class VeoRulesTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private static final MediaInput PNG = MediaInput.bytes(new byte[] {1}, "image/png");
    private static final MediaInput EARLIER = MediaInput.url("https://generativelanguage.googleapis.com/v1beta/files/a:download?alt=media");

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

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(VideoRequest.text("x").referenceImage(PNG).image(PNG), "referenceImages",
                        "reference images cannot be combined with a first frame"),
                Arguments.of(VideoRequest.text("x").referenceImage(PNG).referenceVideo(EARLIER), "referenceImages",
                        "reference images cannot be combined"),
                Arguments.of(VideoRequest.text("x").referenceImage(PNG).durationSeconds(6), "duration",
                        "reference images need a duration of 8 s, but was 6 s"),
                Arguments.of(VideoRequest.text("x").referenceImage(PNG).referenceImage(PNG).referenceImage(PNG).referenceImage(PNG),
                        "referenceImages", "at most 3 reference image(s), but 4 were given"),
                Arguments.of(VideoRequest.text("x").resolution(Resolution.FHD_1080P).durationSeconds(4), "duration",
                        "resolution 1080p needs a duration of 8 s, but was 4 s"),
                Arguments.of(VideoRequest.text("x").resolution(Resolution.UHD_4K).durationSeconds(6), "duration",
                        "resolution 4k needs a duration of 8 s"),
                Arguments.of(VideoRequest.image("x", PNG).referenceVideo(EARLIER), "referenceVideo",
                        "a first frame (image) and a video to extend (referenceVideo) cannot be combined"),
                Arguments.of(VideoRequest.text("x").referenceVideo(EARLIER).resolution(Resolution.FHD_1080P), "resolution",
                        "video extension is only available at 720p"),
                Arguments.of(VideoRequest.text("x").referenceVideo(EARLIER).durationSeconds(4), "duration",
                        "video extension needs a duration of 8 s"),
                Arguments.of(VideoRequest.text("x").referenceVideo(MediaInput.bytes(new byte[] {1}, "video/mp4")), "referenceVideo",
                        "must be the URI of an earlier Veo generation"),
                Arguments.of(VideoRequest.text("x").model(VeoModels.VEO_3_1_LITE).referenceImage(PNG), "referenceImages",
                        "does not take reference images"),
                Arguments.of(VideoRequest.text("x").model(VeoModels.VEO_3_1_LITE).resolution(Resolution.UHD_4K).durationSeconds(8),
                        "resolution", "does not support resolution 4k (model veo-3.1-lite-generate-preview); allowed: [720p, 1080p]"),
                Arguments.of(VideoRequest.text("x").model(VeoModels.VEO_2_0).durationSeconds(4), "duration",
                        "allowed: [5s, 6s, 8s]"),
                Arguments.of(VideoRequest.text("x").durationSeconds(5), "duration",
                        "does not support duration 5s (model veo-3.1-generate-preview); allowed: [4s, 6s, 8s]"),
                Arguments.of(VideoRequest.text("x").model("veo-4.0-generate-preview").durationSeconds(5), "duration",
                        "only offered by Veo 2 models"),
                Arguments.of(VideoRequest.text("x").model(VeoModels.VEO_3_0).resolution(Resolution.FHD_1080P).durationSeconds(8)
                        .aspectRatio(AspectRatio.PORTRAIT_9_16), "aspectRatio", "offers 1080p only at 16:9"),
                Arguments.of(VideoRequest.image("x", PNG).model(VeoModels.VEO_3_0).lastFrame(PNG), "lastFrame",
                        "does not take a last frame"),
                Arguments.of(VideoRequest.text("x").aspectRatio(AspectRatio.SQUARE_1_1), "aspectRatio", "allowed: [16:9, 9:16]"),
                Arguments.of(VideoRequest.text("x").seed(7), "seed", "seed is only accepted on Vertex AI"),
                Arguments.of(VideoRequest.text("x").extra(VeoExtras.NUMBER_OF_VIDEOS, 2), VeoExtras.NUMBER_OF_VIDEOS,
                        "must be between 1 and 1 for this model on the Gemini API, but was 2"),
                Arguments.of(VideoRequest.text("x").extra(VeoExtras.PERSON_GENERATION, "everyone"), VeoExtras.PERSON_GENERATION,
                        "allowed: [allow_all, allow_adult, dont_allow]"),
                Arguments.of(VideoRequest.text("x").extra(VeoExtras.STORAGE_URI, "gs://b/"), VeoExtras.STORAGE_URI,
                        "only accepted on Vertex AI"),
                Arguments.of(VideoRequest.text("x").extra("sampleCnt", 1), "sampleCnt", "does not know the extra \"sampleCnt\""),
                Arguments.of(VideoRequest.image("x", MediaInput.url("gs://bucket/cat.png")), "images",
                        "does not read images from Google Cloud Storage"),
                Arguments.of(VideoRequest.image("x", MediaInput.bytes(new byte[] {1}, "image/gif")), "image type",
                        "allowed: [image/jpeg, image/png, image/webp]"),
                Arguments.of(VideoRequest.text("x").model("veo/../../admin"), "model", "must be a Veo model id"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("rules")
    void violatingRequestFailsBeforeAnyCall(VideoRequest.Builder request, String parameter, String message) {
        Throwable thrown = catchThrowable(() -> time.run(client.generate(request.build())));

        assertThat(thrown).hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
        assertThat(((InvalidRequestException) thrown.getCause()).parameter()).hasValue(parameter);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
