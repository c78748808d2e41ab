package dev.videosdk.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The seeds' post-processing of a downloaded result, as three idempotent steps (for a durable job
 * queue, or on their own after {@code client.download(...)}): transcode, thumbnail, store.
 *
 * <p>Every step writes to a fixed name (work files {@code <workDir>/<userId>/<videoId>.mp4} and
 * {@code _thumb.jpg}, written atomically by {@link Ffmpeg}; storage keys from {@link StorageKeys}),
 * so a rerun after a crash finds either nothing or a complete file, reuses what is complete, and
 * produces the same keys — never a second copy. {@link #process} skips everything when both keys
 * are already stored.
 *
 * <pre>{@code
 * MediaSteps steps = new MediaSteps(ffmpeg, new LocalVideoStorage(Path.of("storage")), Path.of("work"));
 * client.download(result.video(), downloaded).join();
 * MediaSteps.Stored s = steps.process("u1", "v42", downloaded, TranscodeOptions.defaults(), ThumbnailOptions.defaults()).join();
 * }</pre>
 */
public final class MediaSteps {
    private final Ffmpeg ffmpeg;
    private final VideoStorage storage;
    private final Path workDir;

    /** Keys of a processed video. */
    public record Stored(String videoKey, String thumbnailKey) {
    }

    /** Steps running {@code ffmpeg}, storing into {@code storage}, with work files under {@code workDir}. */
    public MediaSteps(Ffmpeg ffmpeg, VideoStorage storage, Path workDir) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** The work file of the transcoded video. */
    public Path workVideo(String userId, String videoId) {
        return workDir.resolve(StorageKeys.id("userId", userId)).resolve(StorageKeys.id("videoId", videoId) + ".mp4");
    }

    /** The work file of the thumbnail. */
    public Path workThumbnail(String userId, String videoId) {
        return workDir.resolve(StorageKeys.id("userId", userId))
                .resolve(StorageKeys.id("videoId", videoId) + "_thumb.jpg");
    }

    /** Step 1: transcodes {@code downloaded} to the work video, unless a complete one is there. */
    public CompletableFuture<Path> transcode(String userId, String videoId, Path downloaded, TranscodeOptions options) {
        Path out = workVideo(userId, videoId);
        if (Files.isRegularFile(out)) {
            return CompletableFuture.completedFuture(out);
        }
        mkdirs(out);
        return ffmpeg.transcode(downloaded, out, options).thenApply(info -> out);
    }

    /** Step 2: writes the work thumbnail from {@code video}, unless a complete one is there. */
    public CompletableFuture<Path> thumbnail(String userId, String videoId, Path video, ThumbnailOptions options) {
        Path out = workThumbnail(userId, videoId);
        if (Files.isRegularFile(out)) {
            return CompletableFuture.completedFuture(out);
        }
        mkdirs(out);
        return ffmpeg.thumbnail(video, out, options);
    }

    /** Step 3 (blocking): stores both files under the seeds' keys (replacing what is there), then deletes them. */
    public Stored store(String userId, String videoId, Path video, Path thumbnail) {
        Stored keys = new Stored(StorageKeys.video(userId, videoId), StorageKeys.thumbnail(userId, videoId));
        storage.store(keys.videoKey(), video, "video/mp4");
        storage.store(keys.thumbnailKey(), thumbnail, "image/jpeg");
        try {
            Files.deleteIfExists(video);
            Files.deleteIfExists(thumbnail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * All three steps; completes at once when both keys are already stored. The store step runs on
     * the thread that completed the thumbnail (an FFmpeg worker); storage is blocking I/O.
     */
    public CompletableFuture<Stored> process(String userId, String videoId, Path downloaded,
                                             TranscodeOptions transcode, ThumbnailOptions thumbnail) {
        Stored keys = new Stored(StorageKeys.video(userId, videoId), StorageKeys.thumbnail(userId, videoId));
        if (storage.exists(keys.videoKey()) && storage.exists(keys.thumbnailKey())) {
            return CompletableFuture.completedFuture(keys);
        }
        return transcode(userId, videoId, downloaded, transcode)
                .thenCompose(video -> thumbnail(userId, videoId, video, thumbnail)
                        .thenApply(thumb -> store(userId, videoId, video, thumb)));
    }

    private static void mkdirs(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }
}
