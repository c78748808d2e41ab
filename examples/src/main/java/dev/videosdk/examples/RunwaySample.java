package dev.videosdk.examples;

import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.runway.Runway;
import dev.videosdk.runway.RunwayExtras;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runway image-to-video on Gen-4 Turbo (a local file is uploaded first), the credits it reported, then the
 * download. Needs {@code RUNWAY_API_KEY} (or {@code RUNWAYML_API_SECRET}).
 */
public final class RunwaySample {
    private RunwaySample() {
    }

    /** Runs the sample: {@code RunwaySample <image.jpg|https://...> [out.mp4]}. */
    public static void main(String[] args) {
        String image = args.length > 0 ? args[0] : "lighthouse.jpg";
        try (VideoClient client = VideoClient.builder().env(VideoClient.environment()).defaultProvider("runway").build()) {
            VideoRequest request = VideoRequest.image("Waves roll in, the lighthouse beam sweeps through drifting fog",
                            image.startsWith("http") ? MediaInput.url(image) : MediaInput.file(Path.of(image)))
                    .model("gen4_turbo")
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9)
                    .durationSeconds(5)
                    .extra(RunwayExtras.CONTENT_MODERATION, Map.of("publicFigureThreshold", "auto"))
                    .build();
            VideoResult result = client.generate(request, GenerateOptions.builder()
                    .onProgress(p -> System.err.println(p.state() + " " + (p.progress() == null ? "" : p.progress() + "%")))
                    .build()).join();
            JobStatus finished = client.status(result.job()).join();
            System.err.println("estimated " + Runway.estimatedCredits(result.job()) + ", charged " + Runway.credits(finished));
            System.out.println(client.download(result.video(), Path.of(args.length > 1 ? args[1] : "runway.mp4")).join());
        }
    }
}
