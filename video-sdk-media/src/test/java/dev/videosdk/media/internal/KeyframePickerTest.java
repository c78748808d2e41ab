package dev.videosdk.media.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyframePickerTest {
    @Test
    void readsShowinfoTimes() {
        List<String> stderr = List.of(
                "[Parsed_showinfo_1 @ 0x55] n:   0 pts:  10240 pts_time:0.8     duration:    512 fmt:yuv420p",
                "frame=    2 fps=0.0 q=-0.0 Lsize=N/A time=00:00:01.16",
                "[Parsed_showinfo_1 @ 0x55] n:   1 pts:  20480 pts_time:1.6     duration:    512");

        assertThat(KeyframePicker.sceneTimes(stderr)).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @Test
    void moreScenesThanWantedAreThinnedEvenly() {
        List<Duration> scenes = List.of(1, 2, 3, 4, 5, 6).stream().map(Duration::ofSeconds).toList();

        assertThat(KeyframePicker.pick(scenes, Duration.ofSeconds(10), 3))
                .extracting(KeyframePicker.Pick::at)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void noScenesGiveSliceMiddles() {
        assertThat(KeyframePicker.pick(List.of(), Duration.ofSeconds(8), 4))
                .containsExactly(new KeyframePicker.Pick(Duration.ofSeconds(1), false),
                        new KeyframePicker.Pick(Duration.ofSeconds(3), false),
                        new KeyframePicker.Pick(Duration.ofSeconds(5), false),
                        new KeyframePicker.Pick(Duration.ofSeconds(7), false));
    }
}
