package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of {@link Ffmpeg#transcode}. Defaults: {@link Quality#MEDIUM}, 30 fps, no size cap,
 * the {@link Ffmpeg}'s default timeout, no progress listener.
 *
 * @param quality    the H.264 preset
 * @param frameRate  output frames per second, 1–120
 * @param maxWidth   largest output width in pixels (the aspect ratio is kept), or 0 for no cap
 * @param maxHeight  largest output height in pixels (the aspect ratio is kept), or 0 for no cap
 * @param timeout    how long the operation may run, or null for the {@link Ffmpeg}'s default
 * @param onProgress called with progress reports, or null
 */
public record TranscodeOptions(Quality quality, int frameRate, int maxWidth, int maxHeight, Duration timeout,
                               Consumer<MediaProgress> onProgress) {
    /** Validates the options; bad values fail with {@link InvalidRequestException}. */
    public TranscodeOptions {
        Objects.requireNonNull(quality, "quality");
        if (frameRate < 1 || frameRate > 120) {
            throw invalid("frameRate", frameRate, "1 to 120");
        }
        if (maxWidth < 0 || maxWidth == 1 || maxHeight < 0 || maxHeight == 1) {
            throw invalid(maxWidth < 0 || maxWidth == 1 ? "maxWidth" : "maxHeight",
                    maxWidth < 0 || maxWidth == 1 ? maxWidth : maxHeight, "0 (no cap) or at least 2");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw invalid("timeout", timeout, "a positive duration");
        }
    }

    /** The defaults: MEDIUM, 30 fps, no cap. */
    public static TranscodeOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    static InvalidRequestException invalid(String parameter, Object value, String allowed) {
        return InvalidRequestException.local(MediaException.SOURCE, parameter,
                "invalid " + parameter + " " + value + "; allowed: " + allowed);
    }

    /** Builds {@link TranscodeOptions}. */
    public static final class Builder {
        private Quality quality = Quality.MEDIUM;
        private int frameRate = 30;
        private int maxWidth;
        private int maxHeight;
        private Duration timeout;
        private Consumer<MediaProgress> onProgress;

        private Builder() {
        }

        /** The H.264 preset (default MEDIUM). */
        public Builder quality(Quality quality) {
            this.quality = quality;
            return this;
        }

        /** Output frames per second (default 30). */
        public Builder frameRate(int fps) {
            this.frameRate = fps;
            return this;
        }

        /** Caps the output size, keeping the aspect ratio; 0 means no cap on that side. */
        public Builder maxSize(int width, int height) {
            this.maxWidth = width;
            this.maxHeight = height;
            return this;
        }

        /** How long the operation may run (default: the {@link Ffmpeg}'s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** A progress listener; it runs on the FFmpeg worker thread and must not block. */
        public Builder onProgress(Consumer<MediaProgress> listener) {
            this.onProgress = listener;
            return this;
        }

        /** Builds and validates the options. */
        public TranscodeOptions build() {
            return new TranscodeOptions(quality, frameRate, maxWidth, maxHeight, timeout, onProgress);
        }
    }
}
