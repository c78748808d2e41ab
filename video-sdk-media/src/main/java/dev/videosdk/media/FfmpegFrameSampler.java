package dev.videosdk.media;

import dev.videosdk.FrameSampler;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link FrameSampler} on {@link Ffmpeg#keyframes(Path, int)}: scene changes first, evenly spaced
 * fillers, in time order, each a JPEG {@link MediaInput} (ADR 0026). Set it with
 * {@code VideoClient.builder().frameSampler(new FfmpegFrameSampler(ffmpeg))}.
 *
 * <p>Reads a {@link MediaInput.File} or {@link MediaInput.Bytes} (written to a temporary file that is
 * deleted afterwards). A {@link MediaInput.Url} ({@code http(s)}, {@code gs}, {@code data}) is refused
 * with an {@link InvalidRequestException} (parameter {@code referenceVideo}): FFmpeg here reads local
 * files only (its protocol whitelist), so download the video first and pass the file.
 */
public final class FfmpegFrameSampler implements FrameSampler {
    private final Ffmpeg ffmpeg;

    /** A sampler on this FFmpeg (not closed by the sampler). */
    public FfmpegFrameSampler(Ffmpeg ffmpeg) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    }

    /**
     * Samples up to {@code max} frames (1–16).
     *
     * @return the frames; the future fails with an {@link InvalidRequestException} for an input it
     *         cannot read or a {@code max} out of range, and with the errors of {@link Ffmpeg#keyframes}
     */
    @Override
    public CompletableFuture<List<MediaInput>> sample(MediaInput video, int max) {
        if (video instanceof MediaInput.File file) {
            return frames(file.path(), max);
        } else if (video instanceof MediaInput.Url url) {
            return CompletableFuture.failedFuture(InvalidRequestException.local(MediaException.SOURCE, "referenceVideo",
                    "reference video " + redacted(url.uri()) + " is not local; allowed: a file or bytes (download it first)"));
        } else if (video instanceof MediaInput.Bytes bytes) {
            Path temp;
            try {
                temp = Files.createTempFile("videosdk-reference-", ".video");
                Files.write(temp, bytes.data());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new MediaException(
                        "cannot write the reference video to a temporary file: " + e.getMessage(), List.of(), e));
            }
            return frames(temp, max).whenComplete((frames, failure) -> deleteQuietly(temp));
        }
        return CompletableFuture.failedFuture(InvalidRequestException.local(MediaException.SOURCE, "referenceVideo",
                "reference video is required"));
    }

    private CompletableFuture<List<MediaInput>> frames(Path path, int max) {
        return ffmpeg.keyframes(path, max).thenApply(list -> list.stream().map(Keyframe::toMediaInput).toList());
    }

    /** Scheme, host and path only: a URL's query may carry a signature. */
    private static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPath() == null ? "" : uri.getPath());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
