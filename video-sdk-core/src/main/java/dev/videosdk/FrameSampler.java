package dev.videosdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Samples frames of a reference video so a {@link PromptRefiner} can describe its motion, camera
 * and pacing (ADR 0026). Core has no video decoder: {@code video-sdk-media} ships one on FFmpeg
 * ({@code dev.videosdk.media.FfmpegFrameSampler}). Set it with
 * {@link VideoClient.Builder#frameSampler(FrameSampler)}; the client calls it when a request that
 * asks for refinement carries a {@link VideoRequest#referenceVideo()}.
 */
@FunctionalInterface
public interface FrameSampler {
    /** Frames the client asks for per reference video. */
    int DEFAULT_FRAMES = 8;

    /**
     * Samples up to {@code max} frames of {@code video}.
     *
     * @param video the reference video
     * @param max   most frames to return (1–16)
     * @return the frames as images, in time order; the future fails with a {@link VideoException}
     *         when the video cannot be read (the client then follows the refine-fallback rule)
     */
    CompletableFuture<List<MediaInput>> sample(MediaInput video, int max);
}
