package dev.videosdk.veo.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.veo.VeoExtras;
import dev.videosdk.veo.VeoModels;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Veo through Vertex AI: {@code POST .../publishers/google/models/{model}:predictLongRunning} and
 * {@code POST .../models/{model}:fetchPredictOperation}, with a bearer token the application
 * supplies per call. With a storage URI the videos are {@code gs://} objects the application reads
 * itself; without one they come back inline as {@code data:} URIs.
 */
public final class VertexVeoProvider extends VeoProvider {
    /** The provider id. */
    public static final String ID = "veo-vertex";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final URI base;
    private final String project;
    private final String location;
    private final String storageUri;

    /**
     * Creates the provider.
     *
     * @param project     Google Cloud project id
     * @param location    region such as {@code us-central1}, or {@code global}
     * @param base        API root, or null for the regional {@code aiplatform.googleapis.com} host
     * @param accessToken OAuth2 access token supplier, called once per HTTP call (cache and refresh it yourself)
     * @param storageUri  {@code gs://bucket/prefix} for outputs, or null for inline results
     * @param warnings    receives deprecation warnings, or null to log them
     */
    public VertexVeoProvider(String project, String location, URI base, Supplier<String> accessToken, String storageUri,
                             Consumer<String> warnings) {
        super(ID, Surface.VERTEX, CredentialPool.of(ID, List.of(bearer(accessToken))),
                List.of(VeoModels.VEO_3_1_VERTEX, VeoModels.VEO_3_1_FAST_VERTEX, VeoModels.VEO_3_1, VeoModels.VEO_3_1_FAST,
                        VeoModels.VEO_3_0, VeoModels.VEO_3_0_FAST, VeoModels.VEO_2_0), warnings);
        this.project = segment("project", project);
        this.location = segment("location", location);
        this.base = base != null ? base : URI.create("global".equals(location) ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com");
        if (storageUri != null && !storageUri.startsWith("gs://")) {
            throw new IllegalArgumentException("storageUri must start with gs://, but was " + storageUri);
        }
        this.storageUri = storageUri;
    }

    private static Credential bearer(Supplier<String> accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        return Credential.computed(ID + "#1", () -> Map.of("Authorization", "Bearer " + accessToken.get()));
    }

    private static String segment(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a Google Cloud id (letters, digits, . _ -), but was " + value);
        }
        return value;
    }

    @Override
    URI submitUri(String model) {
        return URI.create(base + "/v1/projects/" + project + "/locations/" + location + "/publishers/google/models/"
                + model + ":predictLongRunning");
    }

    /** {@code POST <name up to /operations>:fetchPredictOperation {"operationName": name}} (a read: retried as idempotent). */
    @Override
    HttpCall.Builder statusCall(VideoJob job) {
        String name = job.id();
        String modelPath = name.substring(0, name.indexOf("/operations/"));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("operationName", name);
        return HttpCall.post(URI.create(base + "/v1/" + modelPath + ":fetchPredictOperation")).kind(CallKind.IDEMPOTENT)
                .json(body).credentials(credentials(), ProviderData.keyId(job));
    }

    @Override
    void addSurfaceParameters(ObjectNode parameters, VideoRequest request) {
        if (request.seed() != null) {
            parameters.put("seed", request.seed());
        }
        request.extra(VeoExtras.GENERATE_AUDIO).ifPresent(v -> parameters.put("generateAudio", Boolean.parseBoolean(v)));
        String storage = request.extra(VeoExtras.STORAGE_URI).orElse(storageUri);
        if (storage != null) {
            parameters.put("storageUri", storage);
        }
    }

    @Override
    Duration retention() {
        return null;
    }
}
