package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.kie.KieExtras;
import java.nio.file.Path;

/**
 * Kie.ai: Veo 3.1 Fast in 9:16 with the 1080p file, then the same flow for a Kling model on Kie's
 * market API, submitted and collected through a stored token. Needs {@code KIE_API_KEY}.
 */
public final class KieSample {
    private KieSample() {
    }

    /** Runs the sample: {@code KieSample [out.mp4]}. */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("kie").build()) {
            VideoRequest veo = VideoRequest.text("A paper boat drifting down a rain-soaked street, low angle, evening light")
                    .model(KieExtras.VEO3_FAST)
                    .aspectRatio(AspectRatio.PORTRAIT_9_16)
                    .resolution(Resolution.FHD_1080P)            // waits for Kie's 1080p file after the 720p one
                    .build();
            VideoResult result = client.generate(veo, GenerateOptions.builder()
                    .onProgress(p -> System.err.println("veo " + p.state() + " after " + p.elapsed().toSeconds() + " s"))
                    .build()).join();
            System.out.println(client.download(result.video(), Path.of(args.length > 0 ? args[0] : "kie-veo.mp4")).join());

            VideoRequest kling = VideoRequest.text("Close-up of espresso pouring into a glass cup, slow motion")
                    .model("kling-2.6/text-to-video")                  // any non-Veo, non-Runway model: market jobs API
                    .durationSeconds(5)
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                    .extra(KieExtras.INPUT_PREFIX + "sound", false)   // becomes input.sound
                    .build();
            String token = client.submit(kling).join().toToken();      // store it; it records the family
            VideoResult later = client.await(VideoJob.fromToken(token)).join();
            System.out.println(client.download(later.video(), Path.of("kie-kling.mp4")).join());
        }
    }
}
