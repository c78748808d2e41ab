package dev.videosdk.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.PromptUseCase;
import dev.videosdk.RefinementRequest;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.openai.internal.CreateVideoBodies;
import dev.videosdk.openai.internal.OpenAiProviderFactory;
import dev.videosdk.openai.internal.VideoProfile;
import dev.videosdk.spi.MultipartBody;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Every body the SDK sends validates against OpenAI's OpenAPI schemas (the extract in
 * {@code src/test/resources/openapi}): create (JSON and multipart) for every request the default
 * OpenAI profile accepts, remix, and both refiner calls. The gateway profile deliberately sends
 * values outside OpenAI's enums (e.g. "16" seconds), so it is not held to them.
 */
class OpenApiBodiesTest {
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VideoProvider PROVIDER = new OpenAiProviderFactory()
            .create(new ProviderConfig("openai", Map.of("OPENAI_API_KEY", "k")));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2};

    @Provide
    Arbitrary<VideoRequest> openAiRequests() {
        Arbitrary<String> prompts = Arbitraries.strings().ofMinLength(1).ofMaxLength(300).filter(p -> !p.isBlank());
        Arbitrary<Integer> seconds = Arbitraries.of(0, 4, 8, 12);
        Arbitrary<AspectRatio> ratios = Arbitraries.of(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9).injectNull(0.3);
        Arbitrary<Resolution> resolutions = Arbitraries.of(Resolution.HD_720P, Resolution.FHD_1080P).injectNull(0.3);
        Arbitrary<String> models = Arbitraries.of("sora-2", "sora-2-pro", "sora-2-pro-2025-10-06", "google/veo-3.1-fast").injectNull(0.2);
        Arbitrary<Integer> inputs = Arbitraries.integers().between(0, 4);
        return net.jqwik.api.Combinators.combine(prompts, seconds, ratios, resolutions, models, inputs)
                .as((prompt, s, ratio, res, model, input) -> {
                    VideoRequest.Builder b = VideoRequest.text(prompt).aspectRatio(ratio).resolution(res).model(model);
                    if (s > 0) b.durationSeconds(s);
                    switch (input) {
                        case 1 -> b.image(MediaInput.url("https://example.com/first.jpg"));
                        case 2 -> b.image(MediaInput.url("data:image/png;base64,iVBORw0KGgo="));
                        case 3 -> b.image(MediaInput.bytes(PNG, "image/png"));
                        case 4 -> b.extra(OpenAiExtras.INPUT_FILE_ID, "file-123");
                        default -> { }
                    }
                    return b.build();
                });
    }

    @Property(tries = 300)
    void everyCreateBodyTheOpenAiProfileSendsValidates(@ForAll("openAiRequests") VideoRequest request) throws Exception {
        try {
            PROVIDER.validate(request);
        } catch (InvalidRequestException rejected) {
            Assume.that(false); // e.g. 1080p with sora-2: never sent
        }
        String model = PROVIDER.capabilities().modelOrDefault(request.model());
        if (CreateVideoBodies.needsMultipart(request)) {
            MultipartBody body = CreateVideoBodies.multipart(request, model, VideoProfile.OPENAI);
            assertThat(SCHEMAS.violations("CreateVideoMultipartBody", multipartAsObject(body))).isEmpty();
        } else {
            ObjectNode body = CreateVideoBodies.json(request, model, VideoProfile.OPENAI);
            assertThat(SCHEMAS.violations("CreateVideoJsonBody", JSON.readTree(JSON.writeValueAsBytes(body)))).isEmpty();
        }
    }

    @Property(tries = 50)
    void remixBodiesValidate(@ForAll @StringLength(min = 1, max = 500) String prompt) {
        Assume.that(!prompt.isBlank());
        VideoRequest request = VideoRequest.text(prompt).extra(OpenAiExtras.REMIX_VIDEO_ID, "video_1").build();
        assertThat(SCHEMAS.violations("CreateVideoRemixBody", CreateVideoBodies.remix(request))).isEmpty();
    }

    @Example
    void refinerBodiesValidateForEveryPreset() {
        OpenAiPromptRefiner refiner = OpenAiPromptRefiner.builder().apiKey("k").build();
        for (PromptUseCase useCase : PromptUseCase.values()) {
            RefinementRequest ask = new RefinementRequest("a ring", List.of(MediaInput.url("https://example.com/a.jpg"),
                    MediaInput.bytes(PNG, "image/png")), useCase, "slow");
            assertThat(SCHEMAS.violations("CreateChatCompletionRequest", refiner.describeBody(ask))).isEmpty();
            assertThat(SCHEMAS.violations("CreateChatCompletionRequest", refiner.rewriteBody(ask, "a gold ring"))).isEmpty();
        }
    }

    @Example
    void theValidatorRejectsWhatOpenAiRejects() throws Exception {
        assertThat(SCHEMAS.violations("CreateVideoJsonBody", JSON.readTree("{\"prompt\": \"x\", \"seconds\": 8}")))
                .anySatisfy(v -> assertThat(v).contains("$.seconds: expected type string"));
        assertThat(SCHEMAS.violations("CreateVideoJsonBody", JSON.readTree("{\"prompt\": \"x\", \"size\": \"1920x1080\"}")))
                .anySatisfy(v -> assertThat(v).contains("not in enum"));
        assertThat(SCHEMAS.violations("CreateVideoJsonBody", JSON.readTree("{\"prompt\": \"\"}")))
                .anySatisfy(v -> assertThat(v).contains("shorter than minLength"));
        assertThat(SCHEMAS.violations("CreateChatCompletionRequest", JSON.readTree("{\"model\": \"m\", \"messages\": []}")))
                .anySatisfy(v -> assertThat(v).contains("fewer than minItems"));
        assertThat(SCHEMAS.violations("CreateChatCompletionRequest",
                JSON.readTree("{\"model\": \"m\", \"messages\": [{\"role\": \"narrator\", \"content\": \"x\"}]}")))
                .anySatisfy(v -> assertThat(v).contains("oneOf"));
    }

    /** The text parts as string fields and a file part as a string (the spec's "format: binary"). */
    static JsonNode multipartAsObject(MultipartBody body) {
        String boundary = body.contentType().replaceFirst(".*boundary=", "");
        String text = new String(body.bytes(), StandardCharsets.ISO_8859_1);
        ObjectNode out = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        for (String chunk : text.split(Pattern.quote("--" + boundary))) {
            if (chunk.startsWith("--") || chunk.isBlank()) {
                continue;
            }
            String content = chunk.substring(2, chunk.length() - 2);
            int split = content.indexOf("\r\n\r\n");
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(content.substring(0, split));
            name.find();
            names.add(name.group(1));
            out.put(name.group(1), new String(content.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        assertThat(names).doesNotHaveDuplicates();
        return out;
    }
}
