package dev.videosdk.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.videosdk.AuthenticationException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefaultHttpTransportTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final TestTime time = new TestTime();
    private final DefaultHttpTransport transport = transport(RetryPolicy.defaults(), Duration.ofSeconds(5),
            new dev.videosdk.internal.AsyncSemaphore(64), e -> false);

    /** A transport on test time; the body idle timer is an hour, which TestTime never runs. */
    private DefaultHttpTransport transport(RetryPolicy retry, Duration timeout, dev.videosdk.internal.AsyncSemaphore gate,
                                           java.util.function.Predicate<dev.videosdk.VideoException> notAccepted) {
        return new DefaultHttpTransport("acme", new DefaultHttpTransport.Shared(HttpClient.newHttpClient(), time.scheduler,
                time.clock, retry, timeout, TestTime.NEVER, "test-agent", () -> 0.5, gate,
                new dev.videosdk.internal.Events(dev.videosdk.VideoEventListener.NONE)), null, notAccepted);
    }
    private final CredentialPool pool = CredentialPool.bearer("acme", List.of("secret-one"));

    private URI uri(String path) {
        return URI.create(wm.baseUrl() + path);
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void send_rateLimitedWithRetryAfterSeconds_waitsThatLongThenSucceeds() {
        wm.stubFor(get("/s").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        wm.stubFor(get("/s").inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson("{\"ok\":true}")));

        HttpReply reply = TestTime.join(transport.send(HttpCall.get(uri("/s")).credentials(pool).build()));

        assertThat(reply.json().path("ok").asBoolean()).isTrue();
        assertThat(time.delays).containsExactly(Duration.ofSeconds(7));
        wm.verify(2, getRequestedFor(urlEqualTo("/s")).withHeader("Authorization", equalTo("Bearer secret-one"))
                .withHeader("User-Agent", equalTo("test-agent")));
    }

    @Test
    void send_rateLimitedWithRetryAfterHttpDate_waitsUntilThatDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
        wm.stubFor(get("/d").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", date)).willSetStateTo("ok"));
        wm.stubFor(get("/d").inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.get(uri("/d")).build()));

        assertThat(time.delays).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void send_retryAfterBeyondCap_failsWithRateLimitCarryingIt() {
        wm.stubFor(get("/long").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.get(uri("/long")).build())));

        assertThat(t).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) t).retryAfter()).contains(Duration.ofHours(1));
        wm.verify(1, getRequestedFor(urlEqualTo("/long")));
    }

    @Test
    void send_503Burst_retriedWithCappedFullJitterBackoff() {
        wm.stubFor(get("/b").inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        wm.stubFor(get("/b").inScenario("b").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("3"));
        wm.stubFor(get("/b").inScenario("b").whenScenarioStateIs("3").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.get(uri("/b")).build()));

        // full jitter with random 0.5: half of 500 ms, then half of 1000 ms
        assertThat(time.delays).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void send_503Forever_givesUpAfterMaxRetriesWithUnavailable() {
        wm.stubFor(get("/down").willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.get(uri("/down")).build())));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 503")
                .hasMessageContaining("<html>down</html>");
        wm.verify(4, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void send_queryConnectionReset_isRetried() {
        wm.stubFor(get("/r").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get("/r").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.get(uri("/r")).build()));

        wm.verify(2, getRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void send_queryEmptyReply_isRetried() {
        wm.stubFor(get("/e").inScenario("e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("ok"));
        wm.stubFor(get("/e").inScenario("e").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.get(uri("/e")).build()));

        wm.verify(2, getRequestedFor(urlEqualTo("/e")));
    }

    @Test
    void send_createConnectionDroppedAfterSending_isNotRetried() {
        wm.stubFor(post("/jobs").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.post(uri("/jobs")).json(Map.of("p", "x")).build())));

        assertThat(t).isInstanceOf(dev.videosdk.JobMayExistException.class).hasMessageContaining("a job may exist");
        assertThat(((dev.videosdk.VideoException) t).isRetryable()).isFalse();
        wm.verify(1, postRequestedFor(urlEqualTo("/jobs")));
    }

    @Test
    void send_createEmptyReply_isNotRetried() {
        wm.stubFor(post("/jobs").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        failure(() -> TestTime.join(transport.send(HttpCall.post(uri("/jobs")).json(Map.of()).build())));

        wm.verify(1, postRequestedFor(urlEqualTo("/jobs")));
    }

    @Test
    void send_create503_isNotRetriedUnlessDeclaredNotAccepted() {
        wm.stubFor(post("/jobs").willReturn(aResponse().withStatus(503)));

        Throwable unknown = failure(() -> TestTime.join(transport.send(HttpCall.post(uri("/jobs")).json(Map.of()).build())));
        wm.verify(1, postRequestedFor(urlEqualTo("/jobs")));
        assertThat(unknown).isInstanceOf(dev.videosdk.JobMayExistException.class).hasMessageContaining("a job may exist");
        assertThat(((dev.videosdk.VideoException) unknown).isRetryable()).isFalse();
        assertThat(unknown.getCause()).isInstanceOf(ProviderUnavailableException.class);

        wm.resetRequests();
        DefaultHttpTransport declared = transport(RetryPolicy.defaults(), Duration.ofSeconds(5),
                new dev.videosdk.internal.AsyncSemaphore(64), e -> e.httpStatus().orElse(0) == 503);
        failure(() -> TestTime.join(declared.send(HttpCall.post(uri("/jobs")).json(Map.of()).build())));
        wm.verify(4, postRequestedFor(urlEqualTo("/jobs")));
    }

    @Test
    void send_create429_isRetriedBecauseNoJobWasStarted() {
        wm.stubFor(post("/jobs").inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1500")).willSetStateTo("ok"));
        wm.stubFor(post("/jobs").inScenario("c").whenScenarioStateIs("ok").willReturn(okJson("{\"id\":\"j1\"}")));

        HttpReply reply = TestTime.join(transport.send(HttpCall.post(uri("/jobs")).json(Map.of()).build()));

        assertThat(reply.json().path("id").asText()).isEqualTo("j1");
        assertThat(time.delays).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void send_createWithIdempotencyKey_reusesTheSameKeyOnEveryTry() {
        wm.stubFor(post("/jobs").inScenario("i").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("2"));
        wm.stubFor(post("/jobs").inScenario("i").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("3"));
        wm.stubFor(post("/jobs").inScenario("i").whenScenarioStateIs("3").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.post(uri("/jobs")).json(Map.of("a", 1))
                .idempotencyKey("Idempotency-Key", "key-123").build()));

        wm.verify(3, postRequestedFor(urlEqualTo("/jobs")).withHeader("Idempotency-Key", equalTo("key-123")));
    }

    @Test
    void send_malformedJson_readAsProtocolErrorWithExcerpt() {
        wm.stubFor(get("/m").willReturn(aResponse().withStatus(200).withBody("{\"status\": tru")));

        HttpReply reply = TestTime.join(transport.send(HttpCall.get(uri("/m")).build()));

        assertThatThrownBy(reply::json).isInstanceOf(ProtocolException.class).hasMessageContaining("{\"status\": tru");
    }

    @Test
    void send_htmlErrorPage_mappedByStatusWithExcerptAndRequestId() {
        wm.stubFor(get("/h").willReturn(aResponse().withStatus(400).withHeader("x-request-id", "req-9")
                .withBody("<html><body>Bad   request\n page</body></html>")));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.get(uri("/h")).build())));

        assertThat(t).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("<html><body>Bad request page</body></html>").hasMessageContaining("request id req-9");
        assertThat(((InvalidRequestException) t).requestId()).contains("req-9");
    }

    @Test
    void send_readTimeout_mappedToUnavailableAndRetriedForIdempotentCalls() {
        DefaultHttpTransport impatient = transport(RetryPolicy.defaults().withMaxRetries(1), Duration.ofMillis(200),
                new dev.videosdk.internal.AsyncSemaphore(64), e -> false);
        wm.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(1500)));

        Throwable t = failure(() -> TestTime.join(impatient.send(HttpCall.get(uri("/slow")).build())));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("did not answer in time");
        wm.verify(2, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void send_connectionRefused_createIsRetriedBecauseNothingWasSent() throws java.io.IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Throwable t = failure(() -> TestTime.join(transport.send(
                HttpCall.post(URI.create("http://127.0.0.1:" + closedPort + "/jobs")).json(Map.of()).build())));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("could not be reached")
                .hasMessageNotContaining(": null"); // the cause is named when it has no message
        assertThat(time.delays).hasSize(3);
    }

    @Test
    void send_keyPool_rateLimitedKeyCoolsDownAndNextKeyIsUsed() {
        CredentialPool two = CredentialPool.bearer("acme", List.of("key-a", "key-b"));
        wm.stubFor(get("/k").withHeader("Authorization", equalTo("Bearer key-a"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        wm.stubFor(get("/k").withHeader("Authorization", equalTo("Bearer key-b")).willReturn(okJson("{}")));

        HttpReply first = TestTime.join(transport.send(HttpCall.get(uri("/k")).credentials(two).build()));
        HttpReply second = TestTime.join(transport.send(HttpCall.get(uri("/k")).credentials(two).build()));

        assertThat(first.credentialId()).isEqualTo("acme#2");
        assertThat(second.credentialId()).isEqualTo("acme#2"); // key a is still cooling down
        assertThat(time.delays).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) < 0); // no 30 s wait with a free key
    }

    @Test
    void send_keyPool_rejectedKeyIsSetAsideAndJobCallsStayOnTheirKey() {
        CredentialPool two = CredentialPool.bearer("acme", List.of("key-a", "key-b"));
        wm.stubFor(get("/a").withHeader("Authorization", equalTo("Bearer key-a")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/a").withHeader("Authorization", equalTo("Bearer key-b")).willReturn(okJson("{}")));

        HttpReply reply = TestTime.join(transport.send(HttpCall.get(uri("/a")).credentials(two).build()));
        assertThat(reply.credentialId()).isEqualTo("acme#2");
        for (int i = 0; i < 3; i++) {
            assertThat(TestTime.join(transport.send(HttpCall.get(uri("/a")).credentials(two).build())).credentialId())
                    .isEqualTo("acme#2");
        }
        // a call about a job created with key a stays on key a and fails rather than switching keys
        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.get(uri("/a")).credentials(two, "acme#1").build())));
        assertThat(t).isInstanceOf(AuthenticationException.class);
        assertThat(t.getMessage()).doesNotContain("key-a").doesNotContain("key-b");
    }

    @Test
    void send_gateCapsCallsInFlightAndServesWaitersInOrder() {
        dev.videosdk.internal.AsyncSemaphore one = new dev.videosdk.internal.AsyncSemaphore(1);
        DefaultHttpTransport gated = transport(RetryPolicy.none(), Duration.ofSeconds(5), one, e -> false);
        wm.stubFor(get("/g1").willReturn(okJson("{}").withFixedDelay(300)));
        wm.stubFor(get("/g2").willReturn(okJson("{}")));

        var first = gated.send(HttpCall.get(uri("/g1")).build());
        var second = gated.send(HttpCall.get(uri("/g2")).build());
        assertThat(one.waiting()).isEqualTo(1);

        TestTime.join(second);
        assertThat(first).isDone(); // the second call could only start once the first had its answer
        assertThat(one.inUse()).isZero();
        wm.verify(1, getRequestedFor(urlEqualTo("/g2")));
    }

    @Test
    void send_kindQueryIsDefaultForGetAndCreateForPost() {
        assertThat(HttpCall.get(uri("/x")).build().kind()).isEqualTo(CallKind.IDEMPOTENT);
        assertThat(HttpCall.post(uri("/x")).build().kind()).isEqualTo(CallKind.CREATE);
        assertThat(HttpCall.delete(uri("/x")).build().kind()).isEqualTo(CallKind.IDEMPOTENT);
    }

    @Test
    void credentialAndPool_toStringNeverShowTheSecret() {
        CredentialPool p = CredentialPool.bearer("acme", List.of("sk-very-secret"));
        assertThat(p.toString()).doesNotContain("sk-very-secret");
        assertThat(p.select(time.clock.instant()).toString()).doesNotContain("sk-very-secret").contains("acme#1");
    }

    @Test
    void redaction_removesSecretQueryParameters() {
        assertThat(Redaction.uri(URI.create("https://h/v1/x?key=AIza123&alt=media&token=t0k")))
                .isEqualTo("https://h/v1/x?key=***&alt=media&token=***");
        assertThat(Redaction.uri(URI.create("data:video/mp4;base64," + "A".repeat(5000))))
                .isEqualTo("data:video/mp4;base64,… (5022 characters)");
    }

    // ---------------------------------------------------------------- LIFECYCLE.md §2: create outcomes on the wire

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {521, 522, 523, 525, 526})
    void create_cdnAnswerProvingTheOriginNeverGotIt_isRetried(int status) {
        wm.stubFor(post("/cdn").inScenario("cdn").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(status).withHeader("Server", "cloudflare")
                        .withHeader("Content-Type", "text/html").withBody("<html>origin SSL handshake failed</html>"))
                .willSetStateTo("up"));
        wm.stubFor(post("/cdn").inScenario("cdn").whenScenarioStateIs("up").willReturn(okJson("{\"id\":\"j1\"}")));

        HttpReply reply = TestTime.join(transport.send(HttpCall.post(uri("/cdn")).json(Map.of()).build()));

        assertThat(reply.status()).isEqualTo(200);
        wm.verify(2, postRequestedFor(urlEqualTo("/cdn")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {500, 502, 503, 504, 520, 524})
    void create_ambiguousServerAnswer_isUnknownNotRetriedAndSaysAJobMayExist(int status) {
        wm.stubFor(post("/amb").willReturn(aResponse().withStatus(status).withHeader("x-request-id", "req-" + status)
                .withBody("upstream timeout")));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.post(uri("/amb")).json(Map.of()).build())));

        wm.verify(1, postRequestedFor(urlEqualTo("/amb")));
        assertThat(t).isInstanceOf(dev.videosdk.JobMayExistException.class)
                .hasMessageContaining("a job may exist").hasMessageContaining("req-" + status);
        dev.videosdk.VideoException v = (dev.videosdk.VideoException) t;
        assertThat(v.isRetryable()).isFalse();
        assertThat(v.httpStatus()).hasValue(status);
        assertThat(v.requestId()).hasValue("req-" + status);
    }

    @Test
    void create_withIdempotencyKey_unknownOutcomeIsRetriedWithTheSameKey() {
        wm.stubFor(post("/idem").inScenario("idem").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        wm.stubFor(post("/idem").inScenario("idem").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TestTime.join(transport.send(HttpCall.post(uri("/idem")).json(Map.of()).idempotencyKey("Idempotency-Key", "k-1").build()));

        wm.verify(2, postRequestedFor(urlEqualTo("/idem")).withHeader("Idempotency-Key", equalTo("k-1")));
    }

    @Test
    void keyPool_everyKeyCoolingDown_failsWithTheProvidersOwnErrorNotThePoolsMessage() {
        wm.stubFor(post("/rl").willReturn(aResponse().withStatus(429).withHeader("x-request-id", "req-rl")
                .withBody("{\"error\":{\"message\":\"Quota exceeded for aiplatform\"}}")));
        CredentialPool two = CredentialPool.bearer("acme", List.of("key-number-one", "key-number-two"));

        Throwable t = failure(() -> TestTime.join(transport.send(HttpCall.post(uri("/rl")).json(Map.of()).credentials(two).build())));

        assertThat(t).isInstanceOf(RateLimitException.class).hasMessageContaining("HTTP 429").hasMessageContaining("Quota exceeded")
                .hasMessageNotContaining("every acme key");
        assertThat(((RateLimitException) t).httpStatus()).hasValue(429);
        assertThat(((RateLimitException) t).requestId()).hasValue("req-rl");
    }

    @Test
    void events_everyTryAndEveryRetryIsReported() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.videosdk.VideoEventListener listener = new dev.videosdk.VideoEventListener() {
            @Override
            public void httpCallStarted(dev.videosdk.HttpCallEvent call) {
                seen.add("start " + call.method() + " try " + call.attempt() + " #" + call.id());
            }

            @Override
            public void httpCallFinished(dev.videosdk.HttpCallEvent call) {
                seen.add("call " + call.kind() + " " + call.status() + " try " + call.attempt() + " #" + call.id());
            }

            @Override
            public void retryScheduled(dev.videosdk.HttpCallEvent failedTry, Duration delay) {
                seen.add("retry after try " + failedTry.attempt() + " #" + failedTry.id());
            }
        };
        DefaultHttpTransport observed = new DefaultHttpTransport("acme", new DefaultHttpTransport.Shared(HttpClient.newHttpClient(),
                time.scheduler, time.clock, RetryPolicy.defaults(), Duration.ofSeconds(5), TestTime.NEVER, "ua", () -> 0.5,
                new dev.videosdk.internal.AsyncSemaphore(4), new dev.videosdk.internal.Events(listener)), null, e -> false);
        wm.stubFor(get("/ev").inScenario("ev").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get("/ev").inScenario("ev").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        TestTime.join(observed.send(HttpCall.get(uri("/ev")).build()));

        assertThat(seen).hasSize(5);
        String first = seen.get(0).substring(seen.get(0).indexOf('#'));
        String second = seen.get(3).substring(seen.get(3).indexOf('#'));
        assertThat(first).isNotEqualTo(second);
        assertThat(seen).containsExactly("start GET try 1 " + first, "call IDEMPOTENT 503 try 1 " + first,
                "retry after try 1 " + first, "start GET try 2 " + second, "call IDEMPOTENT 200 try 2 " + second);
    }

    @Test
    void events_aTryRefusedBeforeAnyAnswer_isStillFinished() throws java.io.IOException {
        List<dev.videosdk.HttpCallEvent> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<dev.videosdk.HttpCallEvent> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.videosdk.VideoEventListener listener = new dev.videosdk.VideoEventListener() {
            @Override
            public void httpCallStarted(dev.videosdk.HttpCallEvent call) {
                started.add(call);
            }

            @Override
            public void httpCallFinished(dev.videosdk.HttpCallEvent call) {
                finished.add(call);
            }
        };
        DefaultHttpTransport observed = new DefaultHttpTransport("acme", new DefaultHttpTransport.Shared(HttpClient.newHttpClient(),
                time.scheduler, time.clock, RetryPolicy.none(), Duration.ofSeconds(5), TestTime.NEVER, "ua", () -> 0.5,
                new dev.videosdk.internal.AsyncSemaphore(4), new dev.videosdk.internal.Events(listener)), null, e -> false);
        int closedPort; // connection refused: nothing was sent
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        Throwable t = failure(() -> TestTime.join(observed.send(
                HttpCall.post(URI.create("http://127.0.0.1:" + closedPort + "/x")).json(Map.of()).build())));

        assertThat(t).isInstanceOf(ProviderUnavailableException.class);

        assertThat(started).hasSize(1);
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).id()).isEqualTo(started.get(0).id()).isPositive();
        assertThat(finished.get(0).status()).isZero();
        assertThat(finished.get(0).failure()).isNotNull();
    }

    @Test
    void perProviderGate_capsThisProvidersCallsBesideTheSharedGate() {
        dev.videosdk.internal.AsyncSemaphore own = new dev.videosdk.internal.AsyncSemaphore(1);
        DefaultHttpTransport slow = new DefaultHttpTransport("slow", new DefaultHttpTransport.Shared(HttpClient.newHttpClient(),
                time.scheduler, time.clock, RetryPolicy.none(), Duration.ofSeconds(5), TestTime.NEVER, "ua", () -> 0.5,
                new dev.videosdk.internal.AsyncSemaphore(64), new dev.videosdk.internal.Events(dev.videosdk.VideoEventListener.NONE)),
                own, e -> false);
        wm.stubFor(get("/p1").willReturn(okJson("{}").withFixedDelay(300)));
        wm.stubFor(get("/p2").willReturn(okJson("{}")));

        var first = slow.send(HttpCall.get(uri("/p1")).build());
        var second = slow.send(HttpCall.get(uri("/p2")).build()); // permits are taken synchronously

        assertThat(own.inUse()).isEqualTo(1);
        assertThat(own.waiting()).isEqualTo(1);
        assertThat(second).isNotDone();
        TestTime.join(first);
        TestTime.join(second);
        assertThat(own.inUse()).isZero();
    }
}
