package dev.videosdk.veo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.veo.VeoModels;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Veo through the Gemini Developer API: {@code POST /v1beta/models/{model}:predictLongRunning},
 * {@code GET /v1beta/{operation}}, key in {@code x-goog-api-key}. Result files need the key too;
 * it is sent only to the API's own host and port, never to the storage host a download redirects to.
 */
final class GeminiVeoProvider extends VeoProvider {
    static final String ID = "veo";
    private static final Logger LOG = LoggerFactory.getLogger(GeminiVeoProvider.class);

    private final URI base;

    GeminiVeoProvider(URI base, CredentialPool credentials, Consumer<String> warnings) {
        super(ID, Surface.GEMINI, credentials, List.of(VeoModels.VEO_3_1, VeoModels.VEO_3_1_FAST, VeoModels.VEO_3_1_LITE,
                VeoModels.VEO_3_0, VeoModels.VEO_3_0_FAST, VeoModels.VEO_2_0), warnings);
        this.base = withoutVersion(base);
    }

    /** Accepts a base URL given with or without the {@code /v1beta} suffix. */
    private static URI withoutVersion(URI base) {
        String text = base.toString();
        return text.endsWith("/v1beta") ? URI.create(text.substring(0, text.length() - "/v1beta".length())) : base;
    }

    @Override
    URI submitUri(String model) {
        return URI.create(base + "/v1beta/models/" + model + ":predictLongRunning");
    }

    @Override
    HttpCall.Builder statusCall(VideoJob job) {
        return HttpCall.get(URI.create(base + "/v1beta/" + job.id())).credentials(credentials(), ProviderData.keyId(job));
    }

    @Override
    void addSurfaceParameters(ObjectNode parameters, VideoRequest request) {
        // the Gemini API takes no parameters beyond the shared ones; the rules reject Vertex-only ones
    }

    @Override
    Duration retention() {
        return OperationParser.GEMINI_RETENTION;
    }

    /** Only the configured API host and port (scheme-default port when absent) may receive the key. */
    @Override
    public boolean isOwnHost(URI uri) {
        return uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals(base.getHost().toLowerCase(Locale.ROOT))
                && port(uri) == port(base);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    /** The key that created the job; the core asks only for {@link #isOwnHost own hosts}. */
    @Override
    public Optional<Credential> downloadCredential(VideoAsset asset, URI uri, ProviderContext ctx) {
        if (!isOwnHost(uri)) {
            return Optional.empty();
        }
        try {
            return Optional.of(credentials().forJob(ProviderData.keyId(asset), ctx.clock().instant()));
        } catch (VideoException e) {
            LOG.warn("{}: no key for downloading {} ({}); trying without one", ID, ProviderData.keyId(asset), e.getMessage());
            return Optional.empty();
        }
    }
}
