package dev.videosdk.veo.internal;

import dev.videosdk.spi.ErrorMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.AspectRatio;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProtocolException;
import dev.videosdk.QualityTier;
import dev.videosdk.Resolution;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.veo.VeoExtras;
import dev.videosdk.veo.VeoModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Gemini API and Vertex AI share: capabilities, rules, the {@code instances[0]} /
 * {@code parameters} request envelope, operation parsing and the 10-second polling Google's
 * samples use. Subclasses add their URLs, auth and poll call.
 */
abstract class VeoProvider implements VideoProvider {
    /** Largest image inlined (documented for Veo 2; assumed for the others). */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Logger LOG = LoggerFactory.getLogger(VeoProvider.class);
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/-]*");

    private final String id;
    private final CredentialPool credentials;
    private final ProviderCapabilities capabilities;
    private final VeoRules rules;
    private final MediaResolver media;
    private final Consumer<String> warnings;
    private final Set<String> warnedModels = ConcurrentHashMap.newKeySet();

    VeoProvider(String id, Surface surface, CredentialPool credentials, List<String> models, Consumer<String> warnings) {
        this.id = id;
        this.credentials = credentials;
        this.warnings = warnings == null ? LOG::warn : warnings;
        ProviderCapabilities.Builder builder = ProviderCapabilities.builder()
                .models(true, models.toArray(String[]::new))
                .durationsSeconds(4, 5, 6, 8)
                .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
                .resolutions(Resolution.HD_720P, Resolution.FHD_1080P, Resolution.UHD_4K)
                .maxImages(1).lastFrame(true).maxReferenceImages(3).referenceVideo(true)
                .imageInputs(true, true).imageMimeTypes(IMAGE_TYPES.stream().sorted().toArray(String[]::new))
                .maxImageBytes(MAX_IMAGE_BYTES)
                .negativePrompt(true);
        declareModels(builder, surface);
        this.capabilities = builder.build();
        this.rules = new VeoRules(id, surface);
        this.media = new MediaResolver(id, capabilities.imageMimeTypes(), MAX_IMAGE_BYTES);
    }

    /**
     * Per-model tiers, limits and defaults (veo.md §2.1): 3.1 is the HIGH tier, Fast and Lite
     * STANDARD; Lite has no 4k; 720p and 8 s are the defaults; on the Gemini API Veo 3.x always
     * generates audio.
     */
    private static void declareModels(ProviderCapabilities.Builder builder, Surface surface) {
        builder.model(model(VeoModels.VEO_3_1, QualityTier.HIGH, surface).build())
                .model(model(VeoModels.VEO_3_1_VERTEX, QualityTier.HIGH, surface).build())
                .model(model(VeoModels.VEO_3_1_FAST, QualityTier.STANDARD, surface).build())
                .model(model(VeoModels.VEO_3_1_FAST_VERTEX, QualityTier.STANDARD, surface).build())
                .model(model(VeoModels.VEO_3_1_LITE, QualityTier.STANDARD, surface)
                        .resolutions(Resolution.HD_720P, Resolution.FHD_1080P).build());
    }

    private static ModelCapabilities.Builder model(String id, QualityTier tier, Surface surface) {
        ModelCapabilities.Builder b = ModelCapabilities.builder(id).tier(tier).durationsSeconds(4, 6, 8)
                .defaultDurationSeconds(8).defaultResolution(Resolution.HD_720P);
        return surface == Surface.GEMINI ? b.audioByDefault(true) : b;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ProviderCapabilities capabilities() {
        return capabilities;
    }

    /** Every 10 s as in all of Google's samples, ±10 % jitter, 15 minutes overall. */
    @Override
    public PollingPolicy defaultPolling() {
        return PollingPolicy.fixed(Duration.ofSeconds(10)).withJitter(0.1);
    }

    @Override
    public final void validate(VideoRequest request) {
        rules.check(request, capabilities.modelOrDefault(request.model()));
    }

    final CredentialPool credentials() {
        return credentials;
    }

    /** The create call's URI for {@code model}. */
    abstract java.net.URI submitUri(String model);

    /** The status call for an operation name that passed {@link #checkOperationName}. */
    abstract HttpCall.Builder statusCall(VideoJob job);

    /** Surface-only parameters (e.g. Vertex AI's seed and storageUri). */
    abstract void addSurfaceParameters(ObjectNode parameters, VideoRequest request);

    /** How long an http(s) result link stays valid, or null if unknown. */
    abstract Duration retention();

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        String model = capabilities.modelOrDefault(request.model());
        if (VeoModels.isDeprecated(model) && warnedModels.add(model)) {
            warnings.accept(id + ": model " + model + " is deprecated by Google and may stop working; move to "
                    + VeoModels.VEO_3_1 + " or " + VeoModels.VEO_3_1_FAST);
        }
        GoogleErrors errors = new GoogleErrors(id, ctx.clock());
        return body(request, ctx).thenCompose(body -> ctx.http().send(HttpCall.post(submitUri(model))
                        .json(body).credentials(credentials).errors(errors::map).build()))
                .thenApply(reply -> accepted(reply, model, ctx));
    }

    private VideoJob accepted(HttpReply reply, String model, ProviderContext ctx) {
        String name = GoogleErrors.text(reply.json(), "name");
        if (name == null) {
            throw new ProtocolException(id + " accepted the request but returned no operation name: " + reply.excerpt(),
                    reply.context(null), null);
        }
        return ProviderData.withKeyId(VideoJob.of(id, name, model, ctx.clock().instant()), reply.credentialId());
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        try {
            checkOperationName(job.id());
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        GoogleErrors errors = new GoogleErrors(id, ctx.clock());
        OperationParser parser = new OperationParser(id, errors, retention());
        return ctx.http().send(statusCall(job).errors(errors::map).build())
                .thenApply(reply -> {
                    JobStatus status = parser.parse(reply.json(), job, ctx.clock().instant());
                    if (status.message() != null && status.isTerminal() && !status.assets().isEmpty()) {
                        LOG.info("{} job {}: {}", id, job.id(), status.message());
                    }
                    return status;
                });
    }

    /** Rejects a job id that is not an operation name (it is put into a URL path). */
    void checkOperationName(String name) {
        if (!OPERATION_NAME.matcher(name).matches() || name.contains("..") || !name.contains("/operations/")) {
            throw new ProtocolException(id + " job id must be an operation name like models/<model>/operations/<id>, but was \""
                    + name + "\"", ErrorContext.local(id), null);
        }
    }

    /** The request body, after fetching and inlining any image given by URL. */
    CompletableFuture<ObjectNode> body(VideoRequest r, ProviderContext ctx) {
        CompletableFuture<ObjectNode> image = r.images().isEmpty() ? null : media.image(r.images().get(0), "image", ctx.http());
        CompletableFuture<ObjectNode> lastFrame = r.lastFrame() == null ? null : media.image(r.lastFrame(), "lastFrame", ctx.http());
        List<CompletableFuture<ObjectNode>> references = new ArrayList<>();
        for (MediaInput ref : r.referenceImages()) {
            references.add(media.image(ref, "referenceImages", ctx.http()));
        }
        List<CompletableFuture<ObjectNode>> all = new ArrayList<>(references);
        if (image != null) all.add(image);
        if (lastFrame != null) all.add(lastFrame);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode instance = f.objectNode().put("prompt", r.prompt());
            if (image != null) instance.set("image", image.join());
            if (lastFrame != null) instance.set("lastFrame", lastFrame.join());
            if (!references.isEmpty()) {
                ArrayNode refs = instance.putArray("referenceImages");
                references.forEach(ref -> refs.addObject().<ObjectNode>set("image", ref.join()).put("referenceType", "asset"));
            }
            if (r.referenceVideo() != null) instance.set("video", MediaResolver.video(r.referenceVideo()));
            ObjectNode body = f.objectNode();
            body.putArray("instances").add(instance);
            body.set("parameters", parameters(r));
            return body;
        });
    }

    private ObjectNode parameters(VideoRequest r) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        if (r.aspectRatio() != null) p.put("aspectRatio", r.aspectRatio().toString());
        if (r.resolution() != null) p.put("resolution", r.resolution().label());
        boolean eightRequired = !r.referenceImages().isEmpty() || r.referenceVideo() != null
                || VeoRules.needsEightSeconds(r.resolution());
        r.durationSeconds().or(() -> eightRequired ? java.util.Optional.of(VeoRules.REQUIRED_SECONDS)
                : java.util.Optional.empty()).ifPresent(s -> p.put("durationSeconds", s));
        if (r.negativePrompt() != null) p.put("negativePrompt", r.negativePrompt());
        r.extra(VeoExtras.PERSON_GENERATION).ifPresent(v -> p.put("personGeneration", v));
        rules.numberOfVideos(r).ifPresent(n -> p.put("sampleCount", n));
        r.extra(VeoExtras.ENHANCE_PROMPT).ifPresent(v -> p.put("enhancePrompt", Boolean.parseBoolean(v)));
        addSurfaceParameters(p, r);
        return p;
    }

    /** Download answers map through Google's error envelope like status calls. */
    @Override
    public ErrorMapper downloadErrors(ProviderContext ctx) {
        GoogleErrors errors = new GoogleErrors(id, ctx.clock());
        return errors::map;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", " + credentials + "]";
    }
}
