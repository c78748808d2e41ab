package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Path;

/**
 * Pika on fal: text-to-video, or image-to-video when an image is given (the model is chosen from the
 * inputs; durations, ratios and resolutions are checked before the call). Needs {@code PIKA_API_KEY}
 * (a fal key) or {@code FAL_KEY}.
 */
public final class PikaSample {
    private PikaSample() {
    }

    /** Runs the sample: {@code PikaSample [image.png|https://...] [out.mp4]}. */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("pika").build()) {
            VideoRequest.Builder request = args.length > 0 && !args[0].isBlank()
                    ? VideoRequest.image("The toy robot waves, then waters the bonsai",
                            args[0].startsWith("http") ? MediaInput.url(args[0]) : MediaInput.file(Path.of(args[0])))
                    : VideoRequest.text("A tiny robot waters a bonsai on a windowsill at dawn")
                            .aspectRatio(AspectRatio.PORTRAIT_9_16);
            VideoResult result = client.generate(request.negativePrompt("blurry, text")
                            .resolution(Resolution.HD_720P).durationSeconds(5).build(),
                    GenerateOptions.builder()
                            .onProgress(p -> System.err.println(p.state() + (p.message() == null ? "" : " " + p.message())))
                            .build()).join();
            System.out.println(client.download(result.video(), Path.of(args.length > 1 ? args[1] : "pika.mp4")).join());
        }
    }
}
