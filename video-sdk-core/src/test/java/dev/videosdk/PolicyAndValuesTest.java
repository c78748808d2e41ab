package dev.videosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.internal.http.RetryAfter;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolicyAndValuesTest {

    @Property
    void pollingDelay_staysWithinJitterBoundsAndCap(@ForAll @IntRange(min = 1, max = 60) int attempt,
                                                    @ForAll @DoubleRange(min = 0.0, max = 0.99) double r) {
        PollingPolicy p = PollingPolicy.defaults();
        Duration base = p.baseDelayBefore(attempt);
        Duration d = p.delayBefore(attempt, null, () -> r);
        assertThat(d.toMillis()).isBetween((long) Math.floor(base.toMillis() * 0.9), (long) Math.ceil(base.toMillis() * 1.1));
        assertThat(base).isLessThanOrEqualTo(p.maxInterval());
    }

    @Test
    void pollingBaseDelay_growsByMultiplierUpToMax() {
        PollingPolicy p = PollingPolicy.defaults();
        assertThat(p.baseDelayBefore(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.baseDelayBefore(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.baseDelayBefore(3)).isEqualTo(Duration.ofMillis(7500));
        assertThat(p.baseDelayBefore(20)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pollingHint_replacesComputedDelayButIsCappedAtMaxInterval() {
        PollingPolicy p = PollingPolicy.fixed(Duration.ofSeconds(10));
        assertThat(p.delayBefore(3, Duration.ofSeconds(2), () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayBefore(3, Duration.ofMinutes(5), () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void pollingPolicy_validationMessagesNameFieldRuleAndValue() {
        PollingPolicy d = PollingPolicy.defaults();
        assertThatThrownBy(() -> d.withInterval(Duration.ZERO)).hasMessage("interval must be more than zero, but was PT0S");
        assertThatThrownBy(() -> d.withJitter(1.5)).hasMessage("jitter must be between 0 and 1, but was 1.5");
        assertThatThrownBy(() -> d.withMaxAttempts(0)).hasMessage("maxAttempts must be at least 1, but was 0");
        assertThatThrownBy(() -> d.withTimeout(Duration.ofSeconds(-1))).hasMessage("timeout must be more than zero, but was PT-1S");
        assertThatThrownBy(() -> d.withBackoff(0.5, Duration.ofSeconds(30))).hasMessage("multiplier must be at least 1, but was 0.5");
        assertThatThrownBy(() -> d.withInitialDelay(Duration.ofSeconds(-2))).hasMessage("initialDelay must be zero or more, but was PT-2S");
        assertThatThrownBy(() -> d.baseDelayBefore(0)).hasMessage("attempt must be at least 1, but was 0");
    }

    @Property
    void retryBackoff_isFullJitterUnderTheCappedCeiling(@ForAll @IntRange(min = 1, max = 30) int retry,
                                                        @ForAll @DoubleRange(min = 0.0, max = 0.99) double r) {
        RetryPolicy p = RetryPolicy.defaults();
        Duration ceiling = p.ceilingBefore(retry);
        assertThat(ceiling).isLessThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoffBefore(retry, () -> r)).isBetween(Duration.ZERO, ceiling);
    }

    @Test
    void retryPolicy_validationMessages() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxRetries(-1)).hasMessage("maxRetries must be zero or more, but was -1");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessage("maxBackoff must be at least initialBackoff (PT2S), but was PT1S");
    }

    @Test
    void retryAfter_readsMillisSecondsAndHttpDate() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("250", "9", now)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.parse(null, "9", now)).contains(Duration.ofSeconds(9));
        assertThat(RetryAfter.parse(null, "Thu, 01 Jan 2026 00:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(null, "Wed, 31 Dec 2025 23:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(null, "soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, null, now)).isEmpty();
    }

    @Test
    void jobToken_roundTripsEveryField() {
        VideoJob job = ProviderData.withAttributes(ProviderData.withKeyId(VideoJob.of("kling", "task-42", "kling-v1-6",
                Instant.parse("2026-03-04T05:06:07Z")), "kling#2"), Map.of("family", "image2video"));
        String token = job.toToken();
        assertThat(token).startsWith("vj1.").doesNotContain("=").doesNotContain("/").doesNotContain("+");
        assertThat(VideoJob.fromToken(token)).isEqualTo(job);
    }

    @Test
    void jobToken_rejectsGarbageWithClearMessage() {
        assertThatThrownBy(() -> VideoJob.fromToken("hello")).isInstanceOf(dev.videosdk.InvalidRequestException.class)
                .hasMessage("job token must start with vj1., but was hello");
        assertThatThrownBy(() -> VideoJob.fromToken("vj1.!!!")).hasMessageStartingWith("job token is damaged");
    }

    @Test
    void videoRequest_validationMessages() {
        assertThatThrownBy(() -> VideoRequest.text("  ").build()).hasMessage("prompt must not be blank, but was \"  \"");
        assertThatThrownBy(() -> VideoRequest.text(null).build()).isInstanceOf(dev.videosdk.InvalidRequestException.class)
                .hasMessage("prompt must not be blank, but was null");
        assertThatThrownBy(() -> VideoRequest.text("x").duration(Duration.ZERO).build())
                .hasMessage("duration must be positive, but was PT0S");
        assertThatThrownBy(() -> VideoRequest.text("x").lastFrame(MediaInput.url("https://a/b.png")).build())
                .hasMessage("lastFrame must come with a first image, but images was empty");
        assertThatThrownBy(() -> MediaInput.url("ftp://a/b.png")).hasMessage("media URL must be http(s), gs or data, but was ftp://a/b.png");
        assertThatThrownBy(() -> MediaInput.bytes(new byte[0], "image/png")).hasMessage("media bytes must not be empty, but was 0 bytes");
    }

    @Test
    void mediaBytes_toStringDoesNotDumpContent() {
        assertThat(MediaInput.bytes(new byte[] {1, 2, 3}, "image/png").toString()).isEqualTo("Bytes[image/png, 3 bytes]");
    }

    @Test
    void aspectRatioAndResolution_parse() {
        assertThat(AspectRatio.parse("16:9")).isEqualTo(AspectRatio.LANDSCAPE_16_9);
        assertThat(AspectRatio.parse("9x16")).isEqualTo(AspectRatio.PORTRAIT_9_16);
        assertThatThrownBy(() -> AspectRatio.parse("wide")).hasMessage("aspect ratio must be like 16:9, but was wide");
        assertThat(Resolution.parse("1080P")).isEqualTo(Resolution.FHD_1080P);
        assertThatThrownBy(() -> Resolution.parse("8k")).hasMessage("resolution must be one of 480p, 720p, 1080p, 4k, but was 8k");
    }

    @Test
    void statusTable_unknownWordsCountAsRunning() {
        StatusTable t = StatusTable.builder().queued("submitted").running("processing").succeeded("succeed").failed("failed").build();
        assertThat(t.stateOf("SUCCEED")).isEqualTo(JobState.SUCCEEDED);
        assertThat(t.stateOf("THROTTLED")).isEqualTo(JobState.RUNNING);
        assertThat(t.stateOf(null)).isEqualTo(JobState.RUNNING);
        assertThat(t.known("expired")).isEmpty();
    }

    @Test
    void providerConfig_namesTheVariableToSetAndNeverPrintsValues() {
        ProviderConfig c = new ProviderConfig("kling", Map.of("KLING_API_KEY", " k1 , k2,", "KLING_API_URL", "https://x.example/"));
        assertThat(c.list("KLING_API_KEY")).containsExactly("k1", "k2");
        assertThat(c.baseUri("KLING_API_URL", "https://default")).isEqualTo(URI.create("https://x.example"));
        assertThat(c.toString()).doesNotContain("k1").contains("KLING_API_KEY");
        assertThatThrownBy(() -> c.require("KLING_ACCESS_KEY")).isInstanceOf(ConfigurationException.class)
                .hasMessage("kling is not configured: set KLING_ACCESS_KEY");
        ProviderConfig bad = new ProviderConfig("kie", Map.of("KIE_BASE_URL", "not a url"));
        assertThatThrownBy(() -> bad.baseUri("KIE_BASE_URL", "https://api.kie.ai"))
                .hasMessage("KIE_BASE_URL must be an absolute http(s) URL, but was not a url");
    }
}
