package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the parsers that read Runway's text: task objects and error bodies. */
class RunwayParserPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-07-30T10:20:00Z");
    private static final VideoJob JOB = VideoJob.of("runway", "T-1", "gen4.5", NOW);
    private static final RunwayErrors ERRORS = new RunwayErrors(Clock.fixed(NOW, ZoneOffset.UTC));

    @Provide
    Arbitrary<String> statusWords() {
        return Arbitraries.oneOf(Arbitraries.of("PENDING", "THROTTLED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED",
                "succeeded", "", "EXPIRED"), Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> outputs() {
        return Arbitraries.oneOf(Arbitraries.of("https://cdn.example.test/v.mp4?sig=1", "http://x.test/y.mp4", "",
                "runway://x", "not a url", "https://", "javascript:alert(1)"), Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<JsonNode> progressValues() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-5, 5).map(d -> RunwayFixture.JSON.getNodeFactory().numberNode(d)),
                Arbitraries.of(RunwayFixture.JSON.getNodeFactory().textNode("0.5"),
                        RunwayFixture.JSON.getNodeFactory().nullNode(),
                        RunwayFixture.JSON.getNodeFactory().numberNode(Double.NaN)));
    }

    @Property(tries = 200)
    void status_neverThrowsAndOnlySucceedsWithAnHttpOutput(@ForAll("statusWords") String word,
                                                           @ForAll @Size(max = 3) List<@From("outputs") String> outputs,
                                                           @ForAll("progressValues") JsonNode progress,
                                                           @ForAll String failure, @ForAll String failureCode) {
        ObjectNode task = RunwayFixture.JSON.createObjectNode().put("id", "T-1").put("status", word)
                .put("failure", failure).put("failureCode", failureCode);
        task.set("progress", progress);
        ArrayNode out = task.putArray("output");
        outputs.forEach(out::add);

        JobStatus status = RunwayTasks.status(task, JOB, NOW, task.toString(), null);

        assertThat(status.rawStatus()).isEqualTo(word);
        if (status.progress() != null) {
            assertThat(status.progress()).isBetween(0, 100);
        }
        if (status.state() == JobState.SUCCEEDED) {
            assertThat(word.trim()).isEqualToIgnoringCase("SUCCEEDED");
            assertThat(status.assets()).isNotEmpty().allSatisfy(a -> assertThat(a.uri().getScheme()).startsWith("http"));
        }
        if (status.state() == JobState.FAILED) {
            assertThat(status.error()).isNotNull();
        }
        boolean known = RunwayTasks.STATUSES.known(word).isPresent();
        if (!known) {
            assertThat(status.state()).isEqualTo(JobState.RUNNING);
        }
    }

    @Property(tries = 200)
    void errors_everyNon2xxBodyMapsToATypedErrorThatKeepsTheStatus(@ForAll @IntRange(min = 400, max = 599) int status,
                                                                      @ForAll String body) {
        HttpReply reply = new HttpReply("runway", URI.create("https://api.dev.runwayml.com/v1/tasks/T-1"), status,
                Map.of(), body.getBytes(StandardCharsets.UTF_8), null, "runway#1");

        VideoException error = ERRORS.map(reply);

        assertThat(error).isNotNull();
        assertThat(error.httpStatus()).hasValue(status);
    }

    @Property(tries = 200)
    void errors_jsonErrorBodiesKeepTheirMessage(@ForAll @IntRange(min = 400, max = 499) int status,
                                                @ForAll("plainMessages") String message) {
        String body = RunwayFixture.JSON.createObjectNode().put("error", message).toString();
        HttpReply reply = new HttpReply("runway", URI.create("https://api.dev.runwayml.com/v1/text_to_video"), status,
                Map.of(), body.getBytes(StandardCharsets.UTF_8), null, "runway#1");

        assertThat(ERRORS.map(reply).getMessage()).contains(message.trim());
    }

    @Provide
    Arbitrary<String> plainMessages() {
        return Arbitraries.strings().alpha().numeric().withChars(' ', '.', ':').ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank() && !s.contains("key_") && !s.toLowerCase().contains("bearer"));
    }
}
