package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.testing.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test data: fake keys, Kling answers, clients on virtual time. */
final class KlingFixture {
    static final String ACCESS_KEY = "ak-test-0001";
    static final String SECRET_KEY = "sk-test-secret-value-0001";
    static final String TASK_ID = "870012345678901234";
    static final String VIDEO_URL = "https://cdn.example-kling-host/bs2/video.mp4";
    static final long CREATED_MS = 1767225600000L;
    static final long UPDATED_MS = 1767225712345L;
    static final ObjectMapper JSON = new ObjectMapper();

    private KlingFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    static Map<String, String> env(WireMockExtension wm) {
        return Map.of("KLING_ACCESS_KEY", ACCESS_KEY, "KLING_SECRET_KEY", SECRET_KEY, "KLING_API_URL", wm.baseUrl());
    }

    static VideoClient client(VirtualTime time, Map<String, String> env) {
        return client(time, env, RetryPolicy.defaults());
    }

    static VideoClient client(VirtualTime time, Map<String, String> env, RetryPolicy retry) {
        return VideoClient.builder().withoutDiscovery()
                .providerFactory(new KlingProviderFactory())
                .env(env)
                .defaultProvider("kling")
                .clock(time.clock())
                .scheduler(time.scheduler())
                .retryPolicy(retry)
                .random(() -> 0.5)
                .build();
    }

    static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    /** {@code {"code":0,...,"data":{task}}}. */
    static String envelope(String task) {
        return "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-ok-1\",\"data\":" + task + "}";
    }

    static String accepted(String taskId) {
        return envelope("{\"task_id\":\"" + taskId + "\",\"task_status\":\"submitted\",\"created_at\":" + CREATED_MS
                + ",\"updated_at\":" + CREATED_MS + "}");
    }

    static String task(String status) {
        return "{\"task_id\":\"" + TASK_ID + "\",\"task_status\":\"" + status + "\",\"task_status_msg\":\"\","
                + "\"created_at\":" + CREATED_MS + ",\"updated_at\":" + UPDATED_MS + "}";
    }

    static String succeeded(String url) {
        return "{\"task_id\":\"" + TASK_ID + "\",\"task_status\":\"succeed\",\"task_status_msg\":\"\","
                + "\"task_info\":{\"external_task_id\":\"order-42\"},\"final_unit_deduction\":\"3.5\","
                + "\"created_at\":" + CREATED_MS + ",\"updated_at\":" + UPDATED_MS + ","
                + "\"task_result\":{\"videos\":[{\"id\":\"v-1\",\"url\":\"" + url + "\",\"duration\":\"5.1\"}]}}";
    }

    static String failed(String reason) {
        return "{\"task_id\":\"" + TASK_ID + "\",\"task_status\":\"failed\",\"task_status_msg\":\"" + reason + "\","
                + "\"created_at\":" + CREATED_MS + ",\"updated_at\":" + UPDATED_MS + "}";
    }

    static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-err-" + code + "\",\"data\":null}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static List<LoggedRequest> posts(WireMockExtension wm, String path) {
        return wm.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static ObjectNode body(LoggedRequest request) {
        try {
            return (ObjectNode) JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real PNG of the given size. */
    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
