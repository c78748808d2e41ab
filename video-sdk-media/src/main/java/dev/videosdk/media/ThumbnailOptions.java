package dev.videosdk.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link Ffmpeg#thumbnail}. Defaults (the seeds' cover image): the first frame,
 * 1280×720, {@link Fit#PAD}, JPEG quality 85, the {@link Ffmpeg}'s default timeout.
 *
 * @param at          the media time of the frame; {@link Duration#ZERO} for the first frame
 * @param width       output width in pixels, 16–7680
 * @param height      output height in pixels, 16–4320
 * @param fit         how a frame of another aspect ratio is fitted
 * @param jpegQuality JPEG quality 1–100 on the IJG scale (written by the JDK's ImageIO)
 * @param timeout     how long the operation may run, or null for the {@link Ffmpeg}'s default
 */
public record ThumbnailOptions(Duration at, int width, int height, Fit fit, int jpegQuality, Duration timeout) {
    /** How a frame whose aspect ratio differs from the thumbnail's is fitted. */
    public enum Fit {
        /** Scale the whole frame to fit and pad with black bars. */
        PAD,
        /** Scale the frame to cover the thumbnail and crop the overflow, centred. */
        CROP
    }

    /** Validates the options; bad values fail with {@link dev.videosdk.InvalidRequestException}. */
    public ThumbnailOptions {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fit, "fit");
        if (at.isNegative()) {
            throw TranscodeOptions.invalid("at", at, "zero or a positive media time");
        }
        if (width < 16 || width > 7680) {
            throw TranscodeOptions.invalid("width", width, "16 to 7680");
        }
        if (height < 16 || height > 4320) {
            throw TranscodeOptions.invalid("height", height, "16 to 4320");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw TranscodeOptions.invalid("jpegQuality", jpegQuality, "1 to 100");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw TranscodeOptions.invalid("timeout", timeout, "a positive duration");
        }
    }

    /** The seeds' cover: first frame, 1280×720, padded, JPEG quality 85. */
    public static ThumbnailOptions defaults() {
        return new ThumbnailOptions(Duration.ZERO, 1280, 720, Fit.PAD, 85, null);
    }

    /** A copy taking the frame at {@code time}. */
    public ThumbnailOptions at(Duration time) {
        return new ThumbnailOptions(time, width, height, fit, jpegQuality, timeout);
    }

    /** A copy of the given size and fit. */
    public ThumbnailOptions size(int w, int h, Fit how) {
        return new ThumbnailOptions(at, w, h, how, jpegQuality, timeout);
    }

    /** A copy with another JPEG quality (1–100). */
    public ThumbnailOptions jpegQuality(int quality) {
        return new ThumbnailOptions(at, width, height, fit, quality, timeout);
    }

    /** A copy with another timeout. */
    public ThumbnailOptions timeout(Duration limit) {
        return new ThumbnailOptions(at, width, height, fit, jpegQuality, limit);
    }
}
