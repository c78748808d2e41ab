package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.kling.KlingExtras;
import java.nio.file.Path;
import java.util.Map;

/**
 * Kling image-to-video in pro mode with a camera move, then the download. Needs
 * {@code KLING_ACCESS_KEY} and {@code KLING_SECRET_KEY} (or {@code KLING_API_KEY}).
 */
public final class KlingSample {
    private KlingSample() {
    }

    /** Runs the sample: {@code KlingSample <image.png|https://...> [out.mp4]}. */
    public static void main(String[] args) {
        String image = args.length > 0 ? args[0] : "cat.png";
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("kling").build()) {
            VideoRequest request = VideoRequest.image("The cat slowly turns its head and blinks",
                            image.startsWith("http") ? MediaInput.url(image) : MediaInput.file(Path.of(image)))
                    .negativePrompt("blur, text, watermark")
                    .durationSeconds(5)
                    .aspectRatio(AspectRatio.SQUARE_1_1)
                    .extra(KlingExtras.MODE, KlingExtras.MODE_PRO)
                    .extra(KlingExtras.CAMERA_CONTROL, Map.of("type", "simple", "config", Map.of("zoom", 4)))
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .onProgress(p -> System.err.println(p.state() + " after " + p.elapsed().toSeconds() + " s"))
                    .build()).join();
            System.out.println(client.download(result.video(), Path.of(args.length > 1 ? args[1] : "kling.mp4")).join());
        }
    }
}
