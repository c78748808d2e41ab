package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result files need the key (shared/providers/veo.md §2.4: curl -H x-goog-api-key -L); the first
 * answer redirects to storage on another host, which must not receive the key. Whether the
 * redirect target needs credentials is unconfirmed in Google's docs (a search of public code and
 * issues found nothing either way); a signed storage URL needs no key, so the SDK never forwards
 * the key there.
 */
class GeminiDownloadTest {
    @RegisterExtension
    static WireMockExtension google = VeoWireMock.server();
    @RegisterExtension
    static WireMockExtension storage = VeoWireMock.server();

    private static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
    private static final String FILE_PATH = "/v1beta/files/f9k2m1:download";

    private final VirtualTime time = VirtualTime.start();
    private VideoClient client;

    @BeforeEach
    void setUp() {
        client = VeoWireMock.gemini(google, time, Map.of());
        VeoWireMock.acceptSubmit(google);
        storage.stubFor(get(urlPathEqualTo("/bucket/video.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(MP4)));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void keyGoesToTheApiHostButNotToTheRedirectTarget(@TempDir Path dir) throws Exception {
        VeoWireMock.finishWith(google, VeoWireMock.success(google.baseUrl() + FILE_PATH + "?alt=media"));
        google.stubFor(get(urlPathEqualTo(FILE_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", storage.baseUrl() + "/bucket/video.mp4?X-Goog-Signature=abc")));
        VideoResult result = time.run(client.generate(VideoRequest.text("x").build()));

        Path file = time.run(client.download(result.video(), dir.resolve("out.mp4")));

        assertThat(Files.readAllBytes(file)).isEqualTo(MP4);
        google.verify(1, getRequestedFor(urlPathEqualTo(FILE_PATH)).withQueryParam("alt", equalTo("media"))
                .withHeader("x-goog-api-key", equalTo(VeoWireMock.KEY)));
        storage.verify(1, getRequestedFor(urlPathEqualTo("/bucket/video.mp4")).withHeader("x-goog-api-key", absent()));
    }

    @Test
    void assetOnAnotherHostIsFetchedWithoutTheKey(@TempDir Path dir) throws Exception {
        VeoWireMock.finishWith(google, VeoWireMock.success(storage.baseUrl() + "/bucket/video.mp4"));
        VideoResult result = time.run(client.generate(VideoRequest.text("x").build()));

        time.run(client.download(result.video(), dir.resolve("out.mp4")));

        storage.verify(1, getRequestedFor(urlPathEqualTo("/bucket/video.mp4")).withHeader("x-goog-api-key", absent()));
    }

    @Test
    void forbiddenFileAnswer_isGooglesErrorWithItsMessage_andNothingIsSaved(@TempDir Path dir) {
        VeoWireMock.finishWith(google, VeoWireMock.success(google.baseUrl() + FILE_PATH + "?alt=media"));
        google.stubFor(get(urlPathEqualTo(FILE_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":403,\"message\":"
                        + "\"Permission denied on the file\",\"status\":\"PERMISSION_DENIED\"}}")));
        VideoResult result = time.run(client.generate(VideoRequest.text("x").build()));

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> time.run(client.download(result.video(), dir.resolve("out.mp4"))));

        assertThat(t).hasCauseInstanceOf(dev.videosdk.PermissionDeniedException.class).hasMessageContaining("Permission denied on the file");
        assertThat(dir.resolve("out.mp4")).doesNotExist();
        assertThat(dir.resolve("out.mp4.part")).doesNotExist();
    }

    @Test
    void resultOnlyInTheAlternativeFields_isAResult() throws Exception {
        OperationParser parser = new OperationParser("veo", new GoogleErrors("veo", time.clock()), null);
        String[] answers = {
            // Gemini API, bytes instead of a uri (the SDKs' Video.videoBytes)
            "{\"done\":true,\"response\":{\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"videoBytes\":\"AAAAGGZ0eXA=\"}}]}}}",
            // Gemini API, generatedVideos instead of generatedSamples
            "{\"done\":true,\"response\":{\"generateVideoResponse\":{\"generatedVideos\":[{\"video\":{\"uri\":\"https://x.example/v.mp4\"}}]}}}",
            // Vertex AI, inline bytes when no storageUri was set
            "{\"done\":true,\"response\":{\"videos\":[{\"bytesBase64Encoded\":\"AAAAGGZ0eXA=\",\"mimeType\":\"video/mp4\"}]}}",
            // Vertex AI, a gs:// location only
            "{\"done\":true,\"response\":{\"videos\":[{\"gcsUri\":\"gs://b/v.mp4\"}]}}"};
        for (String answer : answers) {
            dev.videosdk.JobStatus status = parser.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer),
                    dev.videosdk.VideoJob.of("veo", "op", "m", time.now()), time.now());

            assertThat(status.state()).as(answer).isEqualTo(dev.videosdk.JobState.SUCCEEDED);
            assertThat(status.assets()).as(answer).singleElement().satisfies(a -> assertThat(a.isVideo()).isTrue());
        }
    }

    @Test
    void ownHostMeansTheConfiguredHostAndPort() {
        GeminiVeoProvider provider = new GeminiVeoProvider(URI.create("https://generativelanguage.googleapis.com/v1beta"),
                dev.videosdk.spi.CredentialPool.bearer("veo", java.util.List.of("k")), null);

        assertThat(provider.isOwnHost(URI.create("https://generativelanguage.googleapis.com/v1beta/files/a:download"))).isTrue();
        assertThat(provider.isOwnHost(URI.create("https://GenerativeLanguage.googleapis.com:443/x"))).isTrue();
        assertThat(provider.isOwnHost(URI.create("https://generativelanguage.googleapis.com:8443/x"))).isFalse();
        assertThat(provider.isOwnHost(URI.create("https://storage.googleapis.com/x"))).isFalse();
        assertThat(provider.isOwnHost(URI.create("https://generativelanguage.googleapis.com.evil.example/x"))).isFalse();
        assertThat(provider.isOwnHost(URI.create("http://generativelanguage.googleapis.com/x"))).isFalse();
    }
}
