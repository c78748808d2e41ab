package dev.videosdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.jobs.LedgerEntry;
import dev.videosdk.jobs.VideoQueue;
import dev.videosdk.testing.FakeScript;
import dev.videosdk.testing.FakeVideoProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API over real HTTP (no browser), on the durable queue with the scriptable fake provider. */
@VideoServiceTestSetup
class VideoApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    FakeVideoProvider fake;

    @Autowired
    VideoQueue queue;

    @Autowired
    javax.sql.DataSource dataSource;

    private HttpResponse<String> send(String method, String path, String json, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-User-Id", user)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> answer = send("GET", path, null, user);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private String create(String user, String json) throws Exception {
        HttpResponse<String> created = send("POST", "/api/video/create", json, user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readTree(created.body()).get("taskId").asText();
    }

    /** Asks the status endpoint every 20 ms (the queue checks the fake every 150 ms) until {@code done}, at most 20 s. */
    private JsonNode statusUntil(String taskId, Predicate<JsonNode> done) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode s = get("/api/video/status?taskId=" + taskId, "anyone");
        while (!done.test(s)) {
            assertThat(Instant.now()).as("task %s still %s", taskId, s).isBefore(end);
            Thread.sleep(20);
            s = get("/api/video/status?taskId=" + taskId, "anyone");
        }
        return s;
    }

    private static boolean finished(JsonNode s) {
        return s.get("status").asText().matches("succeeded|failed");
    }

    private static String user() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long credits(String user) throws Exception {
        return get("/api/credits", user).get("credits").asLong();
    }

    private List<String> ledgerKinds(String user) {
        return queue.ledger().entries(user).stream().map(LedgerEntry::kind).toList();
    }

    /** Asserts a 400 in the app's shape naming {@code field}; returns the body. */
    private static JsonNode badRequest(HttpResponse<String> answer, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        return body;
    }

    /** The user still has the welcome credits, and the ledger holds nothing else. */
    private void assertNothingCharged(String user) throws Exception {
        assertThat(credits(user)).isEqualTo(100);
        assertThat(ledgerKinds(user)).containsExactly("CREDIT");
    }

    @Test
    void create_thenStatus_succeedsWithVideoAndThumbnailFromTheStorage_chargedOnce() throws Exception {
        String user = user();
        HttpResponse<String> created = send("POST", "/api/video/create",
                "{\"prompt\":\"A koi pond at dawn\",\"duration\":5,\"aspectRatio\":\"16:9\"}", user);

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.get("status").asText()).isEqualTo("queued");
        assertThat(answer.get("cost").asLong()).isEqualTo(10);
        assertThat(answer.get("creditsLeft").asLong()).isEqualTo(90);
        assertThat(answer.get("estimatedTime").asInt()).isEqualTo(10);
        String taskId = answer.get("taskId").asText();

        JsonNode done = statusUntil(taskId, VideoApiTest::finished);
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.at("/result/videoUrl").asText()).isEqualTo("/api/video/file/" + taskId);
        assertThat(done.at("/result/thumbnailUrl").asText()).isEqualTo("/api/video/thumbnail/" + taskId);

        // the fake's clip is H.264 MP4 already: stored as is, not transcoded; the thumbnail is a JPEG
        HttpResponse<byte[]> video = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + done.at("/result/videoUrl").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(video.body()).isEqualTo(FakeVideoProvider.sampleVideo());
        HttpResponse<byte[]> thumb = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + done.at("/result/thumbnailUrl").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(thumb.body()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(queue.record(taskId).orElseThrow().outputs())
                .containsEntry("media.videoKey", user + "/videos/" + taskId + ".mp4")
                .containsEntry("media.thumbnailKey", user + "/videos/" + taskId + "_thumb.jpg")
                .containsEntry("media.transcoded", "false");

        // charged once: welcome credit, one reservation of 10, settled at the reservation
        assertThat(credits(user)).isEqualTo(90);
        assertThat(ledgerKinds(user)).containsExactly("CREDIT", "RESERVE", "SETTLE");
        assertThat(fake.requests()).filteredOn(r -> r.prompt().equals("A koi pond at dawn")).hasSize(1);
    }

    @Test
    void createRefusedByTheProvider_failedInWords_creditsRefunded() throws Exception {
        String user = user();
        fake.enqueue(FakeScript.rejectSubmit(new ContentPolicyException("prompt flagged", List.of("violence"),
                ErrorContext.of("fake", 400, "content_policy", "req-9"), null)));
        String taskId = create(user, "{\"prompt\":\"Something the provider refuses\"}");

        JsonNode done = statusUntil(taskId, VideoApiTest::finished);

        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.at("/error/message").asText()).isEqualTo(Messages.CONTENT);
        assertThat(done.at("/error/code").asText()).isEqualTo("content_policy");
        assertThat(done.get("result").isNull()).isTrue();
        assertThat(credits(user)).isEqualTo(100);
        assertThat(ledgerKinds(user)).containsExactly("CREDIT", "RESERVE", "REFUND");
    }

    @Test
    void failureAfterTheProviderAccepted_failedInWords_creditsKeptAsTheQueueRules() throws Exception {
        String user = user();
        fake.enqueue(FakeScript.failAfter(2, new GenerationFailedException("the render crashed",
                ErrorContext.of("fake", 200, "render_error", "req-10"), false, null)));
        String taskId = create(user, "{\"prompt\":\"A render that crashes\"}");

        JsonNode done = statusUntil(taskId, VideoApiTest::finished);

        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.at("/error/message").asText()).isEqualTo(Messages.FAILED);
        // ADR 1003: after acceptance the provider may have billed, so the reservation is settled (charged), once
        assertThat(credits(user)).isEqualTo(90);
        assertThat(ledgerKinds(user)).containsExactly("CREDIT", "RESERVE", "SETTLE");
    }

    @Test
    void create_durationTheProviderDoesNotOffer_400NamingTheFieldAndNothingCharged() throws Exception {
        String user = user();
        HttpResponse<String> answer = send("POST", "/api/video/create", "{\"prompt\":\"x\",\"duration\":7}", user);

        badRequest(answer, "duration");
        assertNothingCharged(user);
    }

    @Test
    void create_creditsShort_402NothingStoredNothingSent() throws Exception {
        String user = user();
        queue.ledger().credit(user, 5, "less than one video");
        int sent = fake.requests().size();

        HttpResponse<String> answer = send("POST", "/api/video/create", "{\"prompt\":\"Too dear\"}", user);

        assertThat(answer.statusCode()).isEqualTo(402);
        assertThat(answer.body()).contains("enough credits");
        assertThat(credits(user)).isEqualTo(5);
        assertThat(ledgerKinds(user)).containsExactly("CREDIT");
        assertThat(fake.requests()).hasSize(sent);
    }

    @Test
    void create_badFields_400NamingEach() throws Exception {
        assertThat(send("POST", "/api/video/create", "{\"prompt\":\"  \"}", "u").body())
                .contains("\"field\":\"prompt\"", "Please describe the video");
        assertThat(send("POST", "/api/video/create", "{\"prompt\":\"x\",\"quality\":\"ultra\"}", "u").body())
                .contains("\"field\":\"quality\"");
        assertThat(send("POST", "/api/video/create", "{\"prompt\":\"x\",\"aspectRatio\":\"wide\"}", "u").body())
                .contains("\"field\":\"aspectRatio\"");
        assertThat(send("POST", "/api/video/create", "{\"prompt\":\"x\",\"provider\":\"nope\"}", "u").body())
                .contains("\"field\":\"provider\"");
        HttpResponse<String> badUser = send("POST", "/api/video/create", "{\"prompt\":\"x\"}", "../etc");
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("\"field\":\"X-User-Id\"");
    }

    @Test
    void queueStatus_countsEveryStateAndShowsTheWorkers() throws Exception {
        String taskId = create(user(), "{\"prompt\":\"Counted\"}");
        statusUntil(taskId, VideoApiTest::finished);

        JsonNode stats = get("/api/queues/status", "anyone");

        assertThat(stats.get("byState").fieldNames()).toIterable().containsExactly("queued", "submitting", "waiting",
                "downloading", "post_processing", "succeeded", "failed", "cancelled", "needs_reconciliation", "abandoned");
        assertThat(stats.at("/byState/succeeded").asLong()).isPositive();
        assertThat(stats.get("total").asLong()).isGreaterThanOrEqualTo(stats.at("/byState/succeeded").asLong());
        assertThat(stats.get("finishedLastHour").asLong()).isPositive();
        assertThat(stats.at("/workers/running").asBoolean()).isTrue();
        assertThat(stats.at("/workers/threads").asInt()).isEqualTo(8);
    }

    @Test
    void queueTask_theOwnersRecordWithHistory_404ForAnotherUser() throws Exception {
        String owner = user();
        String taskId = create(owner, "{\"prompt\":\"Mine\"}");
        statusUntil(taskId, VideoApiTest::finished);

        JsonNode task = get("/api/queues/tasks/" + taskId, owner);
        HttpResponse<String> other = send("GET", "/api/queues/tasks/" + taskId, null, user());

        assertThat(task.get("userId").asText()).isEqualTo(owner);
        assertThat(task.get("provider").asText()).isEqualTo("fake");
        assertThat(task.get("providerJobId").asText()).startsWith("fake-");
        assertThat(task.get("state").asText()).isEqualTo("succeeded");
        assertThat(task.get("cost").asLong()).isEqualTo(10);
        assertThat(task.get("history").findValuesAsText("state")).contains("queued", "waiting", "succeeded");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(owner);
        assertThat(send("GET", "/api/queues/tasks/not-a-task", null, owner).statusCode()).isEqualTo(404);
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
        assertThat(send("GET", "/api/video/status?taskId=" + UUID.randomUUID(), null, "u").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/video/thumbnail/" + UUID.randomUUID(), null, "u").statusCode()).isEqualTo(404);
    }

    @Test
    void taskWebhook_signedAccepted_tamperedRejected_unknownTask404() throws Exception {
        fake.enqueue(FakeScript.neverFinish());
        String taskId = create(user(), "{\"prompt\":\"Hooked\"}");
        statusUntil(taskId, s -> queue.record(taskId).orElseThrow().providerJobId() != null);
        String jobId = queue.record(taskId).orElseThrow().providerJobId();
        String body = "{\"id\":\"" + jobId + "\",\"status\":\"running\"}";
        String path = "/api/video/webhook/fake/" + taskId;

        HttpResponse<String> signed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("x-fake-signature", FakeVideoProvider.sha256Hex("fake-secret" + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tampered = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("x-fake-signature", FakeVideoProvider.sha256Hex("fake-secret" + body + " "))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(tampered.statusCode()).isEqualTo(400);
        // the seeds' route without the task id: the starter's endpoint, routed through the queue (task found by job id)
        HttpResponse<String> byJobId = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/video/webhook/fake"))
                .header("x-fake-signature", FakeVideoProvider.sha256Hex("fake-secret" + body + "  "))
                .POST(HttpRequest.BodyPublishers.ofString(body + "  ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byJobId.statusCode()).as(byJobId.body()).isEqualTo(200);
        assertThat(byJobId.body()).contains("\"outcome\":\"applied\"");
        assertThat(send("POST", "/api/video/webhook/fake/" + UUID.randomUUID(), body, "u").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/video/webhook/nope", "{}", "u").statusCode()).isEqualTo(404);
        queue.cancel(taskId);
    }

    @Test
    void create_badImageUrl_400NamingImageUrl_nothingCharged() throws Exception {
        String user = user();
        HttpResponse<String> ftp = send("POST", "/api/video/create", "{\"prompt\":\"x\",\"imageUrl\":\"ftp://example.com/a.png\"}", user);
        HttpResponse<String> notAUrl = send("POST", "/api/video/create", "{\"prompt\":\"x\",\"imageUrl\":\"a cat.png\"}", user);

        assertThat(badRequest(ftp, "imageUrl").get("error").asText()).contains("http(s) address", "ftp://example.com/a.png");
        badRequest(notAUrl, "imageUrl");
        assertNothingCharged(user);
    }

    @Test
    void create_malformedJson_400InTheAppsShape_namingThePropertyWhenThereIsOne() throws Exception {
        HttpResponse<String> badValue = send("POST", "/api/video/create", "{\"prompt\":\"x\",\"duration\": }", "u");
        HttpResponse<String> truncated = send("POST", "/api/video/create", "{\"prompt\":\"x", "u");
        HttpResponse<String> notAnObject = send("POST", "/api/video/create", "[1, 2]", "u");
        HttpResponse<String> empty = send("POST", "/api/video/create", "", "u");

        assertThat(badRequest(badValue, "duration").get("error").asText()).startsWith("The request body is not a valid JSON object near \"duration\" (line 1, column ")
                .endsWith("Please send one such as " + JsonBodyError.EXAMPLE + ".");
        badRequest(truncated, "prompt");
        for (HttpResponse<String> answer : List.of(notAnObject, empty)) {
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(body.get("field").isNull()).as(answer.body()).isTrue();
            assertThat(body.get("error").asText()).startsWith("The request body is").contains(JsonBodyError.EXAMPLE);
            assertThat(answer.body()).doesNotContain("\"status\"", "\"path\"", "timestamp");   // not Spring's default body
        }
    }

    @Test
    void status_withoutTaskId_400NamingTaskId() throws Exception {
        for (String path : List.of("/api/video/status", "/api/video/status?taskId=", "/api/video/status?taskId=%20")) {
            assertThat(badRequest(send("GET", path, null, "u"), "taskId").get("error").asText()).as(path).contains("taskId");
        }
    }

    @Test
    void upload_textFileNamedPng_400NamingImages_nothingCharged() throws Exception {
        String user = user();
        int sent = fake.requests().size();

        HttpResponse<String> answer = upload(user, "Text in disguise", "notes.png", "image/png",
                "just some text, not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(badRequest(answer, "images").get("error").asText()).isEqualTo("\"notes.png\" is not a PNG, JPEG, WebP or GIF image.");
        assertNothingCharged(user);
        assertThat(fake.requests()).hasSize(sent);
    }

    @Test
    void upload_realPngWithAGenericContentType_acceptedAndSentAsPng() throws Exception {
        String user = user();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);

        HttpResponse<String> answer = upload(user, "A picture in a plain wrapper", "picture", "application/octet-stream", png.toByteArray());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        statusUntil(JSON.readTree(answer.body()).get("taskId").asText(), VideoApiTest::finished);
        assertThat(fake.requests()).filteredOn(r -> r.prompt().equals("A picture in a plain wrapper")).singleElement()
                .satisfies(r -> assertThat(r.images()).singleElement().satisfies(i -> assertThat(i.mimeType()).isEqualTo("image/png")));
        assertThat(credits(user)).isEqualTo(90);
    }

    /** {@code POST /api/video/create} as the page sends it: multipart with a prompt and one file under {@code images}. */
    private HttpResponse<String> upload(String user, String prompt, String fileName, String contentType, byte[] file)
            throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n" + prompt + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/video/create"))
                .header("X-User-Id", user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void schedulerUtcWarning_silenced_becauseTheQueueStoresTimesWithTheirZone() throws Exception {
        // db-scheduler's warning assumes TIMESTAMP WITH TIME ZONE columns on H2; the queue's schema has them
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.ResultSet columns = c.getMetaData().getColumns(null, null, "VSDK_SCHEDULED_TASKS", null)) {
            java.util.Map<String, Integer> types = new java.util.HashMap<>();
            while (columns.next()) {
                types.put(columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), columns.getInt("DATA_TYPE"));
            }
            assertThat(types).containsEntry("execution_time", java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .containsEntry("last_heartbeat", java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .containsEntry("last_success", java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .containsEntry("last_failure", java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        }
        org.slf4j.Logger warning = org.slf4j.LoggerFactory.getLogger(
                "com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization.utc_warning");
        assertThat(warning.isWarnEnabled()).isFalse();
        assertThat(warning.isErrorEnabled()).isTrue();
    }
}
