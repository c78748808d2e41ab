package dev.videosdk.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lenient {@code Video} parser: unknown words, odd progress values and missing fields never end a wait early. */
class VideoStatusParserTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final VideoJob JOB = ProviderData.withKeyId(VideoJob.of("openai", "video_1", "sora-2", NOW), "openai#1");

    private static VideoStatusParser parser(String baseUrl) {
        Map<String, String> env = baseUrl == null ? Map.of("OPENAI_API_KEY", "k") : Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", baseUrl);
        return new VideoStatusParser(OpenAiSettings.from(new ProviderConfig("openai", env)));
    }

    private static HttpReply reply(String body, Map<String, List<String>> headers) {
        return new HttpReply("openai", URI.create("https://api.openai.com/v1/videos/video_1"), 200, headers,
                body.getBytes(StandardCharsets.UTF_8), null, "openai#1");
    }

    private static JobStatus parse(VideoStatusParser parser, String body) {
        return parser.parse(JOB, reply(body, Map.of()), NOW);
    }

    @Example
    void onApiOpenAiComAnAssetWithoutExpiresAtExpiresAnHourAfterCompletion() {
        JobStatus done = parse(parser(null), "{\"id\": \"video_1\", \"status\": \"completed\", \"completed_at\": 1767225600}");

        assertThat(done.assets()).allSatisfy(a -> {
            assertThat(a.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767225600).plus(Duration.ofHours(1)));
            assertThat(ProviderData.keyId(a)).isEqualTo("openai#1");
            assertThat(a.uri().toString()).startsWith("https://api.openai.com/v1/videos/video_1/content");
        });
        assertThat(parse(parser("https://gateway.example/v1"), "{\"status\": \"completed\"}").assets().get(0))
                .satisfies(a -> assertThat(a.expiresAt()).isNull());
    }

    @Example
    void gatewaySynonymsAndIdsThatNeedEncoding() {
        VideoJob odd = VideoJob.of("openai", "task/1 2", null, NOW);
        JobStatus done = parser("https://gateway.example").parse(odd, reply("{\"status\": \"SUCCEEDED\"}", Map.of()), NOW);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.assets().get(0).uri().toString()).isEqualTo("https://gateway.example/v1/videos/task%2F1%202/content");
        assertThat(parse(parser(null), "{\"status\": \"processing\", \"progress\": \"45.5%\"}").progress()).isEqualTo(45);
        assertThat(parse(parser(null), "{\"status\": \"pending\"}").state()).isEqualTo(JobState.QUEUED);
    }

    @Example
    void pollAfterHeaderIsReadAndGarbageIgnored() {
        assertThat(ProviderData.pollAfter(parser(null).parse(JOB, reply("{\"status\": \"queued\"}", Map.of("openai-poll-after-ms", List.of("1500"))), NOW))).isEqualTo(Duration.ofMillis(1500));
        assertThat(ProviderData.pollAfter(parser(null).parse(JOB, reply("{\"status\": \"queued\"}", Map.of("openai-poll-after-ms", List.of("soon"))), NOW))).isNull();
    }

    @Provide
    Arbitrary<String> unknownWords() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(20).withCharRange('!', '~')
                .filter(w -> VideoStatusParser.STATUS.known(w).isEmpty() && !w.trim().equalsIgnoreCase("expired"));
    }

    @Property
    void anUnknownStatusIsStillRunning(@ForAll("unknownWords") String word) {
        JobStatus s = parse(parser(null), "{\"status\": " + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(word) + "}");

        assertThat(s.state()).isEqualTo(JobState.RUNNING);
        assertThat(s.rawStatus()).isEqualTo(word);
    }

    @Property
    void progressIsAlwaysAPercentOrNull(@ForAll("progressValues") String json) {
        JobStatus s = parse(parser(null), "{\"status\": \"in_progress\", \"progress\": " + json + "}");

        assertThat(s.progress()).satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).isBetween(0, 100));
    }

    @Provide
    Arbitrary<String> progressValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(8).map(s -> new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString()),
                Arbitraries.of("null", "true", "[]", "{}", "\"NaN\"", "\"1e400\""));
    }
}
