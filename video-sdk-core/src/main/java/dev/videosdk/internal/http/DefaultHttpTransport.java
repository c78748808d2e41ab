package dev.videosdk.internal.http;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoException;
import dev.videosdk.internal.AsyncSemaphore;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.TrackedFuture;
import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.HttpStream;
import dev.videosdk.spi.HttpTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one provider over the client's shared {@link HttpClient}. Every wait between
 * tries is a task on the shared scheduler; no thread blocks.
 */
public final class DefaultHttpTransport implements HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultHttpTransport.class);
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-goog-request-id", "x-trace-id");

    private final String provider;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final String userAgent;
    private final DoubleSupplier random;
    private final AsyncSemaphore gate;

    /**
     * Creates the transport; it does not own the client or the scheduler. {@code gate} caps the
     * calls in flight on the shared client (waiting calls queue FIFO), so a burst of jobs cannot
     * open one connection each.
     */
    public DefaultHttpTransport(String provider, HttpClient client, ScheduledExecutorService scheduler, Clock clock,
                                RetryPolicy retry, Duration timeout, String userAgent, DoubleSupplier random,
                                AsyncSemaphore gate) {
        this.provider = provider;
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retry = retry;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.random = random;
        this.gate = gate;
    }

    @Override
    public CompletableFuture<HttpReply> send(HttpCall call) {
        TrackedFuture<HttpReply> result = new TrackedFuture<>();
        attempt(call, 1, result, info -> HttpResponse.BodySubscribers.ofByteArray(), (response, cred) -> {
            HttpReply reply = reply(call, response, response.body(), cred);
            VideoException error = mapError(call, reply);
            if (error != null) {
                throw error;
            }
            return reply;
        });
        return result;
    }

    @Override
    public CompletableFuture<HttpStream> stream(HttpCall call) {
        TrackedFuture<HttpStream> result = new TrackedFuture<>();
        HttpResponse.BodyHandler<Object> handler = info -> info.statusCode() / 100 == 2
                ? cast(HttpResponse.BodySubscribers.ofPublisher())
                : cast(HttpResponse.BodySubscribers.ofByteArray());
        attempt(call, 1, result, handler, (response, cred) -> {
            if (response.body() instanceof byte[] bytes) {
                HttpReply reply = reply(call, response, bytes, cred);
                VideoException error = mapError(call, reply);
                throw error != null ? error : HttpErrors.byStatus(reply, null, null, clock.instant());
            }
            @SuppressWarnings("unchecked")
            Flow.Publisher<List<ByteBuffer>> body = (Flow.Publisher<List<ByteBuffer>>) response.body();
            return new HttpStream(response.statusCode(), headers(response), requestId(response),
                    cred == null ? null : cred.id(), body);
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse.BodySubscriber<Object> cast(HttpResponse.BodySubscriber<?> s) {
        return (HttpResponse.BodySubscriber<Object>) s;
    }

    /** Turns a raw response into a value or throws the mapped error. */
    private interface Reader<B, T> {
        T read(HttpResponse<B> response, Credential credential);
    }

    private <B, T> void attempt(HttpCall call, int tryNumber, TrackedFuture<T> result,
                                HttpResponse.BodyHandler<B> handler, Reader<B, T> reader) {
        if (result.isDone()) {
            return;
        }
        Credential credential;
        try {
            credential = call.credentials() == null ? null
                    : call.credentialId() != null ? call.credentials().forJob(call.credentialId(), clock.instant())
                    : call.credentials().select(clock.instant());
        } catch (VideoException e) {
            // no request was sent, so even a create call may wait for a key to come free
            retryOrFail(call, tryNumber, result, handler, reader, e, null, e.isRetryable());
            return;
        }
        HttpRequest request;
        try {
            request = request(call, credential);
        } catch (RuntimeException e) {
            result.completeExceptionally(Futures.asVideoException(e, provider));
            return;
        }
        CompletableFuture<Void> permit = gate.acquire();
        result.track(permit);
        permit.thenRun(() -> {
            if (result.isDone()) {
                gate.release();
            } else {
                exchange(call, tryNumber, result, handler, reader, credential, request);
            }
        });
    }

    /** One request on the wire, holding a permit of the gate until its answer (or failure) is in. */
    private <B, T> void exchange(HttpCall call, int tryNumber, TrackedFuture<T> result, HttpResponse.BodyHandler<B> handler,
                                 Reader<B, T> reader, Credential credential, HttpRequest request) {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<B>> sent;
        try {
            sent = client.sendAsync(request, handler);
        } catch (RuntimeException e) {
            gate.release();
            result.completeExceptionally(Futures.asVideoException(e, provider));
            return;
        }
        result.track(sent);
        sent.whenComplete((response, failure) -> {
            gate.release();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (failure != null) {
                Throwable cause = Futures.unwrap(failure);
                boolean nothingSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} failed after {} ms (try {}): {}", provider, call.method(), Redaction.uri(call.uri()),
                            millis, tryNumber, cause.toString());
                }
                VideoException error = networkError(call, cause);
                retryOrFail(call, tryNumber, result, handler, reader, error, null, nothingSent);
                return;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> {} in {} ms (try {}, request id {})", provider, call.method(),
                        Redaction.uri(call.uri()), response.statusCode(), millis, tryNumber, requestId(response));
            }
            try {
                result.complete(reader.read(response, credential));
            } catch (VideoException error) {
                boolean rejectedKey = error instanceof AuthenticationException && !error.isRetryable() && credential != null
                        && call.credentialId() == null && call.credentials().size() > 1;
                if (rejectedKey) {
                    call.credentials().setAside(credential);
                    LOG.warn("{} rejected key {}; it is set aside", provider, credential.id());
                }
                if (error instanceof RateLimitException r && credential != null) {
                    call.credentials().coolDown(credential, r.retryAfter().orElse(null), clock.instant());
                }
                retryOrFail(call, tryNumber, result, handler, reader, error, credential, rejectedKey);
            } catch (RuntimeException unexpected) {
                result.completeExceptionally(Futures.asVideoException(unexpected, provider));
            }
        });
    }

    private <B, T> void retryOrFail(HttpCall call, int tryNumber, TrackedFuture<T> result,
                                    HttpResponse.BodyHandler<B> handler, Reader<B, T> reader,
                                    VideoException error, Credential credential, boolean noJobStarted) {
        boolean allowed = call.kind() == CallKind.QUERY || call.idempotent()
                ? error.isRetryable() || noJobStarted
                : noJobStarted || error instanceof RateLimitException || call.retryCreateWhen().test(error);
        if (!allowed || tryNumber > retry.maxRetries()) {
            result.completeExceptionally(error);
            return;
        }
        Duration wait = retry.backoffBefore(tryNumber, random);
        if (error instanceof RateLimitException r && r.retryAfter().isPresent()) {
            boolean otherKeyFree = credential != null && call.credentialId() == null && call.credentials().size() > 1;
            if (!otherKeyFree && r.retryAfter().get().compareTo(wait) > 0) {
                wait = r.retryAfter().get(); // the provider's wait, or the growing backoff if that is longer
            }
        }
        if (wait.compareTo(retry.maxRetryAfter()) > 0 && error instanceof RateLimitException) {
            result.completeExceptionally(error);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {}: retry {} of {} in {} ms after {}", provider, call.method(), Redaction.uri(call.uri()),
                    tryNumber, retry.maxRetries(), wait.toMillis(), error.getClass().getSimpleName());
        }
        result.track(scheduler.schedule(() -> attempt(call, tryNumber + 1, result, handler, reader),
                wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    private VideoException mapError(HttpCall call, HttpReply reply) {
        VideoException error = call.errors() == null ? null : call.errors().map(reply);
        if (error == null && !reply.isSuccess()) {
            error = HttpErrors.byStatus(reply, null, null, clock.instant());
        }
        return error;
    }

    private VideoException networkError(HttpCall call, Throwable cause) {
        ErrorContext ctx = ErrorContext.local(provider);
        String what = call.method() + " " + Redaction.uri(call.uri());
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new ProviderUnavailableException(provider + " could not be reached (" + what + "): " + cause.getMessage(), ctx, cause);
        }
        if (call.kind() == CallKind.CREATE && !call.idempotent()) {
            return new ProviderUnavailableException(provider + " create call failed after the request was sent (" + what
                    + "): " + cause + "; a job may have been created, so the SDK did not repeat the call (that could pay twice)",
                    ctx, false, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderUnavailableException(provider + " did not answer in time (" + what + ")", ctx, cause);
        }
        if (cause instanceof IOException) {
            return new ProviderUnavailableException(provider + " connection failed (" + what + "): " + cause, ctx, cause);
        }
        return new VideoException("unexpected failure calling " + provider + " (" + what + "): " + cause, ctx, false, cause);
    }

    private HttpRequest request(HttpCall call, Credential credential) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(call.timeout() != null ? call.timeout() : timeout)
                .header("User-Agent", userAgent);
        if (!call.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("accept"))) {
            b.header("Accept", "application/json");
        }
        call.headers().forEach(b::header);
        if (credential != null) {
            credential.headers().forEach(b::header);
        }
        if (call.idempotencyKey() != null) {
            b.header(call.idempotencyHeader(), call.idempotencyKey());
        }
        if (call.body() != null) {
            b.header("Content-Type", call.contentType());
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private HttpReply reply(HttpCall call, HttpResponse<?> response, byte[] body, Credential credential) {
        return new HttpReply(provider, call.uri(), response.statusCode(), headers(response), body,
                requestId(response), credential == null ? null : credential.id());
    }

    /** Response headers with lower-case names. */
    static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> map = new TreeMap<>();
        response.headers().map().forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), v));
        return map;
    }

    private static String requestId(HttpResponse<?> response) {
        for (String name : REQUEST_ID_HEADERS) {
            var value = response.headers().firstValue(name);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    /** Exposed for the downloader, which shares the client. */
    public HttpClient client() {
        return client;
    }
}
