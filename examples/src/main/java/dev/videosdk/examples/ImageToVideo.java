package dev.videosdk.examples;

import dev.videosdk.MediaInput;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Path;

/** Image to video: animate a local picture (or pass MediaInput.url for a public URL). */
public final class ImageToVideo {
    private ImageToVideo() {
    }

    /** Runs the sample: {@code ImageToVideo <image.png>}. */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.fromEnv()) {
            VideoRequest request = VideoRequest.image("The cat slowly turns its head and blinks",
                            MediaInput.file(Path.of(args.length > 0 ? args[0] : "cat.png")))
                    .durationSeconds(5)
                    .build();
            VideoResult result = client.generate(request).join();
            System.out.println(client.download(result.video(), Path.of("cat.mp4")).join());
        }
    }
}
