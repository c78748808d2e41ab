package dev.videosdk.soraproxy.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.AspectRatio;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.MediaInput;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.soraproxy.SoraProxy;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.testing.VirtualTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The exact requests and the mapping of answers, against WireMock on loopback, through {@link VideoClient}. */
class SoraProxyContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final String PATH = "/v1/chat/completions";
    static final String KEY = "test-key-123";

    static final String STREAM = ChunkFormatsTest.content("> ⌛️ 任务正在队列中，请耐心等待...\n\n")
            + ChunkFormatsTest.content("> 🏃 进度：36.5%\n\n")
            + ChunkFormatsTest.content("> 🏃 进度：98.7%\n\n")
            + ChunkFormatsTest.content("> ✅ 视频生成成功，[点击这里](https://cdn.example/sora/uuid.mp4) 查看视频~~~\n\n")
            + ChunkFormatsTest.DONE;

    final VirtualTime time = VirtualTime.start();
    final List<ProgressEvent> progress = Collections.synchronizedList(new ArrayList<>());
    VideoClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    VideoClient client(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(SoraProxy.API_KEY, KEY, SoraProxy.BASE_URL, wm.baseUrl()));
        env.putAll(extra);
        client = VideoClient.builder().withoutDiscovery().providerFactory(new SoraProxyProviderFactory()).env(env)
                .defaultProvider(SoraProxy.ID).clock(time.clock()).scheduler(time.scheduler()).build();
        return client;
    }

    CompletableFuture<VideoResult> generate(VideoRequest request) {
        return client.generate(request, GenerateOptions.builder().onProgress(progress::add).build());
    }

    static void stubStream(String body) {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withHeader("x-request-id", "req-42").withBody(body)));
    }

    @Test
    void textToVideo_sendsTheExactStreamingRequest_andReportsProgress() {
        stubStream(STREAM);
        client(Map.of());
        VideoResult r = Drive.until(time, generate(VideoRequest.text("A paper boat on a rainy street")
                .aspectRatio(AspectRatio.LANDSCAPE_16_9).durationSeconds(15).build()));

        wm.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("""
                        {"model": "sora_video2-landscape-15s",
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "A paper boat on a rainy street"}]}],
                         "stream": true}""")));
        assertThat(r.video().uri()).isEqualTo(URI.create("https://cdn.example/sora/uuid.mp4"));
        assertThat(r.video().mimeType()).isEqualTo("video/mp4");
        assertThat(r.job().provider()).isEqualTo("sora-proxy");
        assertThat(r.job().model()).isEqualTo("sora_video2-landscape-15s");
        assertThat(ProviderData.keyId(r.job())).isEqualTo("sora-proxy#1");
        assertThat(ProviderData.attributes(r.job())).containsEntry("endpoint", "standard").containsEntry("request_id", "req-42");
        assertThat(progress).extracting(ProgressEvent::state).containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.RUNNING);
        assertThat(progress).extracting(ProgressEvent::progress).containsExactly(null, 36, 98);
    }

    @Test
    void imagesAsUrlBytesAndFile_areSentAsImageUrlParts_bytesAsDataUris(@TempDir Path dir) throws Exception {
        stubStream(STREAM);
        client(Map.of());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Path jpeg = Files.write(dir.resolve("first.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 9, 9});
        String b64png = Base64.getEncoder().encodeToString(png);
        String b64jpeg = Base64.getEncoder().encodeToString(Files.readAllBytes(jpeg));

        for (MediaInput image : List.of(MediaInput.url("https://img.example/cat.png"), MediaInput.bytes(png, "image/png"),
                MediaInput.file(jpeg))) {
            Drive.until(time, generate(VideoRequest.image("The cat dances", image).build()));
        }

        String template = """
                {"model": "sora_video2", "stream": true,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "The cat dances"},
                                                           {"type": "image_url", "image_url": {"url": "%s"}}]}]}""";
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(template.formatted("https://img.example/cat.png"))));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(template.formatted("data:image/png;base64," + b64png))));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(template.formatted("data:image/jpeg;base64," + b64jpeg))));
    }

    @Test
    void http503BeforeTheStream_isRetried_andTheGenerationHappensOnce() {
        String noChannel = "{\"error\": {\"code\": \"model_not_found\", \"message\": \"分组 default 下模型 sora_video2 无可用渠道（distributor）\", \"type\": \"new_api_error\"}}";
        wm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(noChannel))
                .willSetStateTo("ready"));
        wm.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
        client(Map.of());

        VideoResult r = Drive.until(time, generate(VideoRequest.text("A cat").build()));

        assertThat(r.video().uri()).isEqualTo(URI.create("https://cdn.example/sora/uuid.mp4"));
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(progress).extracting(ProgressEvent::progress).containsExactly(null, 36, 98);
    }

    @Test
    void http503Forever_givesUpAfterTheRetryPolicy_withTheGatewaysCode() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"model_not_found\", \"message\": \"No available channel for model sora_video2 under group default (distributor)\", \"type\": \"one_api_error\"}}")));
        client(Map.of());

        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("sora-proxy answered HTTP 503: No available channel for model sora_video2 under group default "
                        + "(distributor) (code model_not_found)");
        wm.verify(4, postRequestedFor(urlEqualTo(PATH))); // the first try and RetryPolicy.defaults()' 3 retries
    }

    @Test
    void http500_isNotRetried_asTheJobMayHaveStarted() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("upstream exploded")));
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(dev.videosdk.JobMayExistException.class)
                .hasMessageStartingWith("sora-proxy answered HTTP 500: upstream exploded").hasMessageContaining("a job may exist")
                .cause().isInstanceOf(ProviderUnavailableException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void http401_isAuthentication_withoutTheKeyInTheMessage() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Invalid token\", \"type\": \"new_api_error\", \"code\": \"invalid_api_key\"}}")));
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(AuthenticationException.class)
                .hasMessage("sora-proxy answered HTTP 401: Invalid token (code invalid_api_key)")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void http429WithQuotaCode_isQuotaExceeded_andNotRetried() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"用户额度不足\", \"type\": \"new_api_error\", \"code\": \"insufficient_user_quota\"}}")));
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(QuotaExceededException.class)
                .hasMessage("sora-proxy answered HTTP 429: 用户额度不足 (code insufficient_user_quota)");
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void http400ContentPolicy_isContentPolicyException() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Your request was blocked by our moderation system.\", \"code\": \"moderation_blocked\"}}")));
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(ContentPolicyException.class)
                .satisfies(e -> assertThat(((ContentPolicyException) e).reasons())
                        .containsExactly("Your request was blocked by our moderation system."));
    }

    @Test
    void doneWithoutUrl_failsTheGeneration() {
        stubStream(ChunkFormatsTest.content("> 🏃 进度：100%\n\n") + ChunkFormatsTest.DONE);
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("without a video link");
    }

    @Test
    void inStreamError_failsWithATypedException() {
        stubStream("data: {\"error\": {\"message\": \"Content Policy Violation: real person\", \"type\": \"server_error\", \"code\": null}}\n\n"
                + ChunkFormatsTest.DONE);
        client(Map.of());
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(ContentPolicyException.class)
                .hasMessage("sora-proxy reported an error inside the stream: Content Policy Violation: real person");
    }

    @Test
    void nonStreamingMode_byRequestExtra_sendsStreamFalse_andReadsTheMessage() {
        wm.stubFor(post(PATH).willReturn(okJson("""
                {"id": "foaicmpl-1", "object": "chat.completion", "model": "sora_video2",
                 "choices": [{"index": 0, "message": {"role": "assistant",
                   "content": "[下载视频](https://cdn.example/sora/1f2e.mp4)\\n\\n"}, "finish_reason": "stop"}]}""")));
        client(Map.of());
        VideoResult r = Drive.until(time, generate(VideoRequest.text("A cat").extra(SoraProxy.EXTRA_STREAM, false).build()));

        assertThat(r.video().uri()).isEqualTo(URI.create("https://cdn.example/sora/1f2e.mp4"));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "sora_video2", "stream": false,
                         "messages": [{"role": "user", "content": [{"type": "text", "text": "A cat"}]}]}""")));
    }

    @Test
    void nonStreamingMode_byEnvironment_errorEnvelopeWithHttp200_isTyped() {
        wm.stubFor(post(PATH).willReturn(okJson("{\"error\": {\"message\": \"quota used up\", \"code\": \"insufficient_quota\"}}")));
        client(Map.of(SoraProxy.STREAM, "false"));
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(QuotaExceededException.class).hasMessageContaining("quota used up");
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"stream\": false}", true, true)));
    }

    @Test
    void nonStreamingMode_answerWithoutUrl_isATypedFailure() {
        wm.stubFor(post(PATH).willReturn(okJson("{\"choices\": [{\"message\": {\"content\": \"生成中，请稍候\"}}]}")));
        client(Map.of(SoraProxy.STREAM, "false"));
        assertThatThrownBy(() -> Drive.until(time, generate(VideoRequest.text("A cat").build())))
                .cause().isInstanceOf(GenerationFailedException.class)
                .hasMessage("sora-proxy answer ended (single answer) after 1 chunk(s) without a video link; the gateway said: 生成中，请稍候");
    }

    @Test
    void proModel_goesToTheCharacterEndpoint_withItsKey_baseUrlWithTrailingSlash() {
        wm.stubFor(post("/pro" + PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
        client(Map.of(SoraProxy.CHARACTER_BASE_URL, wm.baseUrl() + "/pro/", SoraProxy.CHARACTER_API_KEY, "char-key"));

        VideoResult r = Drive.until(time, generate(VideoRequest.text("A cat").model(SoraProxy.SORA_2_PRO).build()));

        wm.verify(1, postRequestedFor(urlEqualTo("/pro" + PATH)).withHeader("Authorization", equalTo("Bearer char-key"))
                .withRequestBody(equalToJson("{\"model\": \"sora-2-pro\"}", true, true)));
        assertThat(ProviderData.keyId(r.job())).isEqualTo("sora-proxy-character#1");
        assertThat(ProviderData.attributes(r.job())).containsEntry("endpoint", "character");
    }

    @Test
    void baseUrlEndingInV1_withOrWithoutSlash_isNotDoubled() {
        stubStream(STREAM);
        client(Map.of(SoraProxy.BASE_URL, wm.baseUrl() + "/v1/"));
        Drive.until(time, generate(VideoRequest.text("A cat").build()));
        client.close();
        client(Map.of(SoraProxy.BASE_URL, wm.baseUrl() + "/v1"));
        Drive.until(time, generate(VideoRequest.text("A cat").build()));
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void keyPool_takesKeysInTurn() {
        stubStream(STREAM);
        client(Map.of(SoraProxy.API_KEY, "k1,k2"));
        VideoResult first = Drive.until(time, generate(VideoRequest.text("A cat").build()));
        VideoResult second = Drive.until(time, generate(VideoRequest.text("A cat").build()));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer k1")));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer k2")));
        assertThat(List.of(ProviderData.keyId(first.job()), ProviderData.keyId(second.job()))).containsExactly("sora-proxy#1", "sora-proxy#2");
    }

    @Test
    void awaitOnAToken_saysTheJobCannotBeResumed() {
        client(Map.of());
        VideoJob job = VideoJob.of(SoraProxy.ID, "chat-gone", "sora_video2", time.now());
        CompletableFuture<VideoResult> f = client.await(VideoJob.fromToken(job.toToken()));
        assertThatThrownBy(f::join).cause().isInstanceOf(VideoException.class)
                .hasMessageContaining("cannot be resumed from a token");
        wm.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void submitAndPoll_failClearly() {
        SoraProxyProvider provider = (SoraProxyProvider) new SoraProxyProviderFactory().create(
                new dev.videosdk.spi.ProviderConfig(SoraProxy.ID, Map.of(SoraProxy.API_KEY, KEY, SoraProxy.BASE_URL, wm.baseUrl())));
        assertThatThrownBy(() -> provider.submit(VideoRequest.text("x").build(), null).join()).cause()
                .hasMessage("sora-proxy delivers its result on one streaming connection and has no separate submit call; "
                        + "use VideoClient.generate(...)");
        assertThatThrownBy(() -> provider.poll(VideoJob.of(SoraProxy.ID, "chat-1", null, time.now()), null).join()).cause()
                .hasMessage("sora-proxy has no status endpoint: job chat-1 lived on one streaming connection and cannot be "
                        + "polled or resumed; generate it again");
        assertThat(provider.capabilities().streaming()).isTrue();
        assertThat(provider.toString()).doesNotContain(KEY);
    }

    @Test
    void missingSettings_nameTheVariable() {
        assertThatThrownBy(() -> new SoraProxyProviderFactory().create(new dev.videosdk.spi.ProviderConfig(SoraProxy.ID, Map.of())))
                .isInstanceOf(ConfigurationException.class).hasMessage("sora-proxy is not configured: set SORA_API_KEY");
        assertThatThrownBy(() -> new SoraProxyProviderFactory().create(
                new dev.videosdk.spi.ProviderConfig(SoraProxy.ID, Map.of(SoraProxy.API_KEY, KEY))))
                .isInstanceOf(ConfigurationException.class).hasMessage("sora-proxy is not configured: set SORA_BASE_URL");
        assertThatThrownBy(() -> new SoraProxyProviderFactory().create(new dev.videosdk.spi.ProviderConfig(SoraProxy.ID,
                Map.of(SoraProxy.API_KEY, KEY, SoraProxy.BASE_URL, wm.baseUrl(), SoraProxy.IDLE_TIMEOUT_SECONDS, "soon"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SORA_IDLE_TIMEOUT_SECONDS must be a whole number of seconds above 0, but was soon");
    }

    @Test
    void providerIsFoundByServiceLoader() {
        Map<String, String> env = Map.of(SoraProxy.API_KEY, KEY, SoraProxy.BASE_URL, wm.baseUrl());
        stubStream(STREAM);
        client = VideoClient.builder().env(env).defaultProvider(SoraProxy.ID).clock(time.clock()).scheduler(time.scheduler()).build();
        VideoResult r = Drive.until(time, client.generate(VideoRequest.text("A cat").build()));
        assertThat(r.video().uri().toString()).isEqualTo("https://cdn.example/sora/uuid.mp4");
        assertThat(new String(Base64.getDecoder().decode(Base64.getEncoder().encode(KEY.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8)).isEqualTo(KEY);
    }
}
