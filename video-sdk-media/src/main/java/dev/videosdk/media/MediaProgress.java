package dev.videosdk.media;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Progress of a running FFmpeg operation, from FFmpeg's {@code -progress} output (about twice a
 * second). Listeners run on the FFmpeg worker thread: they must return quickly.
 *
 * @param operation  {@code "transcode"} or {@code "thumbnail"}
 * @param processed  media time written so far
 * @param total      the input's duration, or {@link Duration#ZERO} if unknown
 * @param done       true on FFmpeg's final report
 */
public record MediaProgress(String operation, Duration processed, Duration total, boolean done) {
    /** Progress: percent done (0–100, the same term as {@code JobStatus.progress()}), when the input's duration is known. */
    public OptionalDouble progress() {
        if (total.isZero() || total.isNegative()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100.0, 100.0 * processed.toNanos() / total.toNanos()));
    }
}
