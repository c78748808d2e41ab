package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.testing.VirtualTime;
import dev.videosdk.veo.VeoExtras;
import dev.videosdk.veo.VeoVertex;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Vertex AI request shapes, per shared/providers/veo.md §3. */
class VertexContractTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private static final String MODEL_PATH = "/v1/projects/my-proj/locations/us-central1/publishers/google/models/veo-3.1-generate-001";
    private static final String OPERATION = MODEL_PATH.substring(4) + "/operations/1234567890";

    private final VirtualTime time = VirtualTime.start();
    private final AtomicInteger tokensAsked = new AtomicInteger();
    private VideoClient client;

    private VideoClient client(String storageUri) {
        VeoVertex.Builder b = VeoVertex.builder().project("my-proj").location("us-central1").baseUrl(wm.baseUrl())
                .accessToken(() -> "token-" + tokensAsked.incrementAndGet());
        if (storageUri != null) {
            b.storageUri(storageUri);
        }
        VideoProvider provider = b.build();
        client = VeoWireMock.with(provider, time);
        wm.stubFor(post(urlPathEqualTo(MODEL_PATH + ":predictLongRunning"))
                .willReturn(VeoWireMock.json("{\"name\":\"" + OPERATION + "\"}")));
        return client;
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void submitAndFetchPredictOperationWithBearerTokenAndStorageUri() {
        client("gs://my-bucket/veo/");
        wm.stubFor(post(urlPathEqualTo(MODEL_PATH + ":fetchPredictOperation")).willReturn(VeoWireMock.json(
                "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse\","
                        + "\"videos\":[{\"gcsUri\":\"gs://my-bucket/veo/1/sample_0.mp4\",\"mimeType\":\"video/mp4\"},"
                        + "{\"gcsUri\":\"gs://my-bucket/veo/1/sample_1.mp4\",\"mimeType\":\"video/mp4\"}]}}")));

        VideoResult result = time.run(client.generate(VideoRequest.image("The cat dances", MediaInput.url("gs://my-bucket/cat.png"))
                .seed(42).extra(VeoExtras.NUMBER_OF_VIDEOS, 2).extra(VeoExtras.GENERATE_AUDIO, false).build()));

        wm.verify(1, postRequestedFor(urlPathEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"instances\":[{\"prompt\":\"The cat dances\",\"image\":{\"gcsUri\":"
                        + "\"gs://my-bucket/cat.png\",\"mimeType\":\"image/png\"}}],\"parameters\":{\"sampleCount\":2,"
                        + "\"seed\":42,\"generateAudio\":false,\"storageUri\":\"gs://my-bucket/veo/\"}}")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(MODEL_PATH + ":fetchPredictOperation"))
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .withRequestBody(equalToJson("{\"operationName\":\"" + OPERATION + "\"}")));
        assertThat(result.assets()).extracting(a -> a.uri().toString())
                .containsExactly("gs://my-bucket/veo/1/sample_0.mp4", "gs://my-bucket/veo/1/sample_1.mp4");
        assertThat(result.video().expiresAt()).isNull();
        assertThat(result.job().provider()).isEqualTo("veo-vertex");
    }

    @Test
    void gcsAssetDownloadExplainsThatTheAppReadsGcsItself(@TempDir Path dir) {
        client("gs://my-bucket/veo/");
        wm.stubFor(post(urlPathEqualTo(MODEL_PATH + ":fetchPredictOperation")).willReturn(VeoWireMock.json(
                "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"videos\":[{\"gcsUri\":\"gs://my-bucket/v.mp4\"}]}}")));
        VideoResult result = time.run(client.generate(VideoRequest.text("x").build()));

        assertThatThrownBy(() -> time.run(client.download(result.video(), dir.resolve("v.mp4"))))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("read it with your GCS client");
    }

    @Test
    void withoutStorageUriTheVideoComesBackInline() {
        client(null);
        wm.stubFor(post(urlPathEqualTo(MODEL_PATH + ":fetchPredictOperation")).willReturn(VeoWireMock.json(
                "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"raiMediaFilteredCount\":0,"
                        + "\"videos\":[{\"bytesBase64Encoded\":\"AAAAGGZ0eXA=\",\"mimeType\":\"video/mp4\"}]}}")));

        VideoResult result = time.run(client.generate(VideoRequest.text("A lighthouse").build()));

        wm.verify(postRequestedFor(urlPathEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(equalToJson("{\"instances\":[{\"prompt\":\"A lighthouse\"}],\"parameters\":{}}")));
        assertThat(result.video().uri().getScheme()).isEqualTo("data");
        assertThat(VeoVertex.inlineVideo(result.video())).containsExactly(0, 0, 0, 24, 'f', 't', 'y', 'p');
    }

    @Test
    void vertexAllowsFourVideosButNotFive() {
        client(null);

        assertThatThrownBy(() -> time.run(client.submit(VideoRequest.text("x").extra(VeoExtras.NUMBER_OF_VIDEOS, 5).build())))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be between 1 and 4 for this model on Vertex AI, but was 5");
    }

    @Test
    void vertexFiltersAreContentPolicyFailures() {
        client(null);
        wm.stubFor(post(urlPathEqualTo(MODEL_PATH + ":fetchPredictOperation")).willReturn(VeoWireMock.json(
                "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"raiMediaFilteredCount\":1,"
                        + "\"raiMediaFilteredReasons\":[\"child content\"]}}")));

        assertThatThrownBy(() -> time.run(client.generate(VideoRequest.text("x").build())))
                .hasCauseInstanceOf(dev.videosdk.ContentPolicyException.class)
                .hasMessageContaining("child content");
    }

    @Test
    void builderRejectsAPathInjectingProject() {
        assertThatThrownBy(() -> VeoVertex.builder().project("p/../../x").location("us-central1").accessToken(() -> "t").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project must be a Google Cloud id (letters, digits, . _ -), but was p/../../x");
    }

    @Test
    void globalLocationUsesTheGlobalHost() {
        VertexVeoProvider provider = new VertexVeoProvider("p", "global", null, () -> "t", null, null);

        assertThat(provider.submitUri("veo-3.1-generate-001")).hasToString("https://aiplatform.googleapis.com/v1/projects/p/"
                + "locations/global/publishers/google/models/veo-3.1-generate-001:predictLongRunning");
        assertThat(new VertexVeoProvider("p", "europe-west4", null, () -> "t", null, null).submitUri("m").getHost())
                .isEqualTo("europe-west4-aiplatform.googleapis.com");
    }
}
