package dev.videosdk.veo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The operation parser never reports a success without videos and never throws on odd answers. */
class OperationParserPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final VideoJob JOB = ProviderData.withKeyId(VideoJob.of("veo", "models/m/operations/o", "m", NOW), "veo#1");
    private final OperationParser parser = new OperationParser("veo",
            new GoogleErrors("veo", Clock.fixed(NOW, ZoneOffset.UTC)), Duration.ofDays(2));
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    @Property
    void everySampleBecomesAnAssetInOrder(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 99999) Integer> ids,
                                          @ForAll boolean vertexShape) {
        ObjectNode op = f.objectNode().put("done", true);
        ObjectNode result = vertexShape ? op.putObject("response") : op.putObject("response").putObject("generateVideoResponse");
        for (int id : ids) {
            String uri = "https://generativelanguage.googleapis.com/v1beta/files/f" + id + ":download?alt=media";
            if (vertexShape) {
                result.withArray("videos").addObject().put("gcsUri", "gs://b/" + id + ".mp4");
            } else {
                result.withArray("generatedSamples").addObject().putObject("video").put("uri", uri);
            }
        }

        JobStatus status = parser.parse(op, JOB, NOW);

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets()).hasSize(ids.size());
        assertThat(status.assets().get(0).uri().toString()).contains(String.valueOf(ids.get(0)));
        assertThat(status.assets()).allSatisfy(a -> assertThat(ProviderData.keyId(a)).isEqualTo("veo#1"));
    }

    @Property
    void finishedWithoutSamplesIsAlwaysAContentPolicyFailure(@ForAll @IntRange(min = 0, max = 4) int filtered,
                                                             @ForAll @Size(max = 3) List<String> reasons) {
        ObjectNode op = f.objectNode().put("done", true);
        ObjectNode result = op.putObject("response").putObject("generateVideoResponse").put("raiMediaFilteredCount", filtered);
        reasons.forEach(result.withArray("raiMediaFilteredReasons")::add);

        JobStatus status = parser.parse(op, JOB, NOW);

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isInstanceOf(ContentPolicyException.class);
        assertThat(((ContentPolicyException) status.error()).reasons()).isEqualTo(reasons);
    }

    @Property(tries = 500)
    void anyAnswerParsesWithoutThrowing(@ForAll("operations") JsonNode op) {
        JobStatus status = parser.parse(op, JOB, NOW);

        assertThat(status.state() != JobState.SUCCEEDED || !status.assets().isEmpty()).isTrue();
        if (!op.path("done").asBoolean(false)) {
            assertThat(status.state()).isEqualTo(JobState.RUNNING);
        }
    }

    @Provide
    Arbitrary<JsonNode> operations() {
        return node(3);
    }

    /** A JSON value at most {@code depth} levels deep, built from the words Veo answers use. */
    private Arbitrary<JsonNode> node(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(f::textNode),
                Arbitraries.integers().between(-3, 20).map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                Arbitraries.of("https://h/x.mp4", "gs://b/x.mp4", "not a uri", "::", "relative/x").map(f::textNode));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> keys = Arbitraries.of("done", "error", "response", "generateVideoResponse", "generatedSamples",
                "videos", "video", "uri", "gcsUri", "bytesBase64Encoded", "mimeType", "code", "message",
                "raiMediaFilteredCount", "raiMediaFilteredReasons", "generatedVideos");
        Arbitrary<JsonNode> child = node(depth - 1);
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, child).ofMaxSize(4).map(m -> {
            ObjectNode o = f.objectNode();
            m.forEach(o::set);
            return (JsonNode) o;
        });
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(3).map(l -> {
            var a = f.arrayNode();
            l.forEach(a::add);
            return (JsonNode) a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, scalars), net.jqwik.api.Tuple.of(3, objects), net.jqwik.api.Tuple.of(1, arrays));
    }
}
