package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoException;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The status parser and the error mapper read any text without breaking their promises. */
class FalParserPropertiesTest {
    private final FalErrors errors = new FalErrors(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));

    @Property(tries = 200, seed = "42")
    void anyStatusWord_isNeverSuccessUnlessCompleted(@ForAll String word) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", word);

        JobState state = FalResponses.state(body);

        if (!word.trim().toUpperCase(Locale.ROOT).equals("COMPLETED")) {
            assertThat(state).isIn(JobState.QUEUED, JobState.RUNNING);
        }
        JobStatus pending = FalResponses.pending(body, body.toString());
        assertThat(pending.state()).isIn(JobState.QUEUED, JobState.RUNNING);
    }

    @Property(tries = 200, seed = "42")
    void anyLogLine_givesProgressWithin0To100OrNone(@ForAll String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "IN_PROGRESS");
        body.putArray("logs").addObject().put("message", message);

        Integer percent = FalResponses.pending(body, "").progress();

        assertThat(percent == null || (percent >= 0 && percent <= 100)).isTrue();
    }

    @Property(tries = 200, seed = "42")
    void anyErrorAnswer_mapsToATypedErrorCarryingTheStatus(@ForAll @IntRange(min = 400, max = 599) int status,
                                                           @ForAll String body) {
        HttpReply reply = new HttpReply("fal", URI.create("https://queue.fal.run/x"), status, Map.of(),
                body.getBytes(StandardCharsets.UTF_8), null, null);

        VideoException error = errors.error(reply);

        assertThat(error).isNotNull();
        assertThat(error.httpStatus()).hasValue(status);
        assertThat(error.provider()).isEqualTo("fal");
    }

    @Property(tries = 200, seed = "42")
    void anyDetailArray_namesTheFirstLocField(@ForAll("fieldNames") String field) {
        String json = "{\"detail\":[{\"loc\":[\"body\",\"" + field + "\"],\"msg\":\"bad\",\"type\":\"value_error\"}]}";
        HttpReply reply = new HttpReply("fal", URI.create("https://queue.fal.run/x"), 422, Map.of("x-fal-request-id",
                List.of("r-1")), json.getBytes(StandardCharsets.UTF_8), null, null);

        VideoException error = errors.error(FalErrors.withFalRequestId(reply));

        assertThat(error).isInstanceOf(dev.videosdk.InvalidRequestException.class);
        assertThat(((dev.videosdk.InvalidRequestException) error).parameter()).contains(field);
        assertThat(error.requestId()).contains("r-1");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> fieldNames() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(20);
    }
}
