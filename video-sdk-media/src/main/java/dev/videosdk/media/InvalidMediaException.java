package dev.videosdk.media;

import java.util.List;

/**
 * The input is not a usable video: empty, not a media file (e.g. a text file named {@code .mp4}),
 * truncated, without a video stream, or beyond the configured limits (size, pixels, duration).
 */
public class InvalidMediaException extends MediaException {
    private static final long serialVersionUID = 1L;

    /** Creates the error; {@code ffmpegOutput} is FFmpeg's last stderr lines (may be empty). */
    public InvalidMediaException(String message, List<String> ffmpegOutput) {
        super(message, ffmpegOutput, null);
    }
}
