package dev.videosdk.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.AspectRatio;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCodecTest {
    @Test
    void everyFieldSurvivesTheRoundTrip() {
        VideoRequest r = VideoRequest.image("a cat dances", MediaInput.url("https://example.com/cat.png"))
                .negativePrompt("dogs")
                .lastFrame(MediaInput.bytes(new byte[] {1, 2, 3}, "image/png"))
                .referenceImage(MediaInput.file(Path.of("/tmp/ref.jpg")))
                .referenceVideo(MediaInput.url("https://example.com/clip.mp4"))
                .duration(Duration.ofMillis(5500)).aspectRatio(AspectRatio.PORTRAIT_9_16)
                .resolution(Resolution.values()[0]).model("m-1").seed(42L).provider("fake")
                .callbackUrl(URI.create("https://app.example/hooks/fake/q-1"))
                .extra("camera", "orbit").extra("steps", 30).build();
        VideoRequest back = RequestCodec.read(RequestCodec.write(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.extras()).isEqualTo(Map.of("camera", "orbit", "steps", 30));
    }

    @Test
    void aTextRequestHasNoOptionalFields() {
        VideoRequest r = VideoRequest.text("just text").build();
        assertThat(RequestCodec.read(RequestCodec.write(r))).isEqualTo(r);
        assertThat(RequestCodec.write(r)).doesNotContain("model").doesNotContain("seed");
    }
}
