package dev.videosdk.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.AspectRatio;
import dev.videosdk.GenerateOptions;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobState;
import dev.videosdk.MediaInput;
import dev.videosdk.ProgressEvent;
import dev.videosdk.Resolution;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.spi.ProviderData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact create requests (JSON and multipart) and a whole lifecycle, per providers/openai.md §2–§4. */
class OpenAiCreateContractTest extends OpenAiWireMockSupport {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    @Test
    void jsonCreateWithImageUrlThenPollsToCompletion() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_abc", "queued", 0))
                .withHeader("x-request-id", "req_1")));
        wm.stubFor(get("/v1/videos/video_abc").inScenario("life").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(video("video_abc", "in_progress", 40))).willSetStateTo("done"));
        wm.stubFor(get("/v1/videos/video_abc").inScenario("life").whenScenarioStateIs("done")
                .willReturn(okJson(video("video_abc", "completed", 100).replace("\"expires_at\": null",
                        "\"expires_at\": 1758945300"))));
        List<ProgressEvent> events = new ArrayList<>();

        VideoResult result = time.run(client().generate(VideoRequest.image("A paper boat drifting down a rainy street",
                        MediaInput.url("https://example.com/first-frame-720x1280.jpg")).durationSeconds(8).build(),
                GenerateOptions.builder().onProgress(events::add).build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OpenAI-Organization", absent())
                .withRequestBody(equalToJson("""
                        {"model": "sora-2", "prompt": "A paper boat drifting down a rainy street",
                         "seconds": "8", "size": "720x1280",
                         "input_reference": {"image_url": "https://example.com/first-frame-720x1280.jpg"}}""")));
        wm.verify(2, getRequestedFor(urlEqualTo("/v1/videos/video_abc"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(result.job().id()).isEqualTo("video_abc");
        assertThat(ProviderData.keyId(result.job())).isEqualTo("openai#1");
        assertThat(result.video().uri().toString()).isEqualTo(wm.baseUrl() + "/v1/videos/video_abc/content");
        assertThat(result.video().expiresAt()).isEqualTo(Instant.ofEpochSecond(1758945300));
        assertThat(result.assets(VideoAsset.THUMBNAIL)).singleElement().satisfies(a -> {
            assertThat(a.uri().toString()).endsWith("/v1/videos/video_abc/content?variant=thumbnail");
            assertThat(a.mimeType()).isEqualTo("image/webp");
        });
        assertThat(result.assets(VideoAsset.SPRITESHEET)).hasSize(1);
        assertThat(events).extracting(ProgressEvent::state).containsExactly(JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(events.get(0).progress()).isEqualTo(40);
    }

    @Test
    void textOnlyJsonOmitsSecondsAndInputReferenceAndSendsThePortraitDefaultSize() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_t", "queued", 0))));

        VideoJob job = time.run(client().submit(VideoRequest.text("A calico cat playing piano").build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson(
                "{\"model\": \"sora-2\", \"prompt\": \"A calico cat playing piano\", \"size\": \"720x1280\"}")));
        assertThat(job.id()).isEqualTo("video_t");
        assertThat(job.model()).isEqualTo("sora-2");
    }

    @Test
    void sizeFollowsAspectRatioAndResolutionAndProGetsTheLargeSizes() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_s", "queued", 0))));
        VideoClient c = client();

        time.run(c.submit(VideoRequest.text("landscape").aspectRatio(AspectRatio.LANDSCAPE_16_9).build()));
        time.run(c.submit(VideoRequest.text("pro").model("sora-2-pro").aspectRatio(AspectRatio.LANDSCAPE_16_9)
                .resolution(Resolution.FHD_1080P).durationSeconds(12).build()));
        time.run(c.submit(VideoRequest.text("exact").extra(OpenAiExtras.SIZE, "1024x1792").model("sora-2-pro").build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson(
                "{\"model\": \"sora-2\", \"prompt\": \"landscape\", \"size\": \"1280x720\"}")));
        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson(
                "{\"model\": \"sora-2-pro\", \"prompt\": \"pro\", \"seconds\": \"12\", \"size\": \"1792x1024\"}")));
        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson(
                "{\"model\": \"sora-2-pro\", \"prompt\": \"exact\", \"size\": \"1024x1792\"}")));
    }

    @Test
    void fileIdExtraIsSentAsInputReferenceObject() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_f", "queued", 0))));

        time.run(client().submit(VideoRequest.text("from file").extra(OpenAiExtras.INPUT_FILE_ID, "file-123").build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson("""
                {"model": "sora-2", "prompt": "from file", "size": "720x1280", "input_reference": {"file_id": "file-123"}}""")));
    }

    @Test
    void bytesImageIsSentAsMultipartWithFilenameAndMimeType() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_m", "queued", 0))));

        time.run(client().submit(VideoRequest.image("A red kite rising", MediaInput.bytes(PNG, "image/png"))
                .model("sora-2-pro").durationSeconds(8).aspectRatio(AspectRatio.LANDSCAPE_16_9).build()));

        LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo("/v1/videos"))).get(0);
        assertThat(request.getHeader("Content-Type")).matches("multipart/form-data; boundary=[-\\w]+");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        List<Part> parts = parts(request);
        assertThat(parts).extracting(Part::name).containsExactly("model", "prompt", "seconds", "size", "input_reference");
        assertThat(parts).extracting(Part::text).startsWith("sora-2-pro", "A red kite rising", "8", "1280x720");
        Part image = parts.get(4);
        assertThat(image.fileName()).isEqualTo("input_reference.png");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.bytes()).isEqualTo(PNG);
    }

    @Test
    void fileImageKeepsItsFileNameAndType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("first.webp");
        Files.write(file, PNG);
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_w", "queued", 0))));

        time.run(client().submit(VideoRequest.image("kite", MediaInput.file(file)).build()));

        List<Part> parts = parts(wm.findAll(postRequestedFor(urlEqualTo("/v1/videos"))).get(0));
        assertThat(parts).extracting(Part::name).containsExactly("model", "prompt", "size", "input_reference");
        assertThat(parts.get(3).fileName()).isEqualTo("first.webp");
        assertThat(parts.get(3).contentType()).isEqualTo("image/webp");
    }

    @Test
    void organizationAndProjectHeadersAndAliasVariablesAreUsed() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_o", "queued", 0))));
        VideoClient c = client(Map.of("OPENAI_API_KEY", "", "OPENAI_BASE_URL", "",
                "OPENAI_API_KEY_PRO", "sk-pro", "OPENAI_BASE_URL_PRO", wm.baseUrl(),
                "OPENAI_ORG_ID", "org-1", "OPENAI_PROJECT_ID", "proj_1"));

        time.run(c.submit(VideoRequest.text("org").build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos"))
                .withHeader("Authorization", equalTo("Bearer sk-pro"))
                .withHeader("OpenAI-Organization", equalTo("org-1"))
                .withHeader("OpenAI-Project", equalTo("proj_1"))
                .withHeader("User-Agent", matching("video-sdk-java/.*")));
    }

    @Test
    void anyModelStringIsAcceptedForGateways() {
        wm.stubFor(post("/v1/videos").willReturn(okJson(video("video_g", "queued", 0)
                .replace("\"model\": \"sora-2\"", "\"model\": \"google/veo-3.1-fast\""))));

        VideoJob job = time.run(client(Map.of("OPENAI_VIDEO_PROFILE", "gateway", "OPENAI_VIDEO_MODEL", "google/veo-3.1-fast"))
                .submit(VideoRequest.text("gateway").durationSeconds(16).aspectRatio(AspectRatio.SQUARE_1_1)
                        .resolution(Resolution.FHD_1080P).build()));

        wm.verify(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(equalToJson(
                "{\"model\": \"google/veo-3.1-fast\", \"prompt\": \"gateway\", \"seconds\": \"16\", \"size\": \"1080x1080\"}")));
        assertThat(job.model()).isEqualTo("google/veo-3.1-fast");
    }

    @Test
    void openAiProfileRejectsValuesOutsideItsEnumsBeforeAnyCall() {
        VideoClient c = client();

        assertThatThrownBy(() -> c.submit(VideoRequest.text("x").durationSeconds(10).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("openai does not support duration 10s; allowed: [4s, 8s, 12s]");
        assertThatThrownBy(() -> c.submit(VideoRequest.text("x").aspectRatio(AspectRatio.SQUARE_1_1).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("aspectRatio 1:1; allowed: [9:16, 16:9]");
        assertThatThrownBy(() -> c.submit(VideoRequest.text("x").resolution(Resolution.FHD_1080P).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("size 1024x1792 is offered only by sora-2-pro, not by sora-2");
        assertThatThrownBy(() -> c.submit(VideoRequest.text("x").extra(OpenAiExtras.SIZE, "1920x1080").build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("openai does not support size 1920x1080; allowed: [720x1280, 1280x720, 1024x1792, 1792x1024]");
        assertThatThrownBy(() -> c.submit(VideoRequest.text("x").extra(OpenAiExtras.SIZE, "1280x720")
                        .aspectRatio(AspectRatio.LANDSCAPE_16_9).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("either the size extra (1280x720) or aspectRatio/resolution");
        assertThatThrownBy(() -> c.submit(VideoRequest.image("x", MediaInput.url("gs://bucket/a.png")).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("http(s) or data: URLs");
        assertThatThrownBy(() -> c.submit(VideoRequest.image("x", MediaInput.bytes(PNG, "image/gif")).build()).join())
                .hasCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("image type image/gif");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    /** One multipart part. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Splits a multipart body into its parts, in order (ISO-8859-1 keeps bytes intact). */
    static List<Part> parts(LoggedRequest request) {
        String boundary = request.getHeader("Content-Type").replaceFirst(".*boundary=", "");
        String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : body.split(Pattern.quote("--" + boundary))) {
            if (chunk.startsWith("--") || chunk.isBlank()) {
                continue;
            }
            String content = chunk.substring(2, chunk.length() - 2); // leading and trailing CRLF
            int split = content.indexOf("\r\n\r\n");
            String head = content.substring(0, split);
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
            Matcher type = Pattern.compile("Content-Type: (\\S+)").matcher(head);
            parts.add(new Part(name.find() ? name.group(1) : null, file.find() ? file.group(1) : null,
                    type.find() ? type.group(1) : null,
                    content.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
