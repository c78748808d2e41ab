package dev.videosdk.kie.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random JSON, built from Kie's own field names and values so it reaches deep into the parser, never
 * makes it throw anything but a typed {@link VideoException}; and every URL it returns is an
 * absolute http(s) URL that appears verbatim in the input (never constructed).
 */
class KieResultParserPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ErrorContext CTX = ErrorContext.of("kie", 200, null, null);
    private static final List<String> KEYS = List.of("code", "msg", "message", "data", "taskId", "task_id", "successFlag",
            "state", "response", "resultUrls", "fullResultUrls", "originUrls", "info", "resultJson", "videoInfo", "videoUrl",
            "video_url", "result", "video", "url", "errorCode", "errorMessage", "failCode", "failMsg", "progress",
            "completeTime", "expireFlag", "fallbackFlag", "resultUrl", "param", "x");
    private static final List<String> WORDS = List.of("https://cdn.example/v.mp4", "http://a.example/b.mp4",
            "[\"https://cdn.example/j.mp4\"]", "[https://cdn.example/k.mp4, http://x]", "{\"resultUrls\":[\"https://r.example/r.mp4\"]}",
            "{\"resultUrls\":7}", "0", "1", "2", "3", "success", "fail", "waiting", "generating", "queueing", "", "http://",
            "ftp://x/y", "[", "{", "null", "1e999", "-5", "100%", "250", "flagged content policy", "English only");

    private final KieResultParser parser = new KieResultParser("kie", JSON);
    private final VideoJob job = VideoJob.of("kie", "t-prop", "veo3_fast", Instant.parse("2026-01-01T00:00:00Z"));

    @Property(tries = 1000)
    void recordParsing_neverThrowsAnUntypedException(@ForAll("envelopes") JsonNode envelope) {
        for (KieFamily family : KieFamily.values()) {
            JobStatus status = check(envelope, () -> parser.parseRecord(family, envelope, job, CTX));
            Statistics.label(family.name()).collect(status == null ? "typed error" : status.state().name());
        }
        check(envelope, () -> parser.parseHdVideo(envelope, job, CTX));
        check(envelope, () -> parser.parseCallback(envelope, Instant.EPOCH, CTX).status());
    }

    // a fixed seed: success needs code 200, a success flag and a URL drawn together, which 1,000 random
    // tries do not always produce; the coverage check must not make CI flaky
    @Property(tries = 1000, seed = "42")
    void generatedRecords_reachEveryOutcome(@ForAll("envelopes") JsonNode envelope) {
        JobStatus status = check(envelope, () -> parser.parseRecord(KieFamily.VEO, envelope, job, CTX));
        Statistics.collect(status == null ? "typed error" : status.state().name());
        Statistics.coverage(c -> {
            c.check("SUCCEEDED").count(n -> n > 0);
            c.check("FAILED").count(n -> n > 0);
            c.check("RUNNING").count(n -> n > 0);
            c.check("typed error").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void randomScalarsAndArrays_areHandled(@ForAll("anyNode") JsonNode node) {
        check(node, () -> parser.parseRecord(KieFamily.JOBS, node, job, CTX));
        check(node, () -> parser.parseCallback(node, Instant.EPOCH, CTX).status());
    }

    /** Parses; returns the status, or null after a typed error. */
    private static JobStatus check(JsonNode input, Supplier<JobStatus> parse) {
        JobStatus status;
        try {
            status = parse.get();
        } catch (VideoException typed) {
            // the parser's last-resort wrapper (RuntimeException -> ProtocolException) must never be needed
            assertThat(typed.getCause()).as("unexpected internal failure for " + input).isNull();
            return null;
        }
        assertThat(status).isNotNull();
        if (status.state() == JobState.SUCCEEDED) {
            assertThat(status.assets()).isNotEmpty();
            String text = input.toString();
            for (VideoAsset a : status.assets()) {
                assertThat(a.uri().getScheme()).isIn("http", "https");
                assertThat(a.uri().getHost()).isNotNull();
                assertThat(text).contains(a.uri().toString());
            }
        }
        if (status.state() == JobState.FAILED) {
            assertThat(status.error()).isNotNull();
        }
        return status;
    }

    /** Mostly Kie-like envelopes ({@code code}, {@code msg}, {@code data} with Kie's fields), sometimes anything. */
    @Provide
    Arbitrary<JsonNode> envelopes() {
        Arbitrary<String> statusField = Arbitraries.of("successFlag", "state", "none");
        Arbitrary<JsonNode> statusWord = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2", "3", "success", "fail", "waiting", "generating", "new").map(TextNode::valueOf),
                Arbitraries.integers().between(0, 4).map(IntNode::valueOf));
        Arbitrary<JsonNode> kieLike = Combinators.combine(node(0), object(2), statusField, statusWord, object(1))
                .as((code, data, field, word, extra) -> {
                    ObjectNode d = ((ObjectNode) data).deepCopy();
                    if (!field.equals("none")) {
                        d.set(field, word);
                    }
                    ObjectNode o = ((ObjectNode) extra).deepCopy();
                    o.set("code", code);
                    o.set("data", d);
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(8, kieLike), Tuple.of(2, object(2)));
    }

    @Provide
    Arbitrary<JsonNode> anyNode() {
        return node(2);
    }

    private static Arbitrary<JsonNode> node(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(TextNode::valueOf),
                Arbitraries.strings().ofMaxLength(12).map(TextNode::valueOf),
                Arbitraries.integers().between(-1, 600).map(IntNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0, 99.5, -3.2).map(DoubleNode::valueOf),
                Arbitraries.of(NullNode.getInstance(), BooleanNode.TRUE, BooleanNode.FALSE));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> array = node(depth - 1).list().ofMaxSize(3).map(items -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(3, object(depth - 1)), Tuple.of(1, array));
    }

    private static Arbitrary<JsonNode> object(int depth) {
        return Arbitraries.maps(Arbitraries.of(KEYS), node(depth)).ofMaxSize(5).map(fields -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return o;
        });
    }
}
