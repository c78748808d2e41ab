package dev.videosdk.media.internal;

import dev.videosdk.media.InvalidMediaException;
import dev.videosdk.media.MediaInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeParserTest {
    /**
     * The shape of {@code ffprobe -v error -print_format json -show_format -show_streams} (field
     * names from ffprobe's documentation and its XSD, ffprobe.xsd): numbers of the format section
     * are strings, rates are fractions, a cover image is a video stream with disposition.attached_pic.
     */
    private static final String FFPROBE_JSON = """
            {
              "streams": [
                {"index": 0, "codec_name": "mjpeg", "codec_type": "video", "width": 600, "height": 600,
                 "disposition": {"default": 0, "attached_pic": 1}},
                {"index": 1, "codec_name": "vp9", "codec_type": "video", "width": 1280, "height": 720,
                 "pix_fmt": "yuv420p", "r_frame_rate": "24000/1001", "avg_frame_rate": "24000/1001",
                 "disposition": {"default": 1, "attached_pic": 0}},
                {"index": 2, "codec_name": "opus", "codec_type": "audio", "sample_rate": "48000", "channels": 2}
              ],
              "format": {"filename": "file:/tmp/x.webm", "nb_streams": 3, "format_name": "matroska,webm",
                         "duration": "8.008000", "size": "1234567", "bit_rate": "1233000"}
            }
            """;

    @Test
    void readsFfprobeJsonSkippingCoverImages() {
        MediaInfo info = ProbeParser.fromFfprobeJson(FFPROBE_JSON.getBytes(StandardCharsets.UTF_8), 1, List.of());

        assertThat(info).isEqualTo(new MediaInfo(Duration.ofMillis(8008), 1280, 720, 24000.0 / 1001, "vp9",
                "yuv420p", "opus", "matroska,webm", 1234567));
    }

    @Test
    void ffprobeJsonWithoutVideoIsInvalidMedia() {
        String audioOnly = """
                {"streams": [{"codec_name": "mp3", "codec_type": "audio"}],
                 "format": {"format_name": "mp3", "duration": "3.0", "size": "100"}}""";

        assertThatThrownBy(() -> ProbeParser.fromFfprobeJson(audioOnly.getBytes(StandardCharsets.UTF_8), 100,
                List.of())).isInstanceOf(InvalidMediaException.class).hasMessageContaining("no video stream");
    }

    @Test
    void readsFfmpegSummaryWithNestedParentheses() {
        List<String> stderr = List.of(
                "Input #0, matroska,webm, from 'file:/tmp/b.webm':",
                "  Metadata:",
                "    ENCODER         : Lavf58.76.100",
                "  Duration: 00:01:02.50, start: 0.000000, bitrate: 104 kb/s",
                "  Stream #0:0: Video: vp8, yuv420p(tv, progressive), 320x240, SAR 1:1 DAR 4:3, 23.98 fps, 23.98 tbr,"
                        + " 1k tbn, 1k tbc (default)",
                "  Stream #0:1(eng): Audio: vorbis, 44100 Hz, stereo, fltp (default)",
                "At least one output file must be specified");

        MediaInfo info = ProbeParser.fromFfmpegSummary(stderr, 42);

        assertThat(info).isEqualTo(new MediaInfo(Duration.ofMillis(62_500), 320, 240, 23.98, "vp8", "yuv420p",
                "vorbis", "matroska,webm", 42));
    }

    @Test
    void ffmpegSummaryOfANonMediaFileIsInvalidMediaQuotingFfmpeg() {
        List<String> stderr = List.of("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found",
                "file:/tmp/t.mp4: Invalid data found when processing input");

        assertThatThrownBy(() -> ProbeParser.fromFfmpegSummary(stderr, 6))
                .isInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("moov atom not found")
                .satisfies(e -> assertThat(((InvalidMediaException) e).ffmpegOutput()).hasSize(2));
    }
}
