package dev.videosdk;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a job produced: the video itself or a companion (thumbnail, spritesheet). Download it
 * with {@link VideoClient#download(VideoAsset, java.nio.file.Path)}; provider links often expire,
 * see {@link #expiresAt()}.
 *
 * @param uri       where the file is
 * @param mimeType  its MIME type, e.g. {@code video/mp4}
 * @param expiresAt when the link stops working, or null if unknown
 * @param variant   what it is: {@link #VIDEO}, {@link #THUMBNAIL}, {@link #SPRITESHEET} or a provider word
 * @param provider  the provider that made it, or null for a plain URL (then no credentials are sent)
 * @param keyId     label of the key that created the job, or null
 */
public record VideoAsset(URI uri, String mimeType, Instant expiresAt, String variant, String provider, String keyId) {
    /** The main video. */
    public static final String VIDEO = "video";
    /** A still preview image. */
    public static final String THUMBNAIL = "thumbnail";
    /** A spritesheet of frames. */
    public static final String SPRITESHEET = "spritesheet";

    /** Validates. */
    public VideoAsset {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(variant, "variant");
    }

    /** A plain MP4 video at a URL, from no provider (downloaded without credentials). */
    public static VideoAsset of(URI uri) {
        return new VideoAsset(uri, "video/mp4", null, VIDEO, null, null);
    }

    /** An MP4 video made by {@code job}. */
    public static VideoAsset video(URI uri, VideoJob job, Instant expiresAt) {
        return new VideoAsset(uri, "video/mp4", expiresAt, VIDEO, job.provider(), job.keyId());
    }

    /** When the link expires, if known. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** True for the main video. */
    public boolean isVideo() {
        return VIDEO.equals(variant);
    }
}
