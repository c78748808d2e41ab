package dev.videosdk.examples;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Submit now, collect later: the job token is stored in a file, and a second run (even after a
 * restart or a crash) waits for the same job instead of paying for a new one.
 */
public final class ResumeFromToken {
    private ResumeFromToken() {
    }

    /** Runs the sample. */
    public static void main(String[] args) throws Exception {
        Path tokenFile = Path.of("job.token");
        try (VideoClient client = VideoClient.fromEnv()) {
            if (!Files.exists(tokenFile)) {
                VideoJob job = client.submit(VideoRequest.text("A paper boat on a rainy street").build()).join();
                Files.writeString(tokenFile, job.toToken());       // no secret in it
                System.err.println("submitted " + job.id() + "; token saved");
            }
            VideoJob job = VideoJob.fromToken(Files.readString(tokenFile).trim());
            VideoResult result = client.await(job).join();
            System.out.println(client.download(result.video(), Path.of("boat.mp4")).join());
            Files.delete(tokenFile);
        }
    }
}
