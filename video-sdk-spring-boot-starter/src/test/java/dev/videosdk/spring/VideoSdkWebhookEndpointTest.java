package dev.videosdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.FakeVideoProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The endpoint over real HTTP, on the fake provider (its signature: hex SHA-256 of secret + body). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videosdk.use-process-environment=false", "videosdk.default-provider=fake", "videosdk.webhook.path=/hooks/video"})
class VideoSdkWebhookEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An application of its own: auto-configuration only, no scan of the starter's package (as in a user's app). */
    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    VideoClient client;

    private HttpResponse<String> post(String provider, String body, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/video/" + provider))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            r.header("x-fake-signature", signature);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) {
        return FakeVideoProvider.sha256Hex("fake-secret" + body);
    }

    @Test
    void signed_appliedWith200() throws Exception {
        VideoJob job = client.submit(VideoRequest.text("a lighthouse").build()).join();
        String body = "{\"id\":\"" + job.id() + "\",\"status\":\"succeeded\"}";

        HttpResponse<String> answer = post("fake", body, sign(body));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"outcome\":\"applied\"}");
    }

    @Test
    void sameDeliveryTwice_duplicateWith200_appliedOnce() throws Exception {
        VideoJob job = client.submit(VideoRequest.text("a lighthouse at dusk").build()).join();
        String body = "{\"id\":\"" + job.id() + "\",\"status\":\"succeeded\"}";

        HttpResponse<String> first = post("fake", body, sign(body));
        HttpResponse<String> again = post("fake", body, sign(body)); // an at-least-once sender redelivers

        assertThat(first.body()).isEqualTo("{\"outcome\":\"applied\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"outcome\":\"duplicate\"}");
    }

    @Test
    void tampered_rejectedWith400() throws Exception {
        VideoJob job = client.submit(VideoRequest.text("a lighthouse").build()).join();
        String body = "{\"id\":\"" + job.id() + "\",\"status\":\"succeeded\"}";

        HttpResponse<String> answer = post("fake", body.replace("succeeded", "failed"), sign(body));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"outcome\":\"rejected\"}");
    }

    @Test
    void verifiedButNotAboutAJob_ignoredWith200() throws Exception {
        String body = "{\"type\":\"ping\"}";
        HttpResponse<String> answer = post("fake", body, sign(body));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"outcome\":\"ignored\"}");
    }

    @Test
    void unknownProvider_404() throws Exception {
        HttpResponse<String> answer = post("nope", "{}", null);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"outcome\":\"unknown_provider\"}");
    }
}
