package dev.videosdk.media;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class MediaStepsTest {
    static Ffmpeg ffmpeg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ffmpeg = Ffmpeg.create();
    }

    @AfterAll
    static void stop() {
        ffmpeg.close();
    }

    @Test
    void processWritesTheSeedsLayoutAndARerunDoesNoWorkAndNoDuplicates() throws Exception {
        Path downloaded = TestMedia.mp4WithAudio(ffmpeg, dir.resolve("download.mp4"), 320, 240, 24, 0.5);
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        MediaSteps steps = new MediaSteps(ffmpeg, storage, dir.resolve("work"));

        MediaSteps.Stored keys = steps.process("u1", "v1", downloaded, TranscodeOptions.defaults(),
                ThumbnailOptions.defaults()).join();

        assertThat(keys).isEqualTo(new MediaSteps.Stored("u1/videos/v1.mp4", "u1/videos/v1_thumb.jpg"));
        assertThat(ffmpeg.probe(dir.resolve("storage/u1/videos/v1.mp4")).join().videoCodec()).isEqualTo("h264");
        BufferedImage thumb = ImageIO.read(dir.resolve("storage/u1/videos/v1_thumb.jpg").toFile());
        assertThat(thumb.getWidth()).isEqualTo(1280);
        assertThat(filesUnder(dir.resolve("work"))).isZero();

        Files.delete(downloaded); // a rerun that tried to transcode again would fail
        assertThat(steps.process("u1", "v1", downloaded, TranscodeOptions.defaults(), ThumbnailOptions.defaults())
                .join()).isEqualTo(keys);
        assertThat(filesUnder(dir.resolve("storage"))).isEqualTo(2);
    }

    @Test
    void aRerunAfterACrashBeforeStoringReusesTheCompleteWorkFiles() throws Exception {
        Path downloaded = TestMedia.mp4(ffmpeg, dir.resolve("download.mp4"), 320, 240, 24, 0.5);
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        MediaSteps steps = new MediaSteps(ffmpeg, storage, dir.resolve("work"));
        Path video = steps.transcode("u2", "v2", downloaded, TranscodeOptions.defaults()).join();
        steps.thumbnail("u2", "v2", video, ThumbnailOptions.defaults()).join();
        // crash here: nothing stored yet

        Files.delete(downloaded);
        MediaSteps.Stored keys = steps.process("u2", "v2", downloaded, TranscodeOptions.defaults(),
                ThumbnailOptions.defaults()).join();

        assertThat(storage.exists(keys.videoKey())).isTrue();
        assertThat(storage.exists(keys.thumbnailKey())).isTrue();
        assertThat(filesUnder(dir.resolve("storage"))).isEqualTo(2);
    }

    private static long filesUnder(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
