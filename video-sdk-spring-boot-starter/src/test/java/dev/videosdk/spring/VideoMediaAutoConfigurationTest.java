package dev.videosdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.videosdk.ConfigurationException;
import dev.videosdk.VideoClient;
import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.LocalVideoStorage;
import dev.videosdk.media.S3VideoStorage;
import dev.videosdk.media.VideoStorage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.S3AsyncClient;

class VideoMediaAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VideoSdkAutoConfiguration.class, VideoMediaAutoConfiguration.class))
            .withPropertyValues("videosdk.use-process-environment=false", "videosdk.default-provider=fake");

    @TempDir
    Path dir;

    @Test
    void localStorageByDefault_underTheConfiguredRoot() {
        runner.withPropertyValues("videosdk.storage.local.root=" + dir, "videosdk.storage.local.public-base-url=https://cdn.example/v")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(VideoStorage.class).hasSingleBean(VideoClient.class);
                    LocalVideoStorage storage = (LocalVideoStorage) ctx.getBean(VideoStorage.class);
                    assertThat(storage.root()).isEqualTo(dir.toAbsolutePath().normalize());
                    assertThat(storage.url("a/b.mp4", Duration.ofMinutes(1))).isEqualTo(URI.create("https://cdn.example/v/a/b.mp4"));
                });
    }

    @Test
    void s3Storage_whenBucketSetAndS3ClientPresent() {
        runner.withPropertyValues("videosdk.storage.s3.bucket=videos", "videosdk.storage.s3.prefix=out/",
                        "videosdk.storage.s3.endpoint=http://127.0.0.1:9", "videosdk.storage.s3.path-style=true",
                        "videosdk.storage.s3.access-key=AKIDTEST", "videosdk.storage.s3.secret-key=not-a-secret")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(VideoStorage.class);
                    S3VideoStorage storage = ctx.getBean(S3VideoStorage.class);
                    assertThat(storage.bucket()).isEqualTo("videos");
                    assertThat(storage.objectKey("a.mp4")).isEqualTo("out/a.mp4");
                });
    }

    @Test
    void bucketSetButNoAwsSdk_localStorage() {
        runner.withPropertyValues("videosdk.storage.s3.bucket=videos", "videosdk.storage.local.root=" + dir)
                .withClassLoader(new FilteredClassLoader(S3AsyncClient.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().getBean(VideoStorage.class).isInstanceOf(LocalVideoStorage.class));
    }

    @Test
    void withoutMediaModule_noMediaBeansAndContextLoads() {
        runner.withClassLoader(new FilteredClassLoader(Ffmpeg.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoClient.class)
                        .doesNotHaveBean(VideoStorage.class).doesNotHaveBean(Ffmpeg.class));
    }

    @Test
    void turnedOff_noMediaBeans() {
        runner.withPropertyValues("videosdk.media.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoStorage.class).doesNotHaveBean(Ffmpeg.class));
    }

    @Test
    void userBeansWin() {
        LocalVideoStorage mine = new LocalVideoStorage(dir);
        runner.withBean(VideoStorage.class, () -> mine).withPropertyValues("videosdk.storage.s3.bucket=videos")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(VideoStorage.class);
                    assertThat(ctx.getBean(VideoStorage.class)).isSameAs(mine);
                });
    }

    /** Ffmpeg is located at first use: the context starts without FFmpeg, and the first use says what to install. */
    @Test
    void ffmpegIsLazy_configuredPathUsed_missingFfmpegFailsAtFirstUse() throws Exception {
        Path ffmpeg = Files.createFile(dir.resolve("ffmpeg"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        runner.withPropertyValues("videosdk.media.ffmpeg-path=" + ffmpeg, "videosdk.media.max-concurrent-processes=3")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(Ffmpeg.class);
                    assertThat(ctx.getBean(Ffmpeg.class).location().ffmpeg()).isEqualTo(ffmpeg);
                    assertThat(ctx.getBean(Ffmpeg.class).location().source()).isEqualTo("configured");
                });
        runner.withPropertyValues("videosdk.media.ffmpeg-path=" + dir.resolve("missing"))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(catchThrowable(() -> ctx.getBean(Ffmpeg.class)))
                            .rootCause().isInstanceOf(ConfigurationException.class).hasMessageContaining("is not an executable file");
                });
    }
}
