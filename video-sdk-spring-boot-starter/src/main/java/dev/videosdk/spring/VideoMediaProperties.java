package dev.videosdk.spring;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code videosdk.media.*} and {@code videosdk.storage.*} properties of the auto-configured
 * {@code Ffmpeg} and {@code VideoStorage} beans (video-sdk-media).
 *
 * <pre>
 * # FFmpeg to use; unset: the PATH, else an FFmpeg artifact on the class path
 * videosdk.media.ffmpeg-path=/usr/bin/ffmpeg
 * # local storage folder; default ./video-storage
 * videosdk.storage.local.root=/var/lib/videos
 * # with the AWS SDK's S3 client: S3 instead of local disk
 * videosdk.storage.s3.bucket=my-videos
 * videosdk.storage.s3.region=eu-west-1
 * </pre>
 */
@ConfigurationProperties(prefix = "videosdk")
@SuppressWarnings("missing-explicit-ctor") // Spring binds it (and its nested groups) through the default constructors
public class VideoMediaProperties {

    /** FFmpeg. */
    private final Media media = new Media();

    /** Where videos are stored. */
    private final Storage storage = new Storage();

    public Media getMedia() {
        return media;
    }

    public Storage getStorage() {
        return storage;
    }

    /** FFmpeg settings; unset fields keep Ffmpeg.builder()'s defaults. */
    public static class Media {
        /** Whether to auto-configure Ffmpeg and VideoStorage beans when video-sdk-media is present. */
        private boolean enabled = true;
        /** The ffmpeg executable (skips the search of the PATH and the class path). */
        private Path ffmpegPath;
        /** The ffprobe executable, with ffmpeg-path; optional. */
        private Path ffprobePath;
        /** FFmpeg processes run at once (default 2, range 1 to 64). */
        private Integer maxConcurrentProcesses;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getFfmpegPath() {
            return ffmpegPath;
        }

        public void setFfmpegPath(Path ffmpegPath) {
            this.ffmpegPath = ffmpegPath;
        }

        public Path getFfprobePath() {
            return ffprobePath;
        }

        public void setFfprobePath(Path ffprobePath) {
            this.ffprobePath = ffprobePath;
        }

        public Integer getMaxConcurrentProcesses() {
            return maxConcurrentProcesses;
        }

        public void setMaxConcurrentProcesses(Integer maxConcurrentProcesses) {
            this.maxConcurrentProcesses = maxConcurrentProcesses;
        }
    }

    /** Storage: local disk unless an S3 bucket is set. */
    public static class Storage {
        /** Local disk storage. */
        private final Local local = new Local();
        /** S3 (or S3-compatible) storage; used when bucket is set and the AWS SDK's S3 client is present. */
        private final S3 s3 = new S3();

        public Local getLocal() {
            return local;
        }

        public S3 getS3() {
            return s3;
        }
    }

    /** Local disk storage. */
    public static class Local {
        /** Root folder of the stored files. */
        private Path root = Path.of("video-storage");
        /** Public base URL the files are served under; unset: file: URLs. */
        private URI publicBaseUrl;

        public Path getRoot() {
            return root;
        }

        public void setRoot(Path root) {
            this.root = root;
        }

        public URI getPublicBaseUrl() {
            return publicBaseUrl;
        }

        public void setPublicBaseUrl(URI publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
        }
    }

    /** S3 storage; without access-key the AWS SDK's default credentials chain is used. */
    public static class S3 {
        /** The bucket; setting it selects S3 storage. */
        private String bucket;
        /** Key prefix such as storage/ (must end with /). */
        private String prefix = "";
        /** The region (default us-east-1). */
        private String region = "us-east-1";
        /** Endpoint of an S3-compatible store, e.g. http://minio:9000. */
        private URI endpoint;
        /** Path-style access (host/bucket/key), needed by most S3-compatible stores. */
        private boolean pathStyle;
        /** Static access key id. */
        private String accessKey;
        /** Static secret access key, with access-key. */
        private String secretKey;

        public String getBucket() {
            return bucket;
        }

        public void setBucket(String bucket) {
            this.bucket = bucket;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = endpoint;
        }

        public boolean isPathStyle() {
            return pathStyle;
        }

        public void setPathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }
    }
}
