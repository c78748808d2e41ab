package dev.videosdk.kling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results in Kling's documented alternative field, and download answers through Kling's error mapping (issue 12). */
class KlingResultTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final VideoJob JOB = VideoJob.of("kling", "T-1", null, NOW);

    private static JsonNode task(String videoFields) throws Exception {
        return KlingFixture.JSON.readTree("{\"task_id\":\"T-1\",\"task_status\":\"succeed\",\"updated_at\":1767225600000,"
                + "\"task_result\":{\"videos\":[{\"id\":\"v1\"," + videoFields + ",\"duration\":\"5.1\"}]}}");
    }

    @Test
    void status_watermarkUrlOnly_isTheVideo_withTheVariantNoted() throws Exception {
        JsonNode t = task("\"watermark_url\":\"https://cdn.example-kling-host/wm/video.mp4\"");

        JobStatus status = KlingTasks.status(t, JOB, NOW, t.toString(), "req-1");

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets()).singleElement().satisfies(a -> {
            assertThat(a.uri()).isEqualTo(URI.create("https://cdn.example-kling-host/wm/video.mp4"));
            assertThat(a.variant()).isEqualTo(VideoAsset.VIDEO);
        });
        assertThat(status.message()).isEqualTo("video length 5.1 s; only the watermarked copy (watermark_url) was given");
    }

    @Test
    void status_urlAndWatermarkUrl_keepsBothWithTheirVariants() throws Exception {
        JsonNode t = task("\"url\":\"https://cdn.example-kling-host/v.mp4\",\"watermark_url\":\"https://cdn.example-kling-host/wm.mp4\"");

        JobStatus status = KlingTasks.status(t, JOB, NOW, t.toString(), null);

        assertThat(status.assets()).extracting(VideoAsset::variant).containsExactly(VideoAsset.VIDEO, KlingTasks.WATERMARKED);
        assertThat(status.message()).isEqualTo("video length 5.1 s");
    }

    @Test
    void status_neitherUrl_isStillAProtocolFailure() throws Exception {
        JsonNode t = task("\"watermark_url\":\"\"");

        JobStatus status = KlingTasks.status(t, JOB, NOW, t.toString(), null);

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).hasMessageContaining("gave no video URL");
    }

    @Test
    void downloadErrors_envelopeInA200_isKlingsError() {
        KlingProvider provider = new KlingProvider(URI.create("https://api-singapore.klingai.com"),
                KlingAuth.of(List.of(Credential.bearer("kling#1", "k"))));
        byte[] body = "{\"code\":1302,\"message\":\"rate limited\",\"request_id\":\"r-9\"}".getBytes(StandardCharsets.UTF_8);
        HttpReply reply = new HttpReply("kling", URI.create("https://cdn.example-kling-host/v.mp4"), 200,
                Map.of("content-type", List.of("application/json")), body, null, null);

        VideoException e = provider.downloadErrors(new TestContext(dev.videosdk.testing.VirtualTime.start())).map(reply);

        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(e.errorCode()).contains("1302");
    }
}
