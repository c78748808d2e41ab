package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front passes requests through and stalls exactly the chosen answers after their headers. */
class StallingFrontTest {
    private static final String BODY = "{\"id\":\"job-1\",\"status\":\"running\"}";

    private final HttpServer target = start();
    private final StallingFront front = StallingFront.before("http://127.0.0.1:" + target.getAddress().getPort());

    private static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                byte[] body = (BODY + exchange.getRequestMethod() + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-request-id", "req-7");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void tearDown() {
        front.close();
        target.stop(0);
    }

    @Test
    void theChosenAnswer_sendsHeadersAndHalfTheBody_andOthersPassWhole() throws Exception {
        front.stall("GET", "/v1/jobs/", 1);
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(front.baseUrl() + "/v1/jobs/job-1");
        String whole = BODY + "GET";

        HttpResponse<InputStream> stalled = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stalled.statusCode()).isEqualTo(200);
        assertThat(stalled.headers().firstValue("x-request-id")).contains("req-7");
        assertThat(stalled.headers().firstValueAsLong("content-length")).hasValue(whole.length());
        assertThat(new String(stalled.body().readNBytes(whole.length() / 2), StandardCharsets.UTF_8))
                .isEqualTo(whole.substring(0, whole.length() / 2));
        assertThat(front.stalledCount()).isEqualTo(1);

        HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(front.baseUrl() + "/v1/jobs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"p\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(next.body()).isEqualTo(whole);
        assertThat(post.body()).isEqualTo(BODY + "POST{\"p\":1}");
        assertThat(front.stalledCount()).isEqualTo(1);
        stalled.body().close();
    }
}
