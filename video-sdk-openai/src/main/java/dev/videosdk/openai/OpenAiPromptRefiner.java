package dev.videosdk.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.MediaInput;
import dev.videosdk.PromptRefiner;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RefinementRequest;
import dev.videosdk.VideoException;
import dev.videosdk.internal.SdkVersion;
import dev.videosdk.openai.internal.OpenAiErrorMapper;
import dev.videosdk.openai.internal.OpenAiSettings;
import dev.videosdk.openai.internal.RefinerPrompts;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PromptRefiner} on OpenAI's Chat Completions API (or any compatible gateway): rewrites a
 * user's prompt for video generation with a use-case preset and extra instructions; with 1–3
 * reference images it first describes them (vision input, URL or data URI) and writes the prompt
 * from that description. With frames of a reference video ({@link RefinementRequest#referenceVideoFrames()})
 * the same description step also gets the frames, labeled and in time order, and describes the
 * video's motion, camera movement and pacing; the rewrite is told to end the prompt with a sentence
 * "From the reference video: …" saying what it took (ADR 0026), and
 * {@link RefinedPrompt#imageDescription()} holds the description of images and video. Non-blocking ({@code sendAsync}); a failure fails the future with a
 * {@link VideoException} (the client falls back to the original prompt only when asked to).
 *
 * <pre>{@code
 * PromptRefiner refiner = OpenAiPromptRefiner.fromEnv(VideoClient.environment());      // OPENAI_API_KEY, OPENAI_BASE_URL
 * VideoClient client = VideoClient.builder().promptRefiner(refiner).build();
 * client.generate(request, GenerateOptions.builder().refinePrompt(PromptUseCase.PRODUCT_VIDEO, null).build());
 * }</pre>
 */
public final class OpenAiPromptRefiner implements PromptRefiner {
    /** Model used when none is configured: small, fast and able to read images. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** Variable naming the refiner's model. */
    public static final String MODEL_VARIABLE = "OPENAI_REFINER_MODEL";
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiPromptRefiner.class);
    private static final String LABEL = "openai-refiner";

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final String organization;
    private final String project;
    private final HttpClient http;
    private final Duration timeout;
    private final OpenAiErrorMapper errors;
    private final ObjectMapper json = Json.mapper();

    private OpenAiPromptRefiner(Builder b) {
        URI base = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
        this.model = Objects.requireNonNull(b.model, "model");
        this.organization = b.organization;
        this.project = b.project;
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = b.timeout;
        // false: the Videos API shutdown does not concern Chat Completions
        this.errors = new OpenAiErrorMapper(LABEL, false, Clock.systemUTC());
    }

    /** A builder; {@link Builder#apiKey(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A refiner configured like the {@code openai} provider: {@code OPENAI_API_KEY} (the first key of a
     * pool) or {@code OPENAI_API_KEY_PRO}, {@code OPENAI_BASE_URL} or {@code OPENAI_BASE_URL_PRO},
     * {@code OPENAI_ORG_ID}, {@code OPENAI_PROJECT_ID}, and {@code OPENAI_REFINER_MODEL}.
     *
     * @throws dev.videosdk.ConfigurationException naming the variable to set
     */
    public static OpenAiPromptRefiner fromEnv(Map<String, String> env) {
        ProviderConfig config = new ProviderConfig(LABEL, env);
        OpenAiSettings settings = OpenAiSettings.from(config);
        return builder().baseUrl(settings.baseUri()).apiKey(settings.keys().get(0))
                .model(config.get(MODEL_VARIABLE).orElse(DEFAULT_MODEL))
                .organization(settings.organization()).project(settings.project()).build();
    }

    /** The model this refiner asks. */
    public String model() {
        return model;
    }

    @Override
    public CompletableFuture<RefinedPrompt> refine(RefinementRequest request) {
        CompletableFuture<String> description;
        try {
            description = request.referenceImages().isEmpty() && request.referenceVideoFrames().isEmpty()
                    ? CompletableFuture.completedFuture(null) : complete(describeBody(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return description.thenCompose(seen -> complete(rewriteBody(request, seen))
                .thenApply(refined -> new RefinedPrompt(request.prompt(), refined, seen)));
    }

    /**
     * The chat body of the description step: instructions, then a text part, the reference images,
     * and with reference-video frames a text label followed by the frames in time order (ADR 0026).
     */
    ObjectNode describeBody(RefinementRequest request) {
        List<MediaInput> frames = request.referenceVideoFrames();
        int images = request.referenceImages().size();
        ObjectNode body = json.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content",
                frames.isEmpty() ? RefinerPrompts.DESCRIBE_IMAGES : RefinerPrompts.DESCRIBE_REFERENCES);
        ArrayNode parts = messages.addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", frames.isEmpty()
                ? RefinerPrompts.describeRequest(images, request.prompt())
                : RefinerPrompts.describeRequestWithVideo(images, request.prompt()));
        addImages(parts, request.referenceImages());
        if (!frames.isEmpty()) {
            parts.addObject().put("type", "text").put("text", RefinerPrompts.framesLabel(frames.size()));
            addImages(parts, frames);
        }
        return body;
    }

    private static void addImages(ArrayNode parts, List<MediaInput> images) {
        for (MediaInput image : images) {
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", imageUrl(image));
        }
    }

    /** The chat body of the rewrite step. */
    ObjectNode rewriteBody(RefinementRequest request, String imageDescription) {
        ObjectNode body = json.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        boolean video = !request.referenceVideoFrames().isEmpty();
        messages.addObject().put("role", "system").put("content",
                RefinerPrompts.rewrite(request.useCase(), request.extraInstructions(), video));
        messages.addObject().put("role", "user").put("content", video
                ? RefinerPrompts.ideaWithReferences(request.prompt(), imageDescription)
                : RefinerPrompts.idea(request.prompt(), imageDescription));
        return body;
    }

    /** A URL as is; bytes and files as a base64 data URI. */
    static String imageUrl(MediaInput image) {
        if (image instanceof MediaInput.Url url) {
            return url.uri().toString();
        }
        MediaInput.Bytes bytes = image.toBytes();
        return "data:" + bytes.mimeType() + ";base64," + bytes.base64();
    }

    private CompletableFuture<String> complete(ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", SdkVersion.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (timeout != null) {
            request.timeout(timeout);
        }
        if (organization != null) {
            request.header("OpenAI-Organization", organization);
        }
        if (project != null) {
            request.header("OpenAI-Project", project);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new ProviderUnavailableException(LABEL + " could not reach " + endpoint + ": " + failure,
                                ErrorContext.local(LABEL), failure);
                    }
                    return answer(response);
                });
    }

    private String answer(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        HttpReply reply = new HttpReply(LABEL, endpoint, response.statusCode(), headers, response.body(),
                response.headers().firstValue("x-request-id").orElse(null), null);
        VideoException error = errors.forCall(model, false).map(reply);
        if (error == null && !reply.isSuccess()) {
            error = HttpErrors.byStatus(reply, null, null, Clock.systemUTC().instant());
        }
        if (error != null) {
            throw error;
        }
        JsonNode message = reply.json().path("choices").path(0).path("message");
        Optional<String> refusal = text(message.path("refusal"));
        if (refusal.isPresent()) {
            throw new ContentPolicyException(LABEL + " refused: " + refusal.get(), List.of(refusal.get()),
                    reply.context(null), null);
        }
        String content = text(message.path("content")).orElseGet(() -> joinedParts(message.path("content"))).trim();
        if (content.length() > 1 && content.startsWith("\"") && content.endsWith("\"")) {
            content = content.substring(1, content.length() - 1).trim();
        }
        if (content.isEmpty()) {
            throw new ProtocolException(LABEL + " answered without text: " + reply.excerpt(), reply.context(null), null);
        }
        LOG.debug("{} ({}) answered {} characters", LABEL, model, content.length());
        return content;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static String joinedParts(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.path("text").asText("")));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "OpenAiPromptRefiner[" + endpoint + ", model " + model + ", key redacted]";
    }

    /** Builds an {@link OpenAiPromptRefiner}. */
    public static final class Builder {
        private URI baseUrl = URI.create(OpenAiSettings.DEFAULT_BASE_URL);
        private String apiKey;
        private String model = DEFAULT_MODEL;
        private String organization;
        private String project;
        private HttpClient httpClient;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** API base including the version path (default {@code https://api.openai.com/v1}). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** API base including the version path. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        /** The API key (required); never logged. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The chat model (default {@code gpt-4o-mini}); it must read images if reference images are used. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The {@code OpenAI-Organization} header, or null. */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The {@code OpenAI-Project} header, or null. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The HTTP client to use (default: a new one; it is not shut down by the refiner). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Response timeout per call (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the refiner.
         *
         * @throws NullPointerException when the API key is missing
         */
        public OpenAiPromptRefiner build() {
            return new OpenAiPromptRefiner(this);
        }
    }
}
