package dev.videosdk.media;

import dev.videosdk.ErrorContext;
import dev.videosdk.VideoException;

import java.util.List;

/**
 * An FFmpeg operation failed: the process exited with an error, could not be started, or wrote no
 * output. The message quotes FFmpeg's last stderr lines ({@link #ffmpegOutput()}). Provider id
 * {@code "media"}; not retryable.
 */
public class MediaException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Provider id used in the {@link ErrorContext} of media errors. */
    public static final String SOURCE = "media";

    // transient like VideoException's context: a List is not Serializable by type (javac 21+ lint "serial")
    private final transient List<String> ffmpegOutput;

    /** Creates the error; {@code ffmpegOutput} is FFmpeg's last stderr lines (may be empty). */
    public MediaException(String message, List<String> ffmpegOutput, Throwable cause) {
        super(message + quote(ffmpegOutput), ErrorContext.local(SOURCE), false, cause);
        this.ffmpegOutput = List.copyOf(ffmpegOutput);
    }

    /** FFmpeg's last stderr lines, oldest first; empty when FFmpeg did not run or said nothing. */
    public List<String> ffmpegOutput() {
        return ffmpegOutput == null ? List.of() : ffmpegOutput;   // null only after deserialization
    }

    private static String quote(List<String> lines) {
        return lines.isEmpty() ? "" : "; ffmpeg said: " + String.join(" | ", lines);
    }
}
