package dev.videosdk.spring;

import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.LocalVideoStorage;
import dev.videosdk.media.S3VideoStorage;
import dev.videosdk.media.VideoStorage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures video-sdk-media's {@link Ffmpeg} and a {@link VideoStorage} from the
 * {@code videosdk.media.*} and {@code videosdk.storage.*} properties ({@link VideoMediaProperties}).
 *
 * <p>{@code Ffmpeg} is lazy: FFmpeg is located at first use, so an application that never transcodes
 * starts without it; that first use fails with a {@code ConfigurationException} saying what to install
 * when FFmpeg cannot be found. The storage is an {@link S3VideoStorage} when {@code videosdk.storage.s3.bucket}
 * is set and the AWS SDK's S3 client is on the class path, else a {@link LocalVideoStorage} under
 * {@code videosdk.storage.local.root} (default {@code ./video-storage}). Both are closed with the
 * context. Your own {@code Ffmpeg} or {@code VideoStorage} bean replaces ours; turn both off with
 * {@code videosdk.media.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(Ffmpeg.class)
@ConditionalOnProperty(prefix = "videosdk.media", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(VideoMediaProperties.class)
public class VideoMediaAutoConfiguration {

    /** Needed by Spring. */
    public VideoMediaAutoConfiguration() {
    }

    /** FFmpeg, located at first use; closed with the context. */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    public Ffmpeg ffmpeg(VideoMediaProperties properties) {
        VideoMediaProperties.Media media = properties.getMedia();
        Ffmpeg.Builder builder = Ffmpeg.builder();
        PropertyMapper map = PropertyMapper.get();
        map.from(media::getFfmpegPath).to(builder::ffmpegPath);
        map.from(media::getFfprobePath).to(builder::ffprobePath);
        map.from(media::getMaxConcurrentProcesses).to(builder::maxConcurrentProcesses);
        return builder.build();
    }

    /** Local disk storage, unless S3 (registered first, below) or your own storage bean took its place. */
    @Bean
    @ConditionalOnMissingBean
    public VideoStorage videoStorage(VideoMediaProperties properties) {
        VideoMediaProperties.Local local = properties.getStorage().getLocal();
        return new LocalVideoStorage(local.getRoot(), local.getPublicBaseUrl());
    }

    /** S3 storage; as a member class, Spring registers it before the outer class's beans. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3AsyncClient")
    @ConditionalOnProperty(prefix = "videosdk.storage.s3", name = "bucket")
    static class S3 {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(VideoStorage.class)
        S3VideoStorage s3VideoStorage(VideoMediaProperties properties) {
            VideoMediaProperties.S3 s3 = properties.getStorage().getS3();
            S3VideoStorage.Builder builder = S3VideoStorage.builder().bucket(s3.getBucket()).prefix(s3.getPrefix())
                    .region(s3.getRegion()).pathStyle(s3.isPathStyle());
            PropertyMapper.get().from(s3::getEndpoint).to(builder::endpoint);
            if (s3.getAccessKey() != null) {
                builder.credentials(s3.getAccessKey(), s3.getSecretKey());
            }
            return builder.build();
        }
    }
}
