package dev.videosdk.veo;

import dev.videosdk.VideoAsset;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.veo.internal.VertexVeoProvider;
import java.net.URI;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Veo on Vertex AI (provider id {@code veo-vertex}) with an access token your application
 * supplies, so the SDK needs no Google auth library. The supplier is called once per HTTP call:
 * return a cached token and refresh it yourself (tokens last about an hour).
 *
 * <pre>{@code
 * VideoProvider vertex = VeoVertex.builder()
 *         .project("my-project").location("us-central1")
 *         .accessToken(() -> googleCredentials.getAccessToken().getTokenValue())
 *         .storageUri("gs://my-bucket/veo/")                 // optional
 *         .build();
 * VideoClient client = VideoClient.builder().provider(vertex).defaultProvider("veo-vertex").build();
 * }</pre>
 *
 * <p>With a storage URI the result assets are {@code gs://} URIs: read them with your GCS client
 * ({@code VideoClient.download} refuses them with that advice). Without one, Vertex AI returns
 * the video inline and the asset is a {@code data:} URI; get its bytes with {@link #inlineVideo}.
 */
public final class VeoVertex {
    private VeoVertex() {
    }

    /** A builder; project, location and access token are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bytes of a video Vertex AI returned inline (an asset whose URI is a base64 {@code data:} URI).
     *
     * @throws IllegalArgumentException when the asset is not an inline video
     */
    public static byte[] inlineVideo(VideoAsset asset) {
        String uri = asset.uri().toString();
        int comma = uri.indexOf(',');
        if (!uri.startsWith("data:") || comma < 0 || !uri.substring(0, comma).endsWith(";base64")) {
            throw new IllegalArgumentException("asset must be an inline data: video, but was a " + asset.uri().getScheme() + " URI");
        }
        return Base64.getDecoder().decode(uri.substring(comma + 1));
    }

    /** Builds the Vertex AI provider. */
    public static final class Builder {
        private String project;
        private String location;
        private Supplier<String> accessToken;
        private URI baseUrl;
        private String storageUri;

        private Builder() {
        }

        /** The Google Cloud project id. Required. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The region, e.g. {@code us-central1}, or {@code global}. Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Supplies an OAuth2 access token (scope {@code cloud-platform}) per call. Required. */
        public Builder accessToken(Supplier<String> accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** The API root; default {@code https://<location>-aiplatform.googleapis.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            return this;
        }

        /** Where Vertex AI writes the videos, {@code gs://bucket/prefix}; default: none (inline results). */
        public Builder storageUri(String storageUri) {
            this.storageUri = storageUri;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @throws NullPointerException     when project, location or accessToken is missing
         * @throws IllegalArgumentException when a value has the wrong form
         */
        public VideoProvider build() {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(accessToken, "accessToken");
            return new VertexVeoProvider(project, location, baseUrl, accessToken, storageUri, null);
        }
    }
}
