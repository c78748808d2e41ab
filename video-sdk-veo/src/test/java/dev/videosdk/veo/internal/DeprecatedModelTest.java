package dev.videosdk.veo.internal;

import static dev.videosdk.veo.internal.VeoWireMock.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.testing.VirtualTime;
import dev.videosdk.veo.VeoModels;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deprecated model is warned about once per model and provider instance, and still sent. */
class DeprecatedModelTest {
    @RegisterExtension
    static WireMockExtension wm = VeoWireMock.server();

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private GeminiVeoProvider provider() {
        return new GeminiVeoProvider(URI.create(wm.baseUrl()),
                CredentialPool.of("veo", List.of(Credential.header("veo#1", "x-goog-api-key", KEY))), warnings::add);
    }

    @Test
    void warnsOncePerModelPerProvider() {
        for (String model : List.of(VeoModels.VEO_2_0, VeoModels.VEO_3_0)) {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1beta/models/" + model + ":predictLongRunning"))
                    .willReturn(VeoWireMock.json("{\"name\":\"models/" + model + "/operations/o\"}")));
        }
        VeoWireMock.acceptSubmit(wm);
        VirtualTime time = VirtualTime.start();
        try (VideoClient client = VeoWireMock.with(provider(), time)) {
            time.run(client.submit(VideoRequest.text("x").model(VeoModels.VEO_2_0).build()));
            time.run(client.submit(VideoRequest.text("y").model(VeoModels.VEO_2_0).build()));
            time.run(client.submit(VideoRequest.text("z").model(VeoModels.VEO_3_0).build()));
            time.run(client.submit(VideoRequest.text("current").build()));
        }

        assertThat(warnings).containsExactly(
                "veo: model veo-2.0-generate-001 is deprecated by Google and may stop working; move to "
                        + "veo-3.1-generate-preview or veo-3.1-fast-generate-preview",
                "veo: model veo-3.0-generate-001 is deprecated by Google and may stop working; move to "
                        + "veo-3.1-generate-preview or veo-3.1-fast-generate-preview");
        wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1beta/models/veo-2.0-generate-001:predictLongRunning")));
    }

    @Test
    void aNewProviderInstanceWarnsAgain() {
        VeoWireMock.acceptSubmit(wm);
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1beta/models/veo-3.0-fast-generate-001:predictLongRunning"))
                .willReturn(VeoWireMock.json("{\"name\":\"models/m/operations/o\"}")));
        VirtualTime time = VirtualTime.start();
        for (int i = 0; i < 2; i++) {
            try (VideoClient client = VeoWireMock.with(provider(), time)) {
                time.run(client.submit(VideoRequest.text("x").model(VeoModels.VEO_3_0_FAST).build()));
            }
        }

        assertThat(warnings).hasSize(2);
    }
}
