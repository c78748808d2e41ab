package dev.videosdk.spi;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookReplayGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void firstSeen_sameIdTwiceWithinTheWindow_isAReplay() {
        WebhookReplayGuard guard = new WebhookReplayGuard(10, Duration.ofMinutes(10));

        assertThat(guard.firstSeen("a", T0, T0)).isTrue();
        assertThat(guard.firstSeen("a", T0, T0.plusSeconds(30))).isFalse();
        assertThat(guard.firstSeen("b", T0, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void firstSeen_afterTheWindow_forgetsTheId() {
        WebhookReplayGuard guard = new WebhookReplayGuard(10, Duration.ofMinutes(10));
        guard.firstSeen("a", T0, T0);

        assertThat(guard.firstSeen("a", T0, T0.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void firstSeen_overCapacity_dropsTheOldestFirst() {
        WebhookReplayGuard guard = new WebhookReplayGuard(2, Duration.ofMinutes(10));
        guard.firstSeen("old", T0, T0);
        guard.firstSeen("mid", T0.plusSeconds(1), T0);
        guard.firstSeen("new", T0.plusSeconds(2), T0);

        assertThat(guard.firstSeen("mid", T0.plusSeconds(1), T0)).isFalse();
        assertThat(guard.firstSeen("old", T0, T0)).isTrue();
    }

    @Test
    void constructor_badArguments_sayWhatWasWrong() {
        assertThatThrownBy(() -> new WebhookReplayGuard(0, Duration.ofMinutes(1)))
                .hasMessage("capacity must be at least 1, but was 0");
        assertThatThrownBy(() -> new WebhookReplayGuard(1, Duration.ZERO))
                .hasMessage("window must be positive, but was PT0S");
    }
}
