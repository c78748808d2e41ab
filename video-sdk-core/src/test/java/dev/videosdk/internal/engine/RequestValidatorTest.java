package dev.videosdk.internal.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every validation message: it names the provider, the parameter, the value and what is allowed. */
class RequestValidatorTest {
    private static final MediaInput PNG = MediaInput.bytes(new byte[] {1, 2, 3}, "image/png");
    private static final MediaInput URL = MediaInput.url("https://example.com/a.png");

    private final ProviderCapabilities caps = ProviderCapabilities.builder()
            .models(false, "m-1", "m-2")
            .durationsSeconds(4, 8)
            .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
            .resolutions(Resolution.HD_720P)
            .maxImages(1).maxImageBytes(2).maxPromptLength(10)
            .build();

    private void rejects(ProviderCapabilities c, VideoRequest r, String parameter, String message) {
        assertThatThrownBy(() -> RequestValidator.validate("acme", c, r))
                .isInstanceOf(InvalidRequestException.class).hasMessage(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidRequestException) e).parameter()).contains(parameter));
    }

    @Test
    void acceptsWhatTheCapabilitiesAllow() {
        assertThatCode(() -> RequestValidator.validate("acme", caps, VideoRequest.text("ok").model("m-2")
                .durationSeconds(8).aspectRatio(AspectRatio.PORTRAIT_9_16).resolution(Resolution.HD_720P).build()))
                .doesNotThrowAnyException();
    }

    @Test
    void everyMessage() {
        rejects(caps, VideoRequest.text("x".repeat(11)).build(), "prompt", "acme allows a prompt of at most 10 characters, but it was 11");
        rejects(caps, VideoRequest.text("x").negativePrompt("blur").build(), "negativePrompt", "acme does not support a negative prompt");
        rejects(caps, VideoRequest.text("x").model("m-9").build(), "model", "acme does not support model m-9; allowed: [m-1, m-2]");
        rejects(caps, VideoRequest.text("x").durationSeconds(7).build(), "duration", "acme does not support duration 7s; allowed: [4s, 8s]");
        rejects(caps, VideoRequest.text("x").duration(Duration.ofMillis(4500)).build(), "duration",
                "acme does not support duration 4500ms; allowed: [4s, 8s]");
        rejects(caps, VideoRequest.text("x").aspectRatio(AspectRatio.SQUARE_1_1).build(), "aspectRatio",
                "acme does not support aspectRatio 1:1; allowed: [16:9, 9:16]");
        rejects(caps, VideoRequest.text("x").resolution(Resolution.UHD_4K).build(), "resolution",
                "acme does not support resolution 4k; allowed: [720p]");
        rejects(caps, VideoRequest.text("x").image(URL).image(URL).build(), "images",
                "acme accepts at most 1 input image(s), but 2 were given");
        rejects(caps, VideoRequest.text("x").image(URL).lastFrame(URL).build(), "lastFrame",
                "acme does not support an end frame (lastFrame)");
        rejects(caps, VideoRequest.text("x").referenceImage(URL).build(), "referenceImages",
                "acme accepts at most 0 reference image(s), but 1 were given");
        rejects(caps, VideoRequest.text("x").referenceVideo(MediaInput.url("https://example.com/v.mp4")).build(), "referenceVideo",
                "acme does not support a reference video");
        rejects(caps, VideoRequest.text("x").image(PNG).build(), "images", "acme accepts images of at most 2 bytes, but one was 3 bytes");
    }

    @Test
    void imageFormsTheProviderDoesNotTake() {
        ProviderCapabilities urlsOnly = ProviderCapabilities.builder().imageInputs(true, false).build();
        rejects(urlsOnly, VideoRequest.text("x").image(PNG).build(), "images",
                "acme takes images only by URL; upload the image somewhere public and pass MediaInput.url(...)");
        ProviderCapabilities bytesOnly = ProviderCapabilities.builder().imageInputs(false, true).build();
        rejects(bytesOnly, VideoRequest.text("x").image(URL).build(), "images",
                "acme does not take images by URL; pass the image as bytes or a file instead of https://example.com/a.png");
        rejects(bytesOnly, VideoRequest.text("x").image(MediaInput.bytes(new byte[] {1}, "image/bmp")).build(), "image type",
                "acme does not support image type image/bmp; allowed: [image/jpeg, image/png, image/webp]");
    }

    @Test
    void perModelLimitsApplyToTheNamedOrDefaultModel() {
        ProviderCapabilities perModel = ProviderCapabilities.builder()
                .models(true, "old", "new")
                .durationsSeconds(5, 10)
                .model(dev.videosdk.spi.ModelCapabilities.builder("new").durationsSecondsBetween(3, 15).build())
                .build();
        assertThatCode(() -> RequestValidator.validate("acme", perModel, VideoRequest.text("x").model("new").durationSeconds(12).build()))
                .doesNotThrowAnyException();
        rejects(perModel, VideoRequest.text("x").durationSeconds(12).build(), "duration",
                "acme does not support duration 12s; allowed: [5s, 10s]");
        rejects(perModel, VideoRequest.text("x").model("new").durationSeconds(16).build(), "duration",
                "acme does not support duration 16s (model new); allowed: [3s, 4s, 5s, 6s, 7s, 8s, 9s, 10s, 11s, 12s, 13s, 14s, 15s]");
        // a request that leaves the model to the client's choice is checked by the chooser instead
        assertThatCode(() -> RequestValidator.validate("acme", perModel, VideoRequest.text("x").cheapest().durationSeconds(12).build()))
                .doesNotThrowAnyException();
    }
}
