package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the parsers that read Kling's text: task objects, error bodies, error messages. */
class KlingParserPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final VideoJob JOB = VideoJob.of("kling", "T-1", null, NOW);
    private static final KlingErrors ERRORS = new KlingErrors(
            KlingAuth.of(List.of(Credential.bearer("kling#1", "k"))), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Set<String> SDK_NAMES = KlingParameterNames.wireNames().stream()
            .map(KlingParameterNames::sdkName).collect(Collectors.toSet());

    @Provide
    Arbitrary<String> statusWords() {
        return Arbitraries.oneOf(Arbitraries.of("submitted", "processing", "succeed", "SUCCEED", " failed ", "", "succeeded"),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of("https://cdn.example/v.mp4", "http://x/y.mp4", "", "ftp://x/y",
                        "not a url", "https://", "javascript:alert(1)"),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Property
    void status_neverThrowsAndOnlySucceedsWithAnHttpVideo(@ForAll("statusWords") String word,
                                                          @ForAll @Size(max = 3) List<@From("urls") String> urls,
                                                          @ForAll String reason) {
        ObjectNode task = KlingFixture.JSON.createObjectNode().put("task_id", "T-1").put("task_status", word)
                .put("task_status_msg", reason);
        ArrayNode videos = task.putObject("task_result").putArray("videos");
        urls.forEach(u -> videos.addObject().put("url", u).put("duration", "5"));

        JobStatus status = KlingTasks.status(task, JOB, NOW, task.toString(), null);

        String known = word.trim().toLowerCase(Locale.ROOT);
        if (status.state() == JobState.SUCCEEDED) {
            assertThat(known).isIn("succeed", "succeeded");
            assertThat(status.assets()).isNotEmpty().allSatisfy(a -> assertThat(a.uri().getScheme()).isIn("http", "https"));
        }
        if (!Set.of("submitted", "processing", "succeed", "succeeded", "failed").contains(known)) {
            assertThat(status.state()).as("an unknown word keeps the job running").isEqualTo(JobState.RUNNING);
        }
        if (status.state() == JobState.FAILED) {
            assertThat(status.error()).isNotNull();
        }
        assertThat(ProviderData.rawJson(status)).isEqualTo(task.toString());
    }

    @Property
    void errorMapper_anyBodyAndStatus_returnsAVideoExceptionOrNullOnlyForSuccess(
            @ForAll @IntRange(min = 200, max = 599) int httpStatus,
            @ForAll("bodies") String body) {
        HttpReply reply = new HttpReply("kling", URI.create("https://api.example/v1/videos/text2video"), httpStatus,
                Map.of(), body.getBytes(StandardCharsets.UTF_8), null, "kling#1");

        VideoException create = ERRORS.forCreate("ext-1").map(reply);
        VideoException query = ERRORS.forQuery().map(reply);

        if (httpStatus / 100 != 2) {
            assertThat(create).isNotNull();
            assertThat(query).isNotNull();
        }
        if (create != null) {
            assertThat(create.provider()).isEqualTo("kling");
            assertThat(create.getMessage()).startsWith("kling answered HTTP " + httpStatus);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Integer> codes = Arbitraries.oneOf(Arbitraries.of(0, 1000, 1003, 1004, 1102, 1103, 1201, 1203, 1301,
                1303, 1304, 5000, 5001, 5002), Arbitraries.integers());
        Arbitrary<String> envelopes = Arbitraries.strings().ofMaxLength(40).flatMap(message -> codes.map(code ->
                KlingFixture.JSON.createObjectNode().put("code", code).put("message", message)
                        .put("request_id", "r").toString()));
        return Arbitraries.oneOf(envelopes, Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("", "null", "[]", "{\"code\":\"1303\"}", "{\"code\":1.5}", "<html>502</html>"));
    }

    @Property
    void parameterNames_fieldSurroundedByNonWordText_isFound(@ForAll("wireNames") String wire,
                                                            @ForAll("noise") String before,
                                                            @ForAll("noise") String after) {
        assertThat(KlingParameterNames.inMessage(before + " " + wire + " " + after))
                .contains(KlingParameterNames.sdkName(wire));
    }

    @Property
    void parameterNames_anyText_yieldsAKnownSdkNameOrNothing(@ForAll String message) {
        KlingParameterNames.inMessage(message).ifPresent(name -> assertThat(name).isIn(SDK_NAMES));
    }

    @Property
    void parameterNames_fieldGluedToWordCharacters_isNotFound(@ForAll("wireNames") String wire) {
        assertThat(KlingParameterNames.inMessage("x" + wire + "_1")).isEmpty();
    }

    @Provide
    Arbitrary<String> wireNames() {
        return Arbitraries.of(KlingParameterNames.wireNames());
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars(" .,:;'\"()[]{}=-!?0123456789").ofMaxLength(20);
    }
}
