package dev.videosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.spi.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void hmacSha256_matchesRfc4231TestCase2() {
        byte[] mac = WebhookSignatures.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignatures.matches(mac, mac.clone())).isTrue();
        mac[31] ^= 1;
        assertThat(WebhookSignatures.matches(mac, WebhookSignatures.hmacSha256(new byte[] {1}, new byte[] {2}))).isFalse();
    }

    @Test
    void timestampWindow_acceptsInsideAndRejectsOutsideEitherWay() {
        Duration five = Duration.ofMinutes(5);
        assertThat(WebhookSignatures.checkTimestamp("acme", "ts", "1800000300", NOW, five)).isEqualTo(NOW.plusSeconds(300));
        assertThat(WebhookSignatures.checkTimestamp("acme", "ts", " 1799999700 ", NOW, five)).isEqualTo(NOW.minusSeconds(300));
        assertThatThrownBy(() -> WebhookSignatures.checkTimestamp("acme", "ts", "1799999699", NOW, five))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage("acme webhook rejected: ts 1799999699 is too old (more than 300 s before now); rejected as stale or replayed");
        assertThatThrownBy(() -> WebhookSignatures.checkTimestamp("acme", "ts", "1800000301", NOW, five))
                .hasMessage("acme webhook rejected: ts 1800000301 is too new (more than 300 s after now)");
        assertThatThrownBy(() -> WebhookSignatures.checkTimestamp("acme", "ts", "yesterday", NOW, five))
                .hasMessage("acme webhook rejected: ts must be whole Unix seconds, but was yesterday");
    }
}
