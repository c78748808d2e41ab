package dev.videosdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.StepContext;
import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.LocalVideoStorage;
import dev.videosdk.media.MediaInfo;
import dev.videosdk.media.ThumbnailOptions;
import dev.videosdk.testing.FakeVideoProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The {@code media} step on its own, with the FFmpeg the example ships (JAVE's static build unless one is on the
 * PATH): an H.264 MP4 is stored as is, anything else transcoded; a JPEG thumbnail beside it; rerun-safe.
 */
class MediaStepTest {
    private static Ffmpeg ffmpeg;

    @TempDir
    Path dir;

    @BeforeAll
    static void findFfmpeg() {
        ffmpeg = Ffmpeg.create();
    }

    @AfterAll
    static void closeFfmpeg() {
        ffmpeg.close();
    }

    private MediaStep step(LocalVideoStorage storage) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("ffmpeg", ffmpeg));
        return new MediaStep(beans.getBeanProvider(Ffmpeg.class), storage);
    }

    private static StepContext context(String taskId, Path video) {
        Instant t = Instant.parse("2026-11-30T00:00:00Z");
        QueueRecord r = new QueueRecord(taskId, "alice", QueueState.POST_PROCESSING, "fake", null, Map.of(), "fake-1",
                null, 80, 1, List.of(), Map.of("video", video.toString()), 10, null, null, null, false, t, t, t, null);
        return new StepContext(taskId, r, video, video.getParent(), r.outputs());
    }

    private Path job(String taskId, byte[] video, String name) throws Exception {
        Path jobDir = Files.createDirectories(dir.resolve("work").resolve(taskId));
        return Files.write(jobDir.resolve(name), video);
    }

    @Test
    void h264Mp4_storedAsIsWithAJpegThumbnail_workFilesDeleted() throws Exception {
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        Path video = job("t1", FakeVideoProvider.sampleVideo(), "video.mp4");

        Map<String, String> out = step(storage).run(context("t1", video));

        assertThat(out).containsEntry("videoKey", "alice/videos/t1.mp4").containsEntry("thumbnailKey", "alice/videos/t1_thumb.jpg")
                .containsEntry("transcoded", "false");
        assertThat(Files.readAllBytes(storage.pathOf("alice/videos/t1.mp4"))).isEqualTo(FakeVideoProvider.sampleVideo());
        assertThat(Files.readAllBytes(storage.pathOf("alice/videos/t1_thumb.jpg"))).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(video.getParent()).doesNotExist();
    }

    @Test
    void otherCodec_transcodedToH264Mp4() throws Exception {
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        Path mpeg4 = job("t2", new byte[0], "video.mp4");
        make(mpeg4, "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=0.5", "-c:v", "mpeg4", "-f", "mp4");
        assertThat(MediaStep.isH264Mp4(ffmpeg.probe(mpeg4).join())).isFalse();

        Map<String, String> out = step(storage).run(context("t2", mpeg4));

        assertThat(out).containsEntry("transcoded", "true");
        MediaInfo stored = ffmpeg.probe(storage.pathOf("alice/videos/t2.mp4")).join();
        assertThat(stored.videoCodec()).isEqualTo("h264");
        assertThat(MediaStep.isH264Mp4(stored)).isTrue();
    }

    @Test
    void smallVideo_thumbnailKeepsItsSize_neverScaledUp() throws Exception {
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        Path small = job("t5", new byte[0], "video.mp4");
        make(small, "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=0.5", "-c:v", "mpeg4", "-f", "mp4");

        step(storage).run(context("t5", small));

        java.awt.image.BufferedImage thumb = javax.imageio.ImageIO.read(storage.pathOf("alice/videos/t5_thumb.jpg").toFile());
        assertThat(thumb.getWidth()).isEqualTo(160);
        assertThat(thumb.getHeight()).isEqualTo(90);
    }

    @Test
    void thumbnailSize_shrinksToFit1280x720KeepingTheShape_neverGrows() {
        assertThat(size(160, 90)).containsExactly(160, 90);
        assertThat(size(1920, 1080)).containsExactly(1280, 720);
        assertThat(size(1080, 1920)).containsExactly(405, 720);
        assertThat(size(1280, 720)).containsExactly(1280, 720);
        assertThat(size(0, 0)).containsExactly(1280, 720);   // size unknown: the defaults
        assertThat(MediaStep.thumbnailOptions(info(160, 90)).fit()).isEqualTo(ThumbnailOptions.defaults().fit());
    }

    private static int[] size(int width, int height) {
        ThumbnailOptions o = MediaStep.thumbnailOptions(info(width, height));
        return new int[] {o.width(), o.height()};
    }

    private static MediaInfo info(int width, int height) {
        return new MediaInfo(java.time.Duration.ofSeconds(5), width, height, 24, "h264", "yuv420p", null, "mp4", 1000);
    }

    @Test
    void rerunAfterBothAreStored_skipsFfmpegAndKeepsTheKeys() throws Exception {
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        storage.store("alice/videos/t3.mp4", new java.io.ByteArrayInputStream(new byte[] {1}), 1, "video/mp4");
        storage.store("alice/videos/t3_thumb.jpg", new java.io.ByteArrayInputStream(new byte[] {2}), 1, "image/jpeg");
        Path notAVideo = job("t3", "not a video".getBytes(StandardCharsets.UTF_8), "video.mp4");

        Map<String, String> out = step(storage).run(context("t3", notAVideo));

        assertThat(out).containsEntry("videoKey", "alice/videos/t3.mp4").containsEntry("thumbnailKey", "alice/videos/t3_thumb.jpg");
        assertThat(Files.readAllBytes(storage.pathOf("alice/videos/t3.mp4"))).containsExactly(1);
    }

    @Test
    void noFfmpeg_videoStoredAsDownloaded_noThumbnail() throws Exception {
        LocalVideoStorage storage = new LocalVideoStorage(dir.resolve("storage"));
        Path video = job("t4", FakeVideoProvider.sampleVideo(), "video.mp4");
        MediaStep withoutFfmpeg = new MediaStep(new StaticListableBeanFactory().getBeanProvider(Ffmpeg.class), storage);

        Map<String, String> out = withoutFfmpeg.run(context("t4", video));

        assertThat(out).containsEntry("videoKey", "alice/videos/t4.mp4").doesNotContainKey("thumbnailKey");
        assertThat(storage.exists("alice/videos/t4.mp4")).isTrue();
    }

    private static void make(Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.location().ffmpeg().toString(), "-nostdin", "-y", "-loglevel", "error"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
    }
}
