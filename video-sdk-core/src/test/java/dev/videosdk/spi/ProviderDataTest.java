package dev.videosdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.Cost;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.internal.ValueAccess;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider bookkeeping: reachable only through {@link ProviderData}, kept by copies and tokens, part of equality. */
class ProviderDataTest {
    private static final Instant AT = Instant.parse("2026-11-30T04:00:00Z");
    private static final URI MP4 = URI.create("https://cdn.example/v.mp4");

    private static VideoJob plainJob() {
        return VideoJob.of("acme", "task-1", "m1", AT);
    }

    private static VideoJob keyedJob() {
        return ProviderData.withAttributes(ProviderData.withKeyId(plainJob(), "acme#2"),
                Map.of("endpoint", "image2video", "family", "jobs"));
    }

    @Test
    void jobBookkeeping_setByCopies_leavesTheOriginalAlone() {
        VideoJob plain = plainJob();
        VideoJob keyed = keyedJob();
        VideoJob more = ProviderData.withAttribute(keyed, "family", "veo");

        assertThat(ProviderData.keyId(plain)).isNull();
        assertThat(ProviderData.attributes(plain)).isEmpty();
        assertThat(ProviderData.keyId(keyed)).isEqualTo("acme#2");
        assertThat(ProviderData.attributes(keyed)).containsOnly(Map.entry("endpoint", "image2video"), Map.entry("family", "jobs"));
        assertThat(ProviderData.attribute(keyed, "family")).contains("jobs");
        assertThat(ProviderData.attribute(keyed, "missing")).isEmpty();
        assertThat(ProviderData.attribute(more, "family")).as("replaced in the copy").contains("veo");
        assertThat(ProviderData.attribute(keyed, "family")).as("not in the original").contains("jobs");
        assertThat(ProviderData.keyId(more)).isEqualTo("acme#2");
        assertThat(ProviderData.keyId(ProviderData.withKeyId(keyed, null))).isNull();
        assertThat(ProviderData.attributes(ProviderData.withAttributes(keyed, null))).isEmpty();
        assertThatThrownBy(() -> ProviderData.attributes(keyed).put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ProviderData.withAttribute(keyed, "x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }

    @Test
    void jobBookkeeping_survivesToBuilderAndPublicCopies() {
        Cost cost = new Cost(new BigDecimal("12.5"), "credits", null);
        VideoJob copy = keyedJob().toBuilder().model("m2").build().withEstimatedCost(cost);

        assertThat(copy.model()).isEqualTo("m2");
        assertThat(copy.estimatedCost()).isEqualTo(cost);
        assertThat(ProviderData.keyId(copy)).isEqualTo("acme#2");
        assertThat(ProviderData.attributes(copy)).isEqualTo(ProviderData.attributes(keyedJob()));
    }

    @Test
    void token_roundTripsKeyIdAndAttributes() {
        VideoJob job = keyedJob().withEstimatedCost(new Cost(new BigDecimal("3"), "credits", new BigDecimal("0.01")));

        VideoJob back = VideoJob.fromToken(job.toToken());

        assertThat(ProviderData.keyId(back)).isEqualTo("acme#2");
        assertThat(ProviderData.attributes(back)).isEqualTo(Map.of("endpoint", "image2video", "family", "jobs"));
        assertThat(back).isEqualTo(job).hasSameHashCodeAs(job);
        assertThat(ProviderData.keyId(VideoJob.fromToken(plainJob().toToken()))).isNull();
    }

    @Test
    void jobEquality_includesBookkeeping_toStringLeavesItOut() {
        assertThat(keyedJob()).isEqualTo(keyedJob()).hasSameHashCodeAs(keyedJob());
        assertThat(ProviderData.withKeyId(plainJob(), "acme#1")).isNotEqualTo(ProviderData.withKeyId(plainJob(), "acme#2"));
        assertThat(ProviderData.withAttribute(plainJob(), "a", "1")).isNotEqualTo(plainJob());
        assertThat(keyedJob().toString()).isEqualTo(
                "VideoJob[provider=acme, id=task-1, model=m1, submittedAt=2026-11-30T04:00:00Z, estimatedCost=null]");
    }

    @Test
    void assetKeyId_comesFromItsJob_andCopiesKeepIt() {
        VideoAsset fromFactory = VideoAsset.video(MP4, keyedJob(), AT);
        VideoAsset fromBuilder = VideoAsset.builder().uri(MP4).mimeType("image/webp").variant(VideoAsset.THUMBNAIL)
                .job(keyedJob()).build();
        VideoAsset relabelled = ProviderData.withKeyId(fromFactory, "acme#3");

        assertThat(ProviderData.keyId(fromFactory)).isEqualTo("acme#2");
        assertThat(fromFactory.provider()).isEqualTo("acme");
        assertThat(ProviderData.keyId(fromBuilder)).isEqualTo("acme#2");
        assertThat(ProviderData.keyId(relabelled)).isEqualTo("acme#3");
        assertThat(ProviderData.keyId(fromFactory)).as("original unchanged").isEqualTo("acme#2");
        assertThat(ProviderData.keyId(relabelled.toBuilder().expiresAt(null).build())).isEqualTo("acme#3");
        assertThat(ProviderData.keyId(VideoAsset.of(MP4))).isNull();
        assertThat(relabelled).isNotEqualTo(fromFactory);
        assertThat(ProviderData.withKeyId(relabelled, "acme#2")).isEqualTo(fromFactory).hasSameHashCodeAs(fromFactory);
        assertThat(fromFactory.toString()).doesNotContain("acme#2");
    }

    @Test
    void statusBookkeeping_setByCopies_keptByPublicCopies() {
        JobStatus running = JobStatus.running(40);
        JobStatus raw = ProviderData.withRaw(running, "in_progress", "{\"progress\":40}");
        JobStatus hinted = ProviderData.withPollAfter(raw, Duration.ofMillis(1500));

        assertThat(ProviderData.rawJson(running)).isNull();
        assertThat(ProviderData.pollAfter(running)).isNull();
        assertThat(raw.rawStatus()).isEqualTo("in_progress");
        assertThat(ProviderData.rawJson(raw)).isEqualTo("{\"progress\":40}");
        assertThat(ProviderData.pollAfter(raw)).as("not in the copy it came from").isNull();
        assertThat(ProviderData.pollAfter(hinted)).isEqualTo(Duration.ofMillis(1500));
        assertThat(ProviderData.rawJson(hinted)).isEqualTo("{\"progress\":40}");
        JobStatus messaged = hinted.withMessage("rendering").withCost(new Cost(BigDecimal.ONE, "credits", null));
        assertThat(ProviderData.rawJson(messaged)).isEqualTo("{\"progress\":40}");
        assertThat(ProviderData.pollAfter(messaged)).isEqualTo(Duration.ofMillis(1500));
        assertThat(ProviderData.rawJson(ProviderData.withRawJson(messaged, null))).isNull();
        assertThat(messaged.rawStatus()).isEqualTo("in_progress");
    }

    @Test
    void statusEquality_includesBookkeeping_toStringLeavesItOut() {
        JobStatus a = ProviderData.withPollAfter(JobStatus.running(10), Duration.ofSeconds(2));
        JobStatus b = ProviderData.withPollAfter(JobStatus.running(10), Duration.ofSeconds(2));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(JobStatus.running(10));
        assertThat(ProviderData.withRawJson(a, "{}")).isNotEqualTo(a);
        assertThat(ProviderData.withRawJson(a, "{\"secretish\":1}").toString()).doesNotContain("secretish").doesNotContain("PT2S")
                .isEqualTo("JobStatus[state=RUNNING, progress=10, message=null, assets=[], error=null, rawStatus=null, cost=null]");
    }

    @Test
    void accessIsRegisteredOnce_byTheValueClassItself() {
        assertThat(ProviderData.keyId(keyedJob())).isEqualTo("acme#2"); // VideoJob initialized and registered
        ValueAccess.Jobs registered = ValueAccess.jobs();

        assertThatThrownBy(() -> ValueAccess.register(registered)).isInstanceOf(IllegalStateException.class)
                .hasMessage("value access is registered once, by the value class itself");
        assertThat(ValueAccess.jobs()).isSameAs(registered);
    }

    @Test
    void builders_validateAsTheRecordsDid() {
        assertThatThrownBy(() -> JobStatus.builder().build()).isInstanceOf(NullPointerException.class).hasMessage("state");
        assertThatThrownBy(() -> JobStatus.builder().state(JobState.SUCCEEDED).build())
                .hasMessage("a succeeded status must have assets, but had none");
        assertThatThrownBy(() -> JobStatus.builder().state(JobState.FAILED).build())
                .hasMessage("a failed status must have an error, but had none");
        assertThat(JobStatus.builder().state(JobState.RUNNING).progress(140).build().progress()).isEqualTo(100);
        assertThat(JobStatus.running(-3).progress()).isZero();
        GenerationFailedException boom = new GenerationFailedException("boom", ErrorContext.local("acme"), false, null);
        assertThat(JobStatus.failed(boom).message()).isEqualTo("boom");
        assertThat(JobStatus.succeeded(List.of(VideoAsset.of(MP4))).progress()).isEqualTo(100);
        assertThatThrownBy(() -> VideoJob.builder().provider("acme").submittedAt(AT).build()).hasMessage("id");
        assertThatThrownBy(() -> VideoJob.of("acme", " ", null, AT)).hasMessage("job id must not be blank, but was \" \"");
        assertThatThrownBy(() -> VideoAsset.builder().uri(MP4).variant(VideoAsset.VIDEO).build()).hasMessage("mimeType");
    }
}
