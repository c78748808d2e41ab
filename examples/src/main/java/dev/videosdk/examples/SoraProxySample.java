package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.soraproxy.SoraProxy;
import java.nio.file.Path;

/**
 * Sora through an OpenAI-compatible chat-completions gateway: progress arrives on one streamed
 * response. Set {@code SORA_API_KEY} and {@code SORA_BASE_URL} (e.g. {@code https://gateway.example/v1}).
 * The model is derived from ratio and length: here {@code sora_video2-portrait-15s}.
 */
public final class SoraProxySample {
    private SoraProxySample() {
    }

    /** Generates one portrait 15-second clip and saves it as {@code sora.mp4}. */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.fromEnv()) {
            VideoRequest request = VideoRequest.text("A paper boat drifting down a rainy street")
                    .provider(SoraProxy.ID)
                    .aspectRatio(AspectRatio.PORTRAIT_9_16)
                    .durationSeconds(15)
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .onProgress(p -> System.err.println(p.state() + (p.progress() == null ? "" : " " + p.progress() + "%")))
                    .build()).join();
            System.out.println(client.download(result.video(), Path.of("sora.mp4")).join());
        }
    }
}
