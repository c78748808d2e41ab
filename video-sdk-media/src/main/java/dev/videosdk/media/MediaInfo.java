package dev.videosdk.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Ffmpeg#probe} found in a file.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param duration    the container's duration
 * @param width       width of the first video stream, in pixels
 * @param height      height of the first video stream, in pixels
 * @param frameRate   average frame rate of the first video stream, frames per second (0 if unknown)
 * @param videoCodec  FFmpeg's codec name of the first video stream, e.g. {@code h264}, {@code vp8}
 * @param pixelFormat FFmpeg's pixel format of that stream, e.g. {@code yuv420p}; null if unknown
 * @param audioCodec  codec name of the first audio stream, or null when there is no audio
 * @param container   FFmpeg's demuxer name(s), e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
 * @param sizeBytes   the file's size in bytes
 */
public record MediaInfo(Duration duration, int width, int height, double frameRate, String videoCodec,
                        String pixelFormat, String audioCodec, String container, long sizeBytes) {
    /** Validates the record. */
    public MediaInfo {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(videoCodec, "videoCodec");
        Objects.requireNonNull(container, "container");
    }

    /** The audio codec, if the file has audio. */
    public Optional<String> audio() {
        return Optional.ofNullable(audioCodec);
    }

    /** True when the container is MP4 (or another ISO-BMFF flavour FFmpeg reads with the same demuxer). */
    public boolean isMp4() {
        return container.contains("mp4");
    }
}
