package dev.videosdk.examples.spring;

import dev.videosdk.ConfigurationException;
import dev.videosdk.jobs.PostProcessingStep;
import dev.videosdk.jobs.StepContext;
import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.MediaInfo;
import dev.videosdk.media.StorageKeys;
import dev.videosdk.media.ThumbnailOptions;
import dev.videosdk.media.TranscodeOptions;
import dev.videosdk.media.VideoStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The queue's post-processing step {@code media}: the downloaded video becomes an H.264 MP4 (transcoded only
 * when it is not one already), gets a JPEG thumbnail, and both go into the {@link VideoStorage} under the seeds'
 * keys ({@code {userId}/videos/{taskId}.mp4}, {@code ..._thumb.jpg}); then the job's work files are deleted.
 *
 * <p>Safe to rerun (a crash mid-step): it writes fixed names and skips everything when both keys are stored.
 * Outputs: {@code videoKey}, {@code thumbnailKey} (absent when FFmpeg cannot be found: the video is then
 * stored as downloaded, without a thumbnail) and {@code transcoded} ({@code true}/{@code false}).
 */
final class MediaStep implements PostProcessingStep {
    static final String NAME = "media";
    private static final Logger LOG = LoggerFactory.getLogger(MediaStep.class);

    private final ObjectProvider<Ffmpeg> ffmpeg;
    private final VideoStorage storage;

    MediaStep(ObjectProvider<Ffmpeg> ffmpeg, VideoStorage storage) {
        this.ffmpeg = ffmpeg;
        this.storage = storage;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> run(StepContext context) throws Exception {
        String owner = context.record().owner();
        String videoKey = StorageKeys.video(owner, context.queueId());
        String thumbnailKey = StorageKeys.thumbnail(owner, context.queueId());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("videoKey", videoKey);
        if (storage.exists(videoKey) && storage.exists(thumbnailKey)) {
            out.put("thumbnailKey", thumbnailKey);
            return out;
        }
        Path video = context.video();
        if (video == null) {
            throw new IllegalStateException("the queue has no work directory (videosdk.queue.work-directory), so no video was downloaded");
        }
        Ffmpeg tool = ffmpegOrNull();
        if (tool == null) {
            storage.store(videoKey, video, "video/mp4");
            out.put("transcoded", "false");
        } else {
            MediaInfo info = tool.probe(video).join();
            boolean transcode = !isH264Mp4(info);
            Path mp4 = video;
            if (transcode) {
                mp4 = context.workDir().resolve("h264.mp4");
                tool.transcode(video, mp4, TranscodeOptions.defaults()).join();
            }
            Path thumbnail = context.workDir().resolve("thumb.jpg");
            tool.thumbnail(mp4, thumbnail, thumbnailOptions(info)).join();
            storage.store(videoKey, mp4, "video/mp4");
            storage.store(thumbnailKey, thumbnail, "image/jpeg");
            out.put("thumbnailKey", thumbnailKey);
            out.put("transcoded", Boolean.toString(transcode));
        }
        deleteTree(context.workDir());
        return out;
    }

    /**
     * The seeds' cover (first frame, JPEG) at the video's own size shrunk to fit 1280×720, never enlarged: a
     * 160×90 video gets a 160×90 thumbnail, a 1920×1080 one 1280×720, a 1080×1920 one 405×720. The defaults
     * when the size is unknown.
     */
    static ThumbnailOptions thumbnailOptions(MediaInfo info) {
        ThumbnailOptions defaults = ThumbnailOptions.defaults();
        if (info.width() <= 0 || info.height() <= 0) {
            return defaults;
        }
        double scale = Math.min(1.0, Math.min((double) defaults.width() / info.width(), (double) defaults.height() / info.height()));
        int w = Math.max(16, (int) Math.round(info.width() * scale));
        int h = Math.max(16, (int) Math.round(info.height() * scale));
        return defaults.size(w, h, defaults.fit());
    }

    /** What browsers play everywhere: H.264 in MP4 with 4:2:0 chroma. */
    static boolean isH264Mp4(MediaInfo info) {
        return info.isMp4() && "h264".equals(info.videoCodec())
                && (info.pixelFormat() == null || "yuv420p".equals(info.pixelFormat()));
    }

    private Ffmpeg ffmpegOrNull() {
        try {
            Ffmpeg tool = ffmpeg.getIfAvailable();
            if (tool != null) {
                tool.location();   // the lazy bean locates FFmpeg here
            }
            return tool;
        } catch (ConfigurationException | org.springframework.beans.BeansException e) {
            LOG.warn("FFmpeg not found, storing the video as downloaded and without a thumbnail: {}", e.getMessage());
            return null;
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
