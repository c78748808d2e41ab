package dev.videosdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API over real HTTP (no browser). */
@VideoServiceTestSetup
class VideoApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String json, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-User-Id", user)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void create_json_answersTaskCostAndCredits_thenStatusAndQueueKnowIt() throws Exception {
        HttpResponse<String> created = send("POST", "/api/video/create",
                "{\"prompt\":\"A koi pond at dawn\",\"duration\":5,\"aspectRatio\":\"16:9\"}", "api-user");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"status\":\"queued\"", "\"cost\":10", "\"creditsLeft\":90", "\"estimatedTime\":10");
        String taskId = created.body().replaceAll(".*\"taskId\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> status = send("GET", "/api/video/status?taskId=" + taskId, null, "api-user");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"taskId\":\"" + taskId + "\"").containsPattern("\"status\":\"(queued|running|succeeded)\"");
        assertThat(send("GET", "/api/queues/tasks/" + taskId, null, "api-user").body())
                .contains("\"userId\":\"api-user\"", "\"provider\":\"fake\"", "\"providerJobId\":\"fake-");
        assertThat(send("GET", "/api/queues/status", null, "api-user").body()).contains("\"total\":");
        assertThat(send("GET", "/api/credits", null, "api-user").body()).contains("\"credits\":90");
    }

    @Test
    void create_durationTheProviderDoesNotOffer_400NamingTheFieldAndNothingCharged() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/video/create", "{\"prompt\":\"x\",\"duration\":7}", "picky-user");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"duration\"");
        assertThat(send("GET", "/api/credits", null, "picky-user").body()).contains("\"credits\":100");
    }

    @Test
    void create_noPromptNoImage_400OnPrompt() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/video/create", "{\"prompt\":\"  \"}", "u");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"prompt\"", "Please describe the video");
    }

    @Test
    void actuator_healthShowsTheClient_metricsAreBound() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null, "u");
        HttpResponse<String> gauge = send("GET", "/actuator/metrics/videosdk.runs.active", null, "u");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"videoSdk\"", "\"providers\":[\"fake\"]", "\"defaultProvider\":\"fake\"",
                "\"kling\":\"kling is not configured");
        assertThat(gauge.statusCode()).isEqualTo(200);
    }

    @Test
    void status_unknownTask_404() throws Exception {
        assertThat(send("GET", "/api/video/status?taskId=nope", null, "u").statusCode()).isEqualTo(404);
    }

    @Test
    void webhook_servedByTheStarterAtTheAppsPath() throws Exception {
        HttpResponse<String> unknown = send("POST", "/api/video/webhook/nope", "{}", "u");
        HttpResponse<String> unsigned = send("POST", "/api/video/webhook/fake", "{\"id\":\"fake-1\"}", "u");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unsigned.statusCode()).isEqualTo(400);
    }
}
