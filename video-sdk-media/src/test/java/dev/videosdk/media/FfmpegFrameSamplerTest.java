package dev.videosdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FFmpeg frame sampler on a generated clip of three coloured scenes (red, white, blue). */
class FfmpegFrameSamplerTest {
    @TempDir
    static Path dir;
    static Ffmpeg ffmpeg;
    static Path scenes;

    @BeforeAll
    static void setUp() throws Exception {
        ffmpeg = Ffmpeg.create();
        scenes = TestMedia.threeScenes(ffmpeg, dir.resolve("scenes.mp4"));
    }

    @AfterAll
    static void tearDown() {
        ffmpeg.close();
    }

    @Test
    void aFileGivesJpegFramesInTimeOrder() throws Exception {
        List<MediaInput> frames = new FfmpegFrameSampler(ffmpeg).sample(MediaInput.file(scenes), 3).join();

        assertThat(frames).hasSize(3).allSatisfy(f -> assertThat(f.mimeType()).isEqualTo("image/jpeg"));
        assertThat(dominant(frames.get(0))).isEqualTo("red");
        assertThat(dominant(frames.get(1))).isEqualTo("white");
        assertThat(dominant(frames.get(2))).isEqualTo("blue");
    }

    @Test
    void bytesAreReadFromATemporaryCopyThatIsDeletedAfterwards() throws Exception {
        FfmpegFrameSampler sampler = new FfmpegFrameSampler(ffmpeg);
        long tempsBefore = temps();

        List<MediaInput> fromBytes = sampler.sample(MediaInput.bytes(Files.readAllBytes(scenes), "video/mp4"), 2).join();

        assertThat(fromBytes).hasSize(2);
        assertThat(dominant(fromBytes.get(1))).isEqualTo("blue");
        assertThat(temps()).isEqualTo(tempsBefore);
    }

    @Test
    void aUrlIsRefusedBeforeRunningFfmpegWithoutItsQuery() {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> new FfmpegFrameSampler(ffmpeg).sample(MediaInput.url("https://example.com/v.mp4?sig=s3cret"), 4).join());

        assertThat(e.getCause()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("https://example.com/v.mp4 is not local")
                .hasMessageNotContaining("s3cret");
        assertThat(((InvalidRequestException) e.getCause()).parameter()).contains("referenceVideo");
    }

    private static long temps() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("videosdk-reference-")).count();
        }
    }

    private static String dominant(MediaInput frame) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(frame.toBytes().data()));
        int rgb = img.getRGB(img.getWidth() / 2, img.getHeight() / 2);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 200 && g > 200 && b > 200) {
            return "white";
        }
        return r > 200 ? "red" : b > 200 ? "blue" : "other";
    }
}
