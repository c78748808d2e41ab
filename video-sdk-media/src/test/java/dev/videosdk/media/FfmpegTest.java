package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.testing.VirtualTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class FfmpegTest {
    @TempDir
    static Path dir;
    static Ffmpeg ffmpeg;
    static Path clip;

    @BeforeAll
    static void setUp() throws Exception {
        ffmpeg = Ffmpeg.create();
        clip = TestMedia.mp4WithAudio(ffmpeg, dir.resolve("clip.mp4"), 320, 240, 24, 1);
    }

    @AfterAll
    static void tearDown() {
        ffmpeg.close();
    }

    @Test
    void probeReadsDurationSizeFrameRateCodecsAndContainer() throws Exception {
        MediaInfo info = ffmpeg.probe(clip).join();

        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(240);
        assertThat(info.frameRate()).isCloseTo(24.0, within(0.01));
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.isMp4()).isTrue();
        assertThat(info.duration().toMillis()).isBetween(950L, 1100L);
        assertThat(info.sizeBytes()).isEqualTo(Files.size(clip));
    }

    @ParameterizedTest
    @EnumSource(Quality.class)
    void transcodesToFaststartH264WithEachPresetsCrf(Quality quality) throws Exception {
        Path out = dir.resolve("preset-" + quality + ".mp4");
        List<MediaProgress> progress = new CopyOnWriteArrayList<>();

        MediaInfo info = ffmpeg.transcode(clip, out, TranscodeOptions.builder().quality(quality)
                .onProgress(progress::add).build()).join();

        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.frameRate()).isCloseTo(30.0, within(0.01));
        assertThat(info.width()).isEqualTo(320);
        byte[] bytes = Files.readAllBytes(out);
        // x264 writes its settings into the stream; the preset's CRF must be there
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("crf=" + quality.crf() + ".0");
        assertThat(topLevelBoxes(bytes)).containsSubsequence("moov", "mdat");
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).done()).isTrue();
        assertThat(progress.get(progress.size() - 1).progress()).hasValueCloseTo(100.0, within(5.0));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void webmAt24FpsBecomesH264MpFourAt30Fps() throws Exception {
        Path webm = TestMedia.make(ffmpeg, dir.resolve("in24.webm"), "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=24:duration=1", "-c:v", "libvpx", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "200k");
        assertThat(ffmpeg.probe(webm).join().container()).contains("webm");

        MediaInfo info = ffmpeg.transcode(webm, dir.resolve("from-webm.mp4"), TranscodeOptions.defaults()).join();

        assertThat(info.isMp4()).isTrue();
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.frameRate()).isCloseTo(30.0, within(0.01));
        assertThat(info.audio()).isEmpty();
        assertThat(info.duration().toMillis()).isBetween(950L, 1100L);
    }

    @Test
    void fourKInputIsCappedKeepingTheAspectRatio() throws Exception {
        Path uhd = TestMedia.mp4(ffmpeg, dir.resolve("uhd.mp4"), 3840, 2160, 5, 0.2);

        MediaInfo info = ffmpeg.transcode(uhd, dir.resolve("capped.mp4"), TranscodeOptions.builder()
                .quality(Quality.LOW).maxSize(1920, 1080).build()).join();

        assertThat(info.width()).isEqualTo(1920);
        assertThat(info.height()).isEqualTo(1080);
    }

    @Test
    void thumbnailIsTheFirstFrameAt1280x720WithJpegQuality85() throws Exception {
        Path redThenBlue = TestMedia.make(ffmpeg, dir.resolve("red-blue.mp4"),
                "-f", "lavfi", "-i", "color=c=red:size=320x180:rate=25:duration=0.2",
                "-f", "lavfi", "-i", "color=c=blue:size=320x180:rate=25:duration=0.8",
                "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        Path first = dir.resolve("first.jpg");
        Path later = dir.resolve("later.jpg");

        assertThat(ffmpeg.thumbnail(redThenBlue, first, ThumbnailOptions.defaults()).join()).isEqualTo(first);
        ffmpeg.thumbnail(redThenBlue, later, ThumbnailOptions.defaults().at(Duration.ofMillis(600))).join();

        BufferedImage img = ImageIO.read(first.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(720);
        assertThat(meanRgb(img)).satisfies(rgb -> {
            assertThat(rgb[0]).isGreaterThan(200);
            assertThat(rgb[1]).isLessThan(40);
            assertThat(rgb[2]).isLessThan(40);
        });
        assertThat(meanRgb(ImageIO.read(later.toFile()))[2]).isGreaterThan(200);
        // IJG quality q scales the Annex K luminance table by (200 - 2q) %: 30 % for 85. The JDK rounds in
        // float, so 4 of the 64 entries come out one lower than libjpeg's integer rounding.
        int[] actual = luminanceTable(first);
        assertThat(maxDifference(actual, ijgTable(85))).isLessThanOrEqualTo(1);
        assertThat(maxDifference(actual, ijgTable(80))).isGreaterThan(1);
        assertThat(maxDifference(actual, ijgTable(90))).isGreaterThan(1);
    }

    private static int[] ijgTable(int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] table = JPEGQTable.K1Luminance.getTable();
        for (int i = 0; i < table.length; i++) {
            table[i] = Math.max(1, Math.min(255, (table[i] * scale + 50) / 100));
        }
        return table;
    }

    private static int maxDifference(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void thumbnailPadsOrCropsAnotherAspectRatio() throws Exception {
        Path square = TestMedia.make(ffmpeg, dir.resolve("white43.mp4"), "-f", "lavfi",
                "-i", "color=c=white:size=320x240:rate=25:duration=0.2", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p");
        Path padded = ffmpeg.thumbnail(square, dir.resolve("pad.jpg"), ThumbnailOptions.defaults()).join();
        Path cropped = ffmpeg.thumbnail(square, dir.resolve("crop.jpg"),
                ThumbnailOptions.defaults().size(1280, 720, ThumbnailOptions.Fit.CROP)).join();

        BufferedImage pad = ImageIO.read(padded.toFile());
        BufferedImage crop = ImageIO.read(cropped.toFile());
        assertThat(pad.getRGB(50, 360) & 0xFF).isLessThan(20);      // 160 px black bar on each side
        assertThat(pad.getRGB(640, 360) & 0xFF).isGreaterThan(230);
        assertThat(crop.getRGB(50, 360) & 0xFF).isGreaterThan(230); // no bar
        assertThat(crop.getWidth()).isEqualTo(1280);
    }

    @Test
    void keyframesTakeSceneChangesFirstThenEvenlySpacedFrames() throws Exception {
        Path scenes = TestMedia.threeScenes(ffmpeg, dir.resolve("scenes.mp4"));

        List<Keyframe> two = ffmpeg.keyframes(scenes, 2).join();
        List<Keyframe> three = ffmpeg.keyframes(scenes, 3).join();

        assertThat(two).allMatch(Keyframe::sceneChange);
        assertThat(two).extracting(k -> k.at().toMillis()).containsExactly(400L, 800L);
        assertThat(meanRgb(ImageIO.read(new java.io.ByteArrayInputStream(two.get(0).jpeg())))[0]).isGreaterThan(200);
        assertThat(meanRgb(ImageIO.read(new java.io.ByteArrayInputStream(two.get(0).jpeg())))[2]).isGreaterThan(200);
        assertThat(meanRgb(ImageIO.read(new java.io.ByteArrayInputStream(two.get(1).jpeg())))[2]).isGreaterThan(200);
        assertThat(three).hasSize(3).extracting(Keyframe::sceneChange).containsExactly(false, true, true);
        assertThat(three.get(0).at().toMillis()).isEqualTo(200L); // middle of the first third
        assertThat(three.get(0).toMediaInput()).isNotNull();
    }

    @Test
    void textFileNamedMp4IsInvalidMediaQuotingFfmpeg() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n");

        assertThatThrownBy(() -> ffmpeg.transcode(text, dir.resolve("t.mp4"), TranscodeOptions.defaults()).join())
                .hasCauseInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("Invalid data found when processing input");
        assertThat(dir.resolve("t.mp4")).doesNotExist();
    }

    @Test
    void truncatedMp4IsInvalidMedia() throws Exception {
        byte[] whole = Files.readAllBytes(clip);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> ffmpeg.probe(truncated).join()).hasCauseInstanceOf(InvalidMediaException.class);
        assertThatThrownBy(() -> ffmpeg.thumbnail(truncated, dir.resolve("tr.jpg"), ThumbnailOptions.defaults()).join())
                .hasCauseInstanceOf(InvalidMediaException.class);
        assertThat(dir.resolve("tr.jpg")).doesNotExist();
    }

    @Test
    void emptyAndEnormousInputsAreInvalidMedia() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> ffmpeg.probe(empty).join())
                .hasCauseInstanceOf(InvalidMediaException.class).hasMessageContaining("is empty");

        try (Ffmpeg small = Ffmpeg.builder().maxPixels(320L * 200).build()) {
            assertThatThrownBy(() -> small.probe(clip).join())
                    .hasCauseInstanceOf(InvalidMediaException.class).hasMessageContaining("320x240");
        }
        try (Ffmpeg tiny = Ffmpeg.builder().maxInputBytes(1000).build()) {
            assertThatThrownBy(() -> tiny.probe(clip).join())
                    .hasCauseInstanceOf(InvalidMediaException.class).hasMessageContaining("limit is 1000");
        }
    }

    @Test
    void badPathsFailBeforeFfmpegRuns() {
        assertThatThrownBy(() -> ffmpeg.probe(dir.resolve("missing.mp4")).join())
                .cause().isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("input"));
        assertThatThrownBy(() -> ffmpeg.transcode(clip, clip, TranscodeOptions.defaults()).join())
                .cause().isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("output"));
        assertThatThrownBy(() -> ffmpeg.transcode(clip, dir.resolve("no/such/dir/x.mp4"), TranscodeOptions.defaults())
                .join()).cause().isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TranscodeOptions.builder().frameRate(0).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("frameRate 0");
    }

    @Test
    void cancelKillsTheProcessAndLeavesNoOutput() throws Exception {
        Path longClip = longClip();
        Path out = dir.resolve("cancelled.mp4");
        CompletableFuture<MediaProgress> started = new CompletableFuture<>();

        CompletableFuture<MediaInfo> f = ffmpeg.transcode(longClip, out,
                TranscodeOptions.builder().quality(Quality.HIGH).onProgress(started::complete).build());
        started.get(30, TimeUnit.SECONDS);
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        assertThat(children).isNotEmpty();

        assertThat(f.cancel(true)).isTrue();

        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        awaitNoLeftovers();
        assertThat(out).doesNotExist();
    }

    @Test
    void timeoutKillsTheProcessAndFailsTyped() throws Exception {
        Path longClip = longClip();
        Path out = dir.resolve("timed-out.mp4");
        VirtualTime time = VirtualTime.start();
        try (Ffmpeg timed = Ffmpeg.builder().scheduler(time.scheduler()).build()) {
            CompletableFuture<MediaProgress> started = new CompletableFuture<>();
            CompletableFuture<MediaInfo> f = timed.transcode(longClip, out, TranscodeOptions.builder()
                    .quality(Quality.HIGH).timeout(Duration.ofSeconds(30)).onProgress(started::complete).build());
            started.get(30, TimeUnit.SECONDS);
            List<ProcessHandle> children = ProcessHandle.current().children().toList();

            time.advance(Duration.ofSeconds(29));
            assertThat(f).isNotDone();
            time.advance(Duration.ofSeconds(1));

            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(MediaTimeoutException.class).hasMessageContaining("transcode timed out");
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        awaitNoLeftovers();
        assertThat(out).doesNotExist();
    }

    /** 5 minutes of a 1 fps picture: cheap to make, slow to transcode to 30 fps at HIGH. */
    private static Path longClip() throws Exception {
        Path p = dir.resolve("long.mp4");
        if (!Files.exists(p)) {
            TestMedia.make(ffmpeg, p, "-f", "lavfi", "-i", "testsrc=size=320x180:rate=1:duration=300",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        }
        return p;
    }

    /** Closing waits for the workers, which delete partial files after the killed process exits. */
    private static void awaitNoLeftovers() throws IOException {
        ffmpeg.close();
        ffmpeg = Ffmpeg.create();
        assertThat(leftovers()).isEmpty();
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".part")).toList();
        }
    }

    private static List<String> topLevelBoxes(byte[] mp4) {
        List<String> types = new java.util.ArrayList<>();
        long pos = 0;
        while (pos + 8 <= mp4.length) {
            int i = (int) pos;
            long size = ((mp4[i] & 0xFFL) << 24) | ((mp4[i + 1] & 0xFFL) << 16) | ((mp4[i + 2] & 0xFFL) << 8)
                    | (mp4[i + 3] & 0xFFL);
            types.add(new String(mp4, i + 4, 4, StandardCharsets.ISO_8859_1));
            if (size < 8) {
                break;
            }
            pos += size;
        }
        return types;
    }

    private static int[] meanRgb(BufferedImage img) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 8) {
            for (int x = 0; x < img.getWidth(); x += 8) {
                int rgb = img.getRGB(x, y);
                r += (rgb >> 16) & 0xFF;
                g += (rgb >> 8) & 0xFF;
                b += rgb & 0xFF;
                n++;
            }
        }
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    private static int[] luminanceTable(Path jpeg) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode table = (IIOMetadataNode) root.getElementsByTagName("dqtable").item(0);
            return ((JPEGQTable) table.getUserObject()).getTable();
        } finally {
            reader.dispose();
        }
    }
}
