package dev.videosdk.veo.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.testing.VirtualTime;
import java.util.HashMap;
import java.util.Map;

/** Shared set-up for the WireMock tests: loopback servers, a client on virtual time, canned answers. */
final class VeoWireMock {
    static final String KEY = "test-key-not-real";
    static final String MODEL = "veo-3.1-generate-preview";
    static final String SUBMIT_PATH = "/v1beta/models/" + MODEL + ":predictLongRunning";
    static final String OPERATION = "models/" + MODEL + "/operations/op-123";
    static final String POLL_PATH = "/v1beta/" + OPERATION;

    private VeoWireMock() {
    }

    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** A client with only the Gemini provider, pointed at {@code wm}. */
    static VideoClient gemini(WireMockExtension wm, VirtualTime time, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("GEMINI_API_KEY", KEY, "GEMINI_BASE_URL", wm.baseUrl()));
        env.putAll(extraEnv);
        return VideoClient.builder().withoutDiscovery().providerFactory(new GeminiVeoProviderFactory()).env(env)
                .defaultProvider("veo").clock(time.clock()).scheduler(time.scheduler()).random(() -> 0.5).build();
    }

    /** A client with a given provider instance. */
    static VideoClient with(VideoProvider provider, VirtualTime time) {
        return VideoClient.builder().withoutDiscovery().provider(provider).defaultProvider(provider.id())
                .clock(time.clock()).scheduler(time.scheduler()).random(() -> 0.5).build();
    }

    static void acceptSubmit(WireMockExtension wm) {
        wm.stubFor(post(urlPathEqualTo(SUBMIT_PATH)).willReturn(json("{\"name\":\"" + OPERATION + "\"}")));
    }

    static void finishWith(WireMockExtension wm, String operationJson) {
        wm.stubFor(get(urlPathEqualTo(POLL_PATH)).willReturn(json(operationJson)));
    }

    static String success(String... uris) {
        StringBuilder samples = new StringBuilder();
        for (String uri : uris) {
            samples.append(samples.length() == 0 ? "" : ",").append("{\"video\":{\"uri\":\"").append(uri).append("\"}}");
        }
        return "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/"
                + "google.ai.generativelanguage.v1beta.PredictLongRunningResponse\",\"generateVideoResponse\":"
                + "{\"generatedSamples\":[" + samples + "]}}}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
