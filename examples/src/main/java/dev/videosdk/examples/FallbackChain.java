package dev.videosdk.examples;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;

/**
 * Kling first; if Kling does not accept the job (rate limit, outage, no credits), Kie, then
 * OpenAI-style gateways. A job that was accepted is never submitted again elsewhere.
 */
public final class FallbackChain {
    private FallbackChain() {
    }

    /** Runs the sample (needs the keys of the providers named below). */
    public static void main(String[] args) {
        try (VideoClient client = VideoClient.builder()
                .env(VideoClient.environment())
                .defaultProvider("kling")
                .fallback("kie", "openai")
                .maxJobsInFlight("kling", 5)
                .build()) {
            VideoResult result = client.generate(VideoRequest.text("A hummingbird drinking from a flower").build()).join();
            System.out.println(result.job().provider() + " made " + result.video().uri());
        }
    }
}
