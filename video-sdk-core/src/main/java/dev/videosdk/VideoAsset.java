package dev.videosdk;

import dev.videosdk.internal.ValueAccess;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A file a job produced: the video itself or a companion (thumbnail, spritesheet). Download it
 * with {@link VideoClient#download(VideoAsset, java.nio.file.Path)}; provider links often expire,
 * see {@link #expiresAt()}.
 *
 * <p>Build one with {@link #of}, {@link #video} or {@link #builder()}; copy with {@link #toBuilder()}.
 * An asset made by a provider also remembers the label of the API key that created its job, so the
 * download uses that key; that bookkeeping is not part of this API (providers reach it through
 * {@link dev.videosdk.spi.ProviderData}). {@link #equals} and {@link #hashCode} include it;
 * {@link #toString()} does not.
 */
public final class VideoAsset {
    /** The main video. */
    public static final String VIDEO = "video";
    /** A still preview image. */
    public static final String THUMBNAIL = "thumbnail";
    /** A spritesheet of frames. */
    public static final String SPRITESHEET = "spritesheet";

    static {
        ValueAccess.register(new ValueAccess.Assets() {
            @Override
            public String keyId(VideoAsset asset) {
                return asset.keyId;
            }

            @Override
            public VideoAsset withKeyId(VideoAsset asset, String keyId) {
                Builder b = asset.toBuilder();
                b.keyId = keyId;
                return b.build();
            }
        });
    }

    private final URI uri;
    private final String mimeType;
    private final Instant expiresAt;
    private final String variant;
    private final String provider;
    private final String keyId;

    private VideoAsset(Builder b) {
        this.uri = Objects.requireNonNull(b.uri, "uri");
        this.mimeType = Objects.requireNonNull(b.mimeType, "mimeType");
        this.expiresAt = b.expiresAt;
        this.variant = Objects.requireNonNull(b.variant, "variant");
        this.provider = b.provider;
        this.keyId = b.keyId;
    }

    /** A plain MP4 video at a URL, from no provider (downloaded without credentials). */
    public static VideoAsset of(URI uri) {
        return builder().uri(uri).mimeType("video/mp4").variant(VIDEO).build();
    }

    /** An MP4 video made by {@code job} (downloaded with the job's key). */
    public static VideoAsset video(URI uri, VideoJob job, Instant expiresAt) {
        return builder().uri(uri).mimeType("video/mp4").expiresAt(expiresAt).variant(VIDEO).job(job).build();
    }

    /** An empty builder; {@code uri}, {@code mimeType} and {@code variant} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this asset's values (bookkeeping included). */
    public Builder toBuilder() {
        Builder b = new Builder().uri(uri).mimeType(mimeType).expiresAt(expiresAt).variant(variant).provider(provider);
        b.keyId = keyId;
        return b;
    }

    /** Where the file is. */
    public URI uri() {
        return uri;
    }

    /** Its MIME type, e.g. {@code video/mp4}. */
    public String mimeType() {
        return mimeType;
    }

    /** When the link stops working, or null if unknown. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** What it is: {@link #VIDEO}, {@link #THUMBNAIL}, {@link #SPRITESHEET} or a provider word. */
    public String variant() {
        return variant;
    }

    /** The provider that made it, or null for a plain URL (then no credentials are sent). */
    public String provider() {
        return provider;
    }

    /** True for the main video. */
    public boolean isVideo() {
        return VIDEO.equals(variant);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof VideoAsset a && uri.equals(a.uri) && mimeType.equals(a.mimeType)
                && Objects.equals(expiresAt, a.expiresAt) && variant.equals(a.variant)
                && Objects.equals(provider, a.provider) && Objects.equals(keyId, a.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, mimeType, expiresAt, variant, provider, keyId);
    }

    @Override
    public String toString() {
        return "VideoAsset[uri=" + uri + ", mimeType=" + mimeType + ", expiresAt=" + expiresAt + ", variant=" + variant
                + ", provider=" + provider + "]";
    }

    /** Builds a {@link VideoAsset}; not thread-safe. */
    public static final class Builder {
        private URI uri;
        private String mimeType;
        private Instant expiresAt;
        private String variant;
        private String provider;
        private String keyId;

        private Builder() {
        }

        /** Where the file is (required). */
        public Builder uri(URI value) {
            this.uri = value;
            return this;
        }

        /** Its MIME type, e.g. {@code video/mp4} (required). */
        public Builder mimeType(String value) {
            this.mimeType = value;
            return this;
        }

        /** When the link stops working, or null if unknown. */
        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /** What it is, e.g. {@link #VIDEO} (required). */
        public Builder variant(String value) {
            this.variant = value;
            return this;
        }

        /** The provider that made it, or null for a plain URL (no credentials are sent). */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /** Made by this job: takes the job's provider and the key its calls use. */
        public Builder job(VideoJob job) {
            this.provider = job.provider();
            this.keyId = job.keyIdForAssets();
            return this;
        }

        /**
         * The asset.
         *
         * @throws NullPointerException naming {@code uri}, {@code mimeType} or {@code variant} if unset
         */
        public VideoAsset build() {
            return new VideoAsset(this);
        }
    }
}
