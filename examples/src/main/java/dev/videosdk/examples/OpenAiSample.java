package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.PromptUseCase;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.openai.OpenAiPromptRefiner;
import java.nio.file.Path;
import java.util.Map;

/**
 * The OpenAI-style {@code /v1/videos} protocol with the OpenAI prompt refiner: the prompt is rewritten
 * for a product video (after describing the reference image), then generated, then the video and its
 * thumbnail are downloaded. OpenAI itself shut the Videos API down on 2026-09-24, so point
 * {@code OPENAI_BASE_URL} at a gateway that serves the format, set {@code OPENAI_VIDEO_PROFILE=gateway}
 * and {@code OPENAI_VIDEO_MODEL} to one of its models, and give {@code OPENAI_API_KEY}.
 */
public final class OpenAiSample {
    private OpenAiSample() {
    }

    /** Runs the sample: {@code OpenAiSample <image.png|https://...> [out.mp4]}. */
    public static void main(String[] args) {
        Map<String, String> env = VideoClient.environment();
        String image = args.length > 0 ? args[0] : "watch.png";
        try (VideoClient client = VideoClient.builder().env(env).defaultProvider("openai")
                .promptRefiner(OpenAiPromptRefiner.fromEnv(env)).build()) {
            VideoRequest request = VideoRequest.image("my new watch on a marble table",
                            image.startsWith("http") ? MediaInput.url(image) : MediaInput.file(Path.of(image)))
                    .durationSeconds(8)
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .refinePrompt(PromptUseCase.PRODUCT_VIDEO, "Keep the dial readable.")
                    .onProgress(p -> System.err.println(p.state() + (p.progress() == null ? "" : " " + p.progress() + "%")))
                    .build()).join();
            System.err.println("prompt sent: " + result.promptSent());
            System.out.println(client.download(result.video(), Path.of(args.length > 1 ? args[1] : "openai.mp4")).join());
            for (VideoAsset thumbnail : result.assets(VideoAsset.THUMBNAIL)) {
                System.out.println(client.download(thumbnail, Path.of("openai-thumbnail.webp")).join());
            }
        }
    }
}
