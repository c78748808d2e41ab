package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.videosdk.veo.internal.VeoWireMock.KEY;
import static dev.videosdk.veo.internal.VeoWireMock.SUBMIT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import dev.videosdk.veo.VeoExtras;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The exact create call for each input shape, per shared/providers/veo.md §2.2. */
class GeminiRequestContractTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();
    @RegisterExtension
    static WireMockExtension images = VeoWireMock.server();

    private static final byte[] PNG = {1, 2, 3};
    private static final byte[] JPEG = {4, 5, 6, 7};

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @BeforeEach
    void setUp() {
        client = VeoWireMock.gemini(wm, time, Map.of());
        VeoWireMock.acceptSubmit(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private VideoJob submit(VideoRequest request) {
        return time.run(client.submit(request));
    }

    private void verifyBody(String json) {
        wm.verify(1, postRequestedFor(urlPathEqualTo(SUBMIT_PATH))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withQueryParam("key", absent())
                .withRequestBody(equalToJson(json)));
    }

    @Test
    void textToVideo() {
        VideoJob job = submit(VideoRequest.text("A calico cat playing piano").build());

        verifyBody("{\"instances\":[{\"prompt\":\"A calico cat playing piano\"}],\"parameters\":{}}");
        assertThat(job.id()).isEqualTo(VeoWireMock.OPERATION);
        assertThat(job.model()).isEqualTo("veo-3.1-generate-preview");
        assertThat(job.provider()).isEqualTo("veo");
        assertThat(ProviderData.keyId(job)).isEqualTo("veo#1");
    }

    @Test
    void textToVideoWithEveryParameter() {
        submit(VideoRequest.text("A lighthouse in a storm").negativePrompt("text overlay, watermark")
                .aspectRatio(AspectRatio.PORTRAIT_9_16).resolution(Resolution.FHD_1080P).durationSeconds(8)
                .extra(VeoExtras.PERSON_GENERATION, "allow_all").extra(VeoExtras.NUMBER_OF_VIDEOS, 1)
                .extra(VeoExtras.ENHANCE_PROMPT, true).build());

        // sampleCount is what the official SDKs send for numberOfVideos (the REST samples print numberOfVideos; unconfirmed)
        verifyBody("{\"instances\":[{\"prompt\":\"A lighthouse in a storm\"}],\"parameters\":{\"aspectRatio\":\"9:16\","
                + "\"resolution\":\"1080p\",\"durationSeconds\":8,\"negativePrompt\":\"text overlay, watermark\","
                + "\"personGeneration\":\"allow_all\",\"sampleCount\":1,\"enhancePrompt\":true}}");
    }

    @Test
    void highResolutionWithoutDurationSendsTheRequiredEightSeconds() {
        submit(VideoRequest.text("A lighthouse").resolution(Resolution.UHD_4K).build());

        verifyBody("{\"instances\":[{\"prompt\":\"A lighthouse\"}],\"parameters\":{\"resolution\":\"4k\",\"durationSeconds\":8}}");
    }

    @Test
    void firstFrameFromBytes() {
        submit(VideoRequest.image("The cat starts to dance", MediaInput.bytes(PNG, "image/png")).durationSeconds(6).build());

        verifyBody("{\"instances\":[{\"prompt\":\"The cat starts to dance\",\"image\":{\"bytesBase64Encoded\":\"AQID\","
                + "\"mimeType\":\"image/png\"}}],\"parameters\":{\"durationSeconds\":6}}");
    }

    @Test
    void firstAndLastFrameFromFiles(@TempDir Path dir) throws Exception {
        Path start = Files.write(dir.resolve("start.png"), PNG);
        Path end = Files.write(dir.resolve("end.jpg"), JPEG);

        submit(VideoRequest.image("A paper boat drifts", MediaInput.file(start)).lastFrame(MediaInput.file(end))
                .extra(VeoExtras.PERSON_GENERATION, "allow_adult").build());

        verifyBody("{\"instances\":[{\"prompt\":\"A paper boat drifts\","
                + "\"image\":{\"bytesBase64Encoded\":\"AQID\",\"mimeType\":\"image/png\"},"
                + "\"lastFrame\":{\"bytesBase64Encoded\":\"BAUGBw==\",\"mimeType\":\"image/jpeg\"}}],"
                + "\"parameters\":{\"personGeneration\":\"allow_adult\"}}");
    }

    @Test
    void threeReferenceImagesAsAssetsWithEightSeconds() {
        submit(VideoRequest.text("The model wears the dress on a beach")
                .referenceImage(MediaInput.bytes(PNG, "image/png"))
                .referenceImage(MediaInput.bytes(JPEG, "image/jpeg"))
                .referenceImage(MediaInput.bytes(new byte[] {9}, "image/webp")).build());

        verifyBody("{\"instances\":[{\"prompt\":\"The model wears the dress on a beach\",\"referenceImages\":["
                + "{\"image\":{\"bytesBase64Encoded\":\"AQID\",\"mimeType\":\"image/png\"},\"referenceType\":\"asset\"},"
                + "{\"image\":{\"bytesBase64Encoded\":\"BAUGBw==\",\"mimeType\":\"image/jpeg\"},\"referenceType\":\"asset\"},"
                + "{\"image\":{\"bytesBase64Encoded\":\"CQ==\",\"mimeType\":\"image/webp\"},\"referenceType\":\"asset\"}]}],"
                + "\"parameters\":{\"durationSeconds\":8}}");
    }

    @Test
    void videoExtensionSendsTheEarlierVideoUri() {
        String earlier = "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media";

        submit(VideoRequest.text("The boat reaches the sea").referenceVideo(MediaInput.url(earlier)).build());

        verifyBody("{\"instances\":[{\"prompt\":\"The boat reaches the sea\",\"video\":{\"uri\":\"" + earlier + "\"}}],"
                + "\"parameters\":{\"durationSeconds\":8}}");
    }

    @Test
    void urlImageIsFetchedWithoutTheKeyFollowingRedirectsAndInlined() {
        images.stubFor(get(urlPathEqualTo("/moved.png")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", images.baseUrl() + "/cat.png")));
        images.stubFor(get(urlPathEqualTo("/cat.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(PNG)));

        submit(VideoRequest.image("The cat dances", MediaInput.url(images.baseUrl() + "/moved.png")).build());

        verifyBody("{\"instances\":[{\"prompt\":\"The cat dances\",\"image\":{\"bytesBase64Encoded\":\"AQID\","
                + "\"mimeType\":\"image/png\"}}],\"parameters\":{}}");
        images.verify(getRequestedFor(urlPathEqualTo("/cat.png")).withHeader("x-goog-api-key", absent())
                .withHeader("Authorization", absent()));
    }

    @Test
    void urlImageWithWrongContentTypeFailsBeforeTheCreateCall() {
        images.stubFor(get(urlPathEqualTo("/page")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html>login</html>")));

        assertThatThrownBy(() -> submit(VideoRequest.image("x", MediaInput.url(images.baseUrl() + "/page")).build()))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("answered Content-Type text/html; charset=utf-8")
                .hasMessageContaining("accepted: [image/jpeg, image/png, image/webp]");
        wm.verify(0, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
    }

    @Test
    void urlImageOverTheSizeCapFailsBeforeTheCreateCall() {
        byte[] big = new byte[(int) VeoProvider.MAX_IMAGE_BYTES + 1];
        images.stubFor(get(urlPathEqualTo("/big.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(big)));

        assertThatThrownBy(() -> submit(VideoRequest.image("x", MediaInput.url(images.baseUrl() + "/big.png")).build()))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("more than the limit of 20971520 bytes");
        wm.verify(0, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
    }

    @Test
    void urlImageThatIsMissingFailsNamingTheUrl() {
        images.stubFor(get(urlPathEqualTo("/gone.png")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> submit(VideoRequest.image("x", MediaInput.url(images.baseUrl() + "/gone.png")).build()))
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the image URL " + images.baseUrl() + "/gone.png answered HTTP 404");
        wm.verify(0, postRequestedFor(urlPathEqualTo(SUBMIT_PATH)));
    }

    @Test
    void dataUriImageIsInlined() {
        submit(VideoRequest.image("x", MediaInput.url("data:image/png;base64,AQID")).build());

        verifyBody("{\"instances\":[{\"prompt\":\"x\",\"image\":{\"bytesBase64Encoded\":\"AQID\",\"mimeType\":\"image/png\"}}],"
                + "\"parameters\":{}}");
    }

    /**
     * Model choice: the cheapest Veo 3.1 model that can make 4k is Fast (Lite has no 4k); the create
     * goes to Fast's path and the job carries the estimate from the shipped price table.
     */
    @Test
    void cheapestFor4kIsFastAndTheJobCarriesItsEstimate() {
        VideoRequest request = VideoRequest.text("A lighthouse").resolution(Resolution.UHD_4K).durationSeconds(8).cheapest().build();
        dev.videosdk.CostEstimate estimate = client.estimate(request);
        assertThat(estimate.model()).isEqualTo("veo-3.1-fast-generate-preview");
        assertThat(estimate.cost()).isEqualTo(dev.videosdk.Cost.usd("2.8"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(
                "/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"models/veo-3.1-fast-generate-preview/operations/fast1\"}")));

        VideoJob job = submit(request);

        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning"))
                .withRequestBody(equalToJson("{\"instances\":[{\"prompt\":\"A lighthouse\"}],\"parameters\":{"
                        + "\"resolution\":\"4k\",\"durationSeconds\":8}}")));
        assertThat(job.model()).isEqualTo("veo-3.1-fast-generate-preview");
        assertThat(job.estimatedCost()).isEqualTo(dev.videosdk.Cost.usd("2.8"));
    }
}
