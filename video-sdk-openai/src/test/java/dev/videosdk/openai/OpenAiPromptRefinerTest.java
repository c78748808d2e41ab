package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerateOptions;
import dev.videosdk.MediaInput;
import dev.videosdk.PromptUseCase;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RefinementRequest;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.openai.internal.OpenAiProviderFactory;
import dev.videosdk.openai.internal.RefinerPrompts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The refiner's Chat Completions requests (exact shape) and its failure behaviour. */
class OpenAiPromptRefinerTest extends OpenAiWireMockSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String chat(String content) {
        ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
        answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        return answer.toString();
    }

    private OpenAiPromptRefiner refiner() {
        return OpenAiPromptRefiner.fromEnv(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", wm.baseUrl() + "/v1"));
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static String expectedRewrite(PromptUseCase useCase, String extra, String idea) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", RefinerPrompts.rewrite(useCase, extra));
        messages.addObject().put("role", "user").put("content", idea);
        return body.toString();
    }

    @Test
    void withoutImagesOneRewriteCallWithTheExactShape() throws Exception {
        wm.stubFor(post("/v1/chat/completions").willReturn(okJson(chat("\"A calico cat plays a grand piano, slow dolly-in.\""))));

        RefinedPrompt refined = await(refiner().refine(new RefinementRequest("a cat playing piano", List.of(),
                PromptUseCase.GENERAL, null)));

        wm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(expectedRewrite(PromptUseCase.GENERAL, null, "Idea: a cat playing piano"))));
        assertThat(refined.original()).isEqualTo("a cat playing piano");
        assertThat(refined.refined()).isEqualTo("A calico cat plays a grand piano, slow dolly-in.");
        assertThat(refined.imageDescription()).isNull();
    }

    @Test
    void withImagesItDescribesThemFirstThenWritesFromTheDescription() throws Exception {
        wm.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("text")))
                .willReturn(okJson(chat("A gold ring with a round blue sapphire on black velvet."))));
        wm.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.messages[1].content",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("The reference images show")))
                .willReturn(okJson(chat("Macro shot of a sapphire ring turning slowly under a spotlight."))));
        byte[] png = {1, 2, 3, 4};
        RefinementRequest ask = new RefinementRequest("the ring sparkles",
                List.of(MediaInput.url("https://example.com/ring.jpg"), MediaInput.bytes(png, "image/png")),
                PromptUseCase.GEMSTONE_CLOSE_UP, "Keep it under 8 seconds of action.");

        RefinedPrompt refined = await(refiner().refine(ask));

        wm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini", "messages": [
                  {"role": "system", "content": "%s"},
                  {"role": "user", "content": [
                    {"type": "text", "text": "Describe the 2 reference images for a video about: the ring sparkles"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/ring.jpg"}},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AQIDBA=="}}]}]}
                """.formatted(RefinerPrompts.DESCRIBE_IMAGES))));
        wm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(expectedRewrite(
                PromptUseCase.GEMSTONE_CLOSE_UP, "Keep it under 8 seconds of action.",
                "Idea: the ring sparkles\n\nThe reference images show: A gold ring with a round blue sapphire on black velvet."))));
        assertThat(refined.refined()).isEqualTo("Macro shot of a sapphire ring turning slowly under a spotlight.");
        assertThat(refined.imageDescription()).isEqualTo("A gold ring with a round blue sapphire on black velvet.");
    }

    @Test
    void withReferenceVideoFramesItDescribesMotionCameraAndPacingAndTheRewriteSaysWhatItTook() throws Exception {
        String seen = "A white sneaker on grey concrete. Video: the camera orbits slowly left to right around a spinning "
                + "object; one continuous shot, slow, steady pacing.";
        String refined = "A red leather handbag on a marble plinth, the camera orbiting slowly in one continuous shot. "
                + "From the reference video: the slow left-to-right orbit and the calm, uncut pacing.";
        wm.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.messages[1].content[0].type", equalTo("text")))
                .willReturn(okJson(chat(seen))));
        wm.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.messages[1].content",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("images and reference video")))
                .willReturn(okJson(chat(refined))));
        RefinementRequest ask = new RefinementRequest("my handbag", List.of(MediaInput.url("https://example.com/shoe.jpg")),
                PromptUseCase.PRODUCT_VIDEO, null, List.of(MediaInput.bytes(new byte[] {1}, "image/jpeg"),
                        MediaInput.bytes(new byte[] {2}, "image/jpeg"), MediaInput.bytes(new byte[] {3}, "image/jpeg")));

        RefinedPrompt result = await(refiner().refine(ask));

        wm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini", "messages": [
                  {"role": "system", "content": "%s"},
                  {"role": "user", "content": [
                    {"type": "text", "text": "Describe the reference image and the reference video for a video about: my handbag"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/shoe.jpg"}},
                    {"type": "text", "text": "The next 3 images are frames of the reference video, in time order. Describe its motion, camera movement and pacing."},
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,AQ=="}},
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,Ag=="}},
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,Aw=="}}]}]}
                """.formatted(RefinerPrompts.DESCRIBE_REFERENCES))));
        ObjectNode rewrite = (ObjectNode) JSON.readTree(expectedRewrite(PromptUseCase.PRODUCT_VIDEO, null,
                "Idea: my handbag\n\nThe references (images and reference video) show: " + seen));
        ((ObjectNode) rewrite.withArray("messages").get(0)).put("content", RefinerPrompts.rewrite(PromptUseCase.PRODUCT_VIDEO, null)
                + "\n\nA reference video was described: take its motion, camera movement and pacing for the new shot, "
                + "and end the prompt with one sentence that begins \"From the reference video:\" and states what you took from it.");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(rewrite.toString())));
        assertThat(result.refined()).isEqualTo(refined).contains("From the reference video: the slow left-to-right orbit");
        assertThat(result.imageDescription()).isEqualTo(seen);
    }

    @Test
    void framesAloneAreDescribedAsTheReferenceVideo() {
        RefinementRequest ask = new RefinementRequest("a dancer", List.of(), PromptUseCase.GENERAL, null,
                List.of(MediaInput.bytes(new byte[] {9}, "image/jpeg")));

        ObjectNode body = refiner().describeBody(ask);

        assertThat(body.at("/messages/1/content/0/text").asText()).isEqualTo("Describe the reference video for a video about: a dancer");
        assertThat(body.at("/messages/1/content/1/text").asText())
                .startsWith("The next image is a frame of the reference video, in time order.");
        assertThat(body.at("/messages/1/content/2/image_url/url").asText()).isEqualTo("data:image/jpeg;base64,CQ==");
        assertThat(body.at("/messages/1/content").size()).isEqualTo(3);
        assertThat(refiner().rewriteBody(ask, "spins").at("/messages/0/content").asText()).endsWith("states what you took from it.");
    }

    @ParameterizedTest
    @EnumSource(PromptUseCase.class)
    void everyPresetHasItsOwnInstructionsAndKeepsExtraInstructions(PromptUseCase useCase) {
        String system = RefinerPrompts.rewrite(useCase, "Mention rain.");

        assertThat(system).contains("Use case:").endsWith("Also follow these instructions: Mention rain.");
        assertThat(Arrays.stream(PromptUseCase.values()).filter(u -> u != useCase)
                .map(u -> RefinerPrompts.rewrite(u, "Mention rain."))).doesNotContain(system);
        assertThat(RefinerPrompts.rewrite(useCase, "  ")).doesNotContain("Also follow");
    }

    @Test
    void errorsAndRefusalsFailTheFutureWithTypedErrors() {
        wm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\","
                        + " \"param\": null, \"code\": \"invalid_api_key\"}}")));
        Throwable auth = failure(refiner().refine(new RefinementRequest("x", List.of(), PromptUseCase.GENERAL, null)));
        assertThat(auth).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("openai-refiner answered HTTP 401: Incorrect API key provided").hasMessageNotContaining(KEY);

        wm.resetAll();
        wm.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"choices\": [{\"message\": {\"role\": \"assistant\","
                + " \"content\": null, \"refusal\": \"I can't help with that.\"}}]}")));
        assertThat(failure(refiner().refine(new RefinementRequest("x", List.of(), PromptUseCase.GENERAL, null))))
                .isInstanceOf(ContentPolicyException.class).hasMessageContaining("I can't help with that.");
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the future should have failed");
    }

    @Test
    void theClientSendsTheRefinedPromptAndKeepsTheOriginal() {
        wm.stubFor(post("/v1/chat/completions").willReturn(okJson(chat("A sleek watch rotating on a marble plinth."))));
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_p", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_p").willReturn(okJson(video("video_p", "completed", 100))));
        VideoClient c = clientWithRefiner();

        VideoResult result = time.run(c.generate(VideoRequest.text("my watch").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.LUXURY_BRAND, null).build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(
                matchingJsonPath("$.prompt", equalTo("A sleek watch rotating on a marble plinth."))));
        assertThat(result.originalPrompt()).isEqualTo("my watch");
        assertThat(result.promptSent()).isEqualTo("A sleek watch rotating on a marble plinth.");
    }

    @Test
    void aRefinerFailureFailsFastUnlessTheCallerAskedForTheOriginal() {
        wm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"bad model\", \"type\": \"invalid_request_error\", \"param\": \"model\", \"code\": null}}")));
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_o", "queued", 0))));
        wm.stubFor(get("/v1/videos/video_o").willReturn(okJson(video("video_o", "completed", 100))));
        VideoClient c = clientWithRefiner();

        assertThat(failureOf(c.generate(VideoRequest.text("my watch").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.PRODUCT_VIDEO, null).build())))
                .hasMessageContaining("openai-refiner answered HTTP 400: bad model");
        wm.verify(0, postRequestedFor(urlEqualTo("/v1/videos")));

        VideoResult result = time.run(c.generate(VideoRequest.text("my watch").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.PRODUCT_VIDEO, null).refineFallbackToOriginal(true).build()));
        assertThat(result.promptSent()).isEqualTo("my watch");
        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(matchingJsonPath("$.prompt", equalTo("my watch"))));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        assertThat(refiner().toString()).doesNotContain(KEY).contains("key redacted");
        assertThat(OpenAiPromptRefiner.builder().apiKey("k").model("gpt-4.1-mini").build().model()).isEqualTo("gpt-4.1-mini");
    }

    private VideoClient clientWithRefiner() {
        return register(VideoClient.builder().withoutDiscovery().providerFactory(new OpenAiProviderFactory())
                .env(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", wm.baseUrl() + "/v1"))
                .promptRefiner(refiner())
                .defaultProvider("openai").clock(time.clock()).scheduler(time.scheduler()).build());
    }
}
