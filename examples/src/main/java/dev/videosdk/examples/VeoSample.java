package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.veo.VeoExtras;
import dev.videosdk.veo.VeoModels;
import java.nio.file.Path;

/**
 * Veo 3.1 on the Gemini API: a first and last frame at 1080p, then the download (the file is
 * kept by Google for two days only). Needs {@code GEMINI_API_KEY} (or {@code GOOGLE_API_KEY}).
 */
public final class VeoSample {
    private VeoSample() {
    }

    /** Runs the sample: {@code VeoSample <first.png> <last.png> [out.mp4]}. */
    public static void main(String[] args) {
        Path first = Path.of(args.length > 0 ? args[0] : "first.png");
        Path last = Path.of(args.length > 1 ? args[1] : "last.png");
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("veo").build()) {
            VideoRequest request = VideoRequest.image("A paper boat drifts down a rainy gutter, slow push-in, soft city ambience",
                            MediaInput.file(first))
                    .lastFrame(MediaInput.file(last))
                    .model(VeoModels.VEO_3_1_FAST)
                    .negativePrompt("text overlay, watermark")
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                    .resolution(Resolution.FHD_1080P)
                    .durationSeconds(8)                                   // 1080p needs 8 s
                    .extra(VeoExtras.PERSON_GENERATION, "allow_adult")    // the only value for frames on Veo 3.x
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .onProgress(p -> System.err.println(p.state() + " after " + p.elapsed().toSeconds() + " s"))
                    .build()).join();
            System.err.println("link expires at " + result.video().expiresAt());
            System.out.println(client.download(result.video(), Path.of(args.length > 2 ? args[2] : "veo.mp4")).join());
        }
    }
}
