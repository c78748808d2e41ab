package dev.videosdk.media;

/**
 * H.264 quality presets of {@link Ffmpeg#transcode}: an x264 constant rate factor (lower is better
 * and larger), an x264 speed preset, and the AAC bitrate used when the input has audio.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>preset</th><th>CRF</th><th>x264 preset</th><th>AAC</th></tr>
 *   <tr><td>LOW</td><td>28</td><td>veryfast</td><td>96 kb/s</td></tr>
 *   <tr><td>MEDIUM</td><td>23 (x264's default)</td><td>medium</td><td>128 kb/s</td></tr>
 *   <tr><td>HIGH</td><td>18 (visually lossless for most content)</td><td>slow</td><td>192 kb/s</td></tr>
 * </table>
 */
public enum Quality {
    /** CRF 28, preset veryfast, AAC 96 kb/s: previews and mobile. */
    LOW(28, "veryfast", 96),
    /** CRF 23, preset medium, AAC 128 kb/s: the default. */
    MEDIUM(23, "medium", 128),
    /** CRF 18, preset slow, AAC 192 kb/s: archive quality. */
    HIGH(18, "slow", 192);

    private final int crf;
    private final String preset;
    private final int audioKbps;

    Quality(int crf, String preset, int audioKbps) {
        this.crf = crf;
        this.preset = preset;
        this.audioKbps = audioKbps;
    }

    /** The x264 constant rate factor. */
    public int crf() {
        return crf;
    }

    /** The x264 speed preset. */
    public String x264Preset() {
        return preset;
    }

    /** The AAC bitrate in kb/s. */
    public int audioKbps() {
        return audioKbps;
    }
}
