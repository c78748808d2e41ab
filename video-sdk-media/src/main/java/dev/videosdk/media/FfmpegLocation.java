package dev.videosdk.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@code ffmpeg} (and, if found, {@code ffprobe}) executables were found.
 *
 * @param ffmpeg  the {@code ffmpeg} executable
 * @param ffprobe the {@code ffprobe} executable, or null (probing then reads {@code ffmpeg -i}'s summary)
 * @param source  {@code "configured"}, {@code "PATH"} or {@code "classpath:<resource>"}
 */
public record FfmpegLocation(Path ffmpeg, Path ffprobe, String source) {
    /** Validates the record. */
    public FfmpegLocation {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(source, "source");
    }

    /** The {@code ffprobe} executable, if one was found. */
    public Optional<Path> probe() {
        return Optional.ofNullable(ffprobe);
    }
}
