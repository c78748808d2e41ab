package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.fal.FalExtras;
import java.nio.file.Path;

/**
 * Any fal-hosted video model through fal's queue: here Kling 2.1 master on fal, low queue priority,
 * output kept one day, one of the model's own fields as an extra. Needs {@code FAL_KEY}.
 */
public final class FalSample {
    private FalSample() {
    }

    /** Runs the sample: {@code FalSample [model id] [out.mp4]}. */
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "fal-ai/kling-video/v2.1/master/text-to-video";
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("fal").build()) {
            VideoRequest request = VideoRequest.text("A koi pond at dawn, mist over the water, slow dolly in")
                    .model(model)
                    .durationSeconds(5)
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                    .extra(FalExtras.PRIORITY, "low")
                    .extra(FalExtras.OBJECT_EXPIRATION_SECONDS, 86_400)
                    .extra("cfg_scale", 0.5)
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .onProgress(p -> System.err.println(p.state() + (p.message() == null ? "" : " " + p.message())))
                    .build()).join();
            System.out.println(client.download(result.video(), Path.of(args.length > 1 ? args[1] : "fal.mp4")).join());
        }
    }
}
