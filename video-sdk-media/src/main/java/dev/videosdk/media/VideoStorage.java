package dev.videosdk.media;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where finished videos and thumbnails are kept: {@link LocalVideoStorage} (a folder) or
 * {@link S3VideoStorage} (any S3-compatible store). Keys are {@code /}-separated relative paths such
 * as the seeds' {@link StorageKeys#video} layout; a key with an empty, {@code .} or {@code ..}
 * segment, a backslash, a leading {@code /} or a control character is refused with an
 * {@link dev.videosdk.InvalidRequestException} naming {@code key}.
 *
 * <p>Calls block on disk or network I/O: run them on your own executor (or a durable-queue step),
 * not on the SDK's scheduler or HTTP threads. Failures are {@link StorageException}s, a missing
 * object on {@link #open} is a {@link dev.videosdk.NotFoundException}. Implementations are
 * thread-safe. Storing under an existing key replaces the object (so a step rerun after a crash
 * writes the same key again, never a duplicate), and a reader sees either the old or the new whole
 * object, never a partial one.
 */
public interface VideoStorage {
    /** Stores a file under {@code key} with the given MIME type (e.g. {@code video/mp4}). */
    StoredObject store(String key, Path file, String contentType);

    /**
     * Stores a stream under {@code key}; {@code length} is its size in bytes, or -1 if unknown.
     * The stream is read to its end but not closed.
     */
    StoredObject store(String key, InputStream data, long length, String contentType);

    /** Opens the object for reading; the caller closes the stream. */
    InputStream open(String key);

    /**
     * A URL a consumer can fetch the object from: a presigned GET valid for {@code validity} where
     * the store supports it (S3), else the store's public base URL or a {@code file:} URI.
     */
    URI url(String key, Duration validity);

    /** Deletes the object; returns whether it existed. */
    boolean delete(String key);

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key);

    /**
     * A stored object.
     *
     * @param key         its key
     * @param sizeBytes   its size in bytes
     * @param contentType its MIME type
     */
    record StoredObject(String key, long sizeBytes, String contentType) {
    }
}
