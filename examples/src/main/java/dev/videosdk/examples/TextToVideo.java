package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Path;

/** Text to video with progress, then download. Uses {@code VIDEO_PROVIDER} (e.g. {@code fake}). */
public final class TextToVideo {
    private TextToVideo() {
    }

    /** Runs the sample. */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.fromEnv()) {
            VideoResult result = client.generate(
                    VideoRequest.text("A lighthouse in a storm, waves crashing, cinematic")
                            .durationSeconds(8)
                            .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                            .build(),
                    GenerateOptions.builder()
                            .onProgress(p -> System.err.printf("%s %s%% after %ss%n", p.state(), p.progress(), p.elapsed().toSeconds()))
                            .build())
                    .join();
            System.out.println(client.download(result.video(), Path.of("lighthouse.mp4")).join());
        }
    }
}
