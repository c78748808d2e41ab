package dev.videosdk.media.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chooses the frames of {@code Ffmpeg.keyframes}: scene changes first, then evenly spaced fillers. */
public final class KeyframePicker {
    private static final Pattern PTS_TIME = Pattern.compile("Parsed_showinfo.*\\bpts_time:\\s*([0-9.]+)");
    private static final Duration MIN_GAP = Duration.ofMillis(250);

    /** A chosen frame. */
    public record Pick(Duration at, boolean sceneChange) {
    }

    private KeyframePicker() {
    }

    /** The {@code pts_time} of every frame FFmpeg's {@code showinfo} filter reported, in order. */
    public static List<Duration> sceneTimes(List<String> stderr) {
        List<Duration> times = new ArrayList<>();
        for (String line : stderr) {
            Matcher m = PTS_TIME.matcher(line);
            if (m.find()) {
                times.add(Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * 1e9)));
            }
        }
        return times;
    }

    /**
     * Up to {@code count} picks in time order: scene changes first (evenly chosen among them when there
     * are more), then frames at the middles of {@code count} equal slices of the video, skipping any
     * within 250 ms (or a quarter slice, if shorter) of a pick already made.
     */
    public static List<Pick> pick(List<Duration> scenes, Duration duration, int count) {
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < Math.min(count, scenes.size()); i++) {
            int index = scenes.size() <= count ? i : (int) ((long) i * scenes.size() / count);
            picks.add(new Pick(scenes.get(index), true));
        }
        Duration quarterSlice = duration.dividedBy(4L * count);
        Duration gap = quarterSlice.compareTo(MIN_GAP) < 0 ? quarterSlice : MIN_GAP;
        for (int i = 0; i < count && picks.size() < count; i++) {
            Duration at = duration.multipliedBy(2L * i + 1).dividedBy(2L * count);
            if (picks.stream().noneMatch(p -> p.at().minus(at).abs().compareTo(gap) < 0)) {
                picks.add(new Pick(at, false));
            }
        }
        picks.sort(Comparator.comparing(Pick::at));
        return picks;
    }
}
