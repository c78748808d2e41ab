package dev.videosdk.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.NotFoundException;
import dev.videosdk.VideoException;
import dev.videosdk.openai.OpenAiModelRetiredException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retirement mapping for api.openai.com (providers/openai.md §0). What the API answers after the
 * 2026-09-24 shutdown is unconfirmed (404, 410 or 400 with a model error): all are treated as retired.
 */
class OpenAiErrorMapperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);

    private static dev.videosdk.spi.HttpReply reply(int status, String body) {
        return new dev.videosdk.spi.HttpReply("openai", URI.create("https://api.openai.com/v1/videos"), status,
                Map.of("x-request-id", List.of("req_9")), body.getBytes(StandardCharsets.UTF_8), "req_9", "openai#1");
    }

    private static VideoException map(boolean openAiHost, int status, String body, String model, boolean create) {
        return new OpenAiErrorMapper("openai", openAiHost, CLOCK).forCall(model, create).map(reply(status, body));
    }

    @Test
    void retiredModelOnOpenAiIsAClearTypedError() {
        String body = "{\"error\": {\"message\": \"The model `sora-2` does not exist or you do not have access to it.\","
                + " \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"model_not_found\"}}";

        VideoException e = map(true, 404, body, "sora-2", true);

        assertThat(e).isInstanceOf(OpenAiModelRetiredException.class).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("OpenAI shut the Videos API and its Sora 2 models down on 2026-09-24")
                .hasMessageContaining("The model `sora-2` does not exist")
                .hasMessageContaining("Use another provider")
                .hasMessageContaining("request id req_9");
        assertThat(map(true, 400, body, "sora-2-pro", true)).isInstanceOf(OpenAiModelRetiredException.class);
        assertThat(map(true, 410, "{}", "sora-2", false)).isInstanceOf(OpenAiModelRetiredException.class);
        assertThat(map(true, 404, "<html>Not Found</html>", "sora-2", true)).isInstanceOf(OpenAiModelRetiredException.class);
    }

    @Test
    void aGatewayMissingModelIsAPlainNotFoundAndAPollNotFoundIsNotRetirement() {
        String body = "{\"error\": {\"message\": \"model not found\", \"type\": \"invalid_request_error\", \"code\": \"model_not_found\"}}";

        assertThat(map(false, 404, body, "sora-2", true)).isInstanceOf(NotFoundException.class)
                .isNotInstanceOf(OpenAiModelRetiredException.class);
        assertThat(map(true, 404, "{\"error\": {\"message\": \"no such video\", \"type\": \"invalid_request_error\"}}",
                "sora-2", false)).isNotInstanceOf(OpenAiModelRetiredException.class);
    }

    @Test
    void aVideoObjectWithErrorIsNotAnHttpError() {
        String failedVideo = "{\"id\": \"video_1\", \"object\": \"video\", \"status\": \"failed\","
                + " \"error\": {\"code\": \"x\", \"message\": \"y\"}}";

        assertThat(map(false, 200, failedVideo, "sora-2", false)).isNull();
        assertThat(map(false, 200, "{\"id\": \"video_1\", \"status\": \"queued\", \"error\": null}", "sora-2", false)).isNull();
    }
}
