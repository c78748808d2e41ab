package dev.videosdk.kling.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.kling.KlingExtras;
import dev.videosdk.testing.VirtualTime;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Requests Kling cannot serve fail before any network call, naming the parameter and what is allowed. */
class KlingValidationTest {
    @RegisterExtension
    static WireMockExtension wm = KlingFixture.wireMock();

    private final VirtualTime time = VirtualTime.start();
    private final VideoClient client = KlingFixture.client(time, KlingFixture.env(wm));

    @AfterEach
    void close() {
        client.close();
    }

    private static final MediaInput PNG = MediaInput.bytes(KlingFixture.png(400, 400), "image/png");

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("duration", (UnaryOperator<VideoRequest.Builder>) b -> b.durationSeconds(7),
                        "kling does not support duration 7s; allowed: [5s, 10s]"),
                Arguments.of("aspectRatio", (UnaryOperator<VideoRequest.Builder>) b -> b.aspectRatio(AspectRatio.LANDSCAPE_4_3),
                        "kling does not support aspectRatio 4:3; allowed: [16:9, 9:16, 1:1]"),
                Arguments.of("prompt", (UnaryOperator<VideoRequest.Builder>) b -> b.prompt("p".repeat(2501)),
                        "kling allows a prompt of at most 2500 characters, but it was 2501"),
                Arguments.of("negativePrompt", (UnaryOperator<VideoRequest.Builder>) b -> b.negativePrompt("n".repeat(2501)),
                        "kling allows a negative prompt of at most 2500 characters, but it was 2501"),
                Arguments.of("seed", (UnaryOperator<VideoRequest.Builder>) b -> b.seed(42),
                        "kling does not support a seed"),
                Arguments.of("resolution", (UnaryOperator<VideoRequest.Builder>) b -> b.resolution(Resolution.FHD_1080P),
                        "kling does not take a resolution; it follows the model and mode"),
                Arguments.of("mode", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.MODE, "standard"),
                        "kling does not support mode standard; allowed: [std, pro]"),
                Arguments.of("cfg_scale", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.CFG_SCALE, 1.5),
                        "kling cfg_scale must be from 0 to 1, but was 1.5"),
                Arguments.of("cfg_scale", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.CFG_SCALE, "high"),
                        "kling cfg_scale must be a number from 0 to 1, but was high"),
                Arguments.of("camera_control", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.CAMERA_CONTROL,
                        Map.of("type", "simple", "config", Map.of("zoom", 5, "pan", 2))),
                        "kling camera_control type simple needs exactly one non-zero value, but had 2"),
                Arguments.of("camera_control", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.CAMERA_CONTROL,
                        Map.of("type", "simple", "config", Map.of("zoom", 11))),
                        "kling camera_control config allows [horizontal, vertical, pan, tilt, roll, zoom] with numbers from -10 to 10, but had zoom=11"),
                Arguments.of("camera_control", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.CAMERA_CONTROL,
                        Map.of("type", "spin")),
                        "kling camera_control needs a type, one of [simple, down_back, forward_up, right_turn_forward, left_turn_forward]"),
                Arguments.of("camera_control", (UnaryOperator<VideoRequest.Builder>) b -> b.image(PNG).lastFrame(PNG)
                        .extra(KlingExtras.CAMERA_CONTROL, Map.of("type", "down_back")),
                        "kling does not accept camera_control together with an end frame (lastFrame)"),
                Arguments.of("model", (UnaryOperator<VideoRequest.Builder>) b -> b.extra("model", "kling-v2-6"),
                        "kling extra \"model\" is set by the SDK; use VideoRequest.Builder.model(...)"),
                Arguments.of("aspect_ratio", (UnaryOperator<VideoRequest.Builder>) b -> b.extra("aspect_ratio", "16:9"),
                        "use VideoRequest.Builder.aspectRatio(...) instead"),
                Arguments.of("image type", (UnaryOperator<VideoRequest.Builder>) b -> b.image(MediaInput.bytes(new byte[] {1}, "image/webp")),
                        "kling does not support image type image/webp; allowed: [image/jpeg, image/png]"),
                Arguments.of("images", (UnaryOperator<VideoRequest.Builder>) b -> b.image(MediaInput.bytes(new byte[10 * 1024 * 1024 + 1], "image/png")),
                        "kling accepts images of at most 10485760 bytes, but one was 10485761 bytes"),
                Arguments.of("images", (UnaryOperator<VideoRequest.Builder>) b -> b.image(MediaInput.bytes(KlingFixture.png(200, 400), "image/png")),
                        "kling needs images of at least 300 px on each side, but one was 200x400"),
                Arguments.of("lastFrame", (UnaryOperator<VideoRequest.Builder>) b -> b.image(PNG)
                                .lastFrame(MediaInput.bytes(KlingFixture.png(1000, 300), "image/png")),
                        "kling needs an image aspect ratio between 1:2.5 and 2.5:1, but one was 1000x300"),
                Arguments.of("images", (UnaryOperator<VideoRequest.Builder>) b -> b.image(MediaInput.url("data:image/png,rawbytes")),
                        "kling takes a data: URL only when it is Base64-encoded"),
                Arguments.of("referenceImages", (UnaryOperator<VideoRequest.Builder>) b -> b.referenceImage(PNG),
                        "kling accepts at most 0 reference image(s), but 1 were given"),
                Arguments.of("external_task_id", (UnaryOperator<VideoRequest.Builder>) b -> b.extra(KlingExtras.EXTERNAL_TASK_ID, " "),
                        "kling external_task_id must not be blank"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalid")
    void generate_invalidRequest_failsBeforeAnyCallNamingTheParameter(String parameter,
                                                                      UnaryOperator<VideoRequest.Builder> change,
                                                                      String message) {
        VideoRequest request = change.apply(VideoRequest.text("A calico cat")).build();

        Throwable thrown = catchThrowable(() -> time.run(client.generate(request)));

        assertThat(thrown).hasCauseInstanceOf(InvalidRequestException.class);
        InvalidRequestException e = (InvalidRequestException) thrown.getCause();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.parameter()).contains(parameter);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
