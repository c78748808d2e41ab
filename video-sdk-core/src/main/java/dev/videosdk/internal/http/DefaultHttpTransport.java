package dev.videosdk.internal.http;

import dev.videosdk.AuthenticationException;
import dev.videosdk.CreateOutcome;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.internal.Events;
import dev.videosdk.internal.time.IoAware;
import dev.videosdk.ErrorContext;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoException;
import dev.videosdk.internal.AsyncSemaphore;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.StepCancellingFuture;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
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
    /** The shared client, made on the first call (a client that never calls a provider over HTTP never makes one). */
    private final Supplier<HttpClient> client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final String userAgent;
    private final DoubleSupplier random;
    private final AsyncSemaphore gate;
    private final AsyncSemaphore providerGate;
    private final Duration bodyIdle;
    private final Predicate<VideoException> notAccepted;
    private final Events events;

    /** What a transport needs besides its provider id; shared by the transports of one client. */
    public record Shared(Supplier<HttpClient> client, ScheduledExecutorService scheduler, Clock clock, RetryPolicy retry,
                         Duration timeout, Duration bodyIdle, String userAgent, DoubleSupplier random, AsyncSemaphore gate,
                         Events events) {

        /** With a client that exists already. */
        public Shared(HttpClient client, ScheduledExecutorService scheduler, Clock clock, RetryPolicy retry,
                      Duration timeout, Duration bodyIdle, String userAgent, DoubleSupplier random, AsyncSemaphore gate,
                      Events events) {
            this(() -> client, scheduler, clock, retry, timeout, bodyIdle, userAgent, random, gate, events);
        }
    }

    /**
     * Creates the transport; it does not own the client or the scheduler. The shared {@code gate} caps
     * the calls in flight on the shared client and {@code providerGate} (null: none) those of this
     * provider, so one slow provider cannot hold every permit; waiting calls queue FIFO.
     * {@code notAccepted} is the provider's declaration of create answers that prove no job exists.
     */
    public DefaultHttpTransport(String provider, Shared shared, AsyncSemaphore providerGate,
                                Predicate<VideoException> notAccepted) {
        this.provider = provider;
        this.client = shared.client();
        this.scheduler = shared.scheduler();
        this.clock = shared.clock();
        this.retry = shared.retry();
        this.timeout = shared.timeout();
        this.bodyIdle = shared.bodyIdle();
        this.userAgent = shared.userAgent();
        this.random = shared.random();
        this.gate = shared.gate();
        this.events = shared.events();
        this.providerGate = providerGate;
        this.notAccepted = notAccepted == null ? e -> false : notAccepted;
    }

    @Override
    public CompletableFuture<HttpReply> send(HttpCall call) {
        StepCancellingFuture<HttpReply> result = new StepCancellingFuture<>();
        Duration total = call.timeout() != null ? call.timeout() : timeout; // small JSON replies: a total cap too
        attempt(call, 1, result, info -> watch(call, HttpResponse.BodySubscribers.ofByteArray(), total), (response, cred) -> {
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
        StepCancellingFuture<HttpStream> result = new StepCancellingFuture<>();
        HttpResponse.BodyHandler<Object> handler = info -> info.statusCode() / 100 == 2
                ? cast(watch(call, HttpResponse.BodySubscribers.ofPublisher(), null))
                : cast(watch(call, HttpResponse.BodySubscribers.ofByteArray(), call.timeout() != null ? call.timeout() : timeout));
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

    /** The body idle timer (and, for complete replies, a total cap) on every reply body. */
    private <B> HttpResponse.BodySubscriber<B> watch(HttpCall call, HttpResponse.BodySubscriber<B> body, Duration total) {
        return new IdleTimeoutSubscriber<>(body, scheduler, clock,
                call.bodyIdleTimeout() != null ? call.bodyIdleTimeout() : bodyIdle, total);
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse.BodySubscriber<Object> cast(HttpResponse.BodySubscriber<?> s) {
        return (HttpResponse.BodySubscriber<Object>) s;
    }

    /** Turns a raw response into a value or throws the mapped error. */
    private interface Reader<B, T> {
        T read(HttpResponse<B> response, Credential credential);
    }

    /** The state of one call across its tries. */
    private static final class Tries<B, T> {
        final HttpCall call;
        final StepCancellingFuture<T> result;
        final HttpResponse.BodyHandler<B> handler;
        final Reader<B, T> reader;
        /** The last error a provider answered (or the network gave); a key pool's own error never hides it. */
        volatile VideoException lastProviderError;
        /** The id of the try on the wire whose finished event is still due, or 0 (tries are sequential). */
        volatile long tryId;

        Tries(HttpCall call, StepCancellingFuture<T> result, HttpResponse.BodyHandler<B> handler, Reader<B, T> reader) {
            this.call = call;
            this.result = result;
            this.handler = handler;
            this.reader = reader;
        }
    }

    private <B, T> void attempt(HttpCall call, int tryNumber, StepCancellingFuture<T> result,
                                HttpResponse.BodyHandler<B> handler, Reader<B, T> reader) {
        attempt(new Tries<>(call, result, handler, reader), tryNumber);
    }

    private <B, T> void attempt(Tries<B, T> t, int tryNumber) {
        HttpCall call = t.call;
        StepCancellingFuture<T> result = t.result;
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
            retryOrFail(t, tryNumber, e, null, false, 0, Duration.ZERO);
            return;
        }
        HttpRequest request;
        try {
            request = request(call, credential);
        } catch (RuntimeException e) {
            result.completeExceptionally(Futures.asVideoException(e, provider));
            return;
        }
        CompletableFuture<Void> own = providerGate == null ? CompletableFuture.completedFuture(null) : providerGate.acquire();
        result.track(own);
        own.thenRun(() -> {
            if (result.isDone()) {
                releaseProviderGate();
                return;
            }
            CompletableFuture<Void> permit = gate.acquire();
            result.track(permit);
            permit.thenRun(() -> {
                if (result.isDone()) {
                    releaseGates();
                } else {
                    exchange(t, tryNumber, credential, request);
                }
            });
        });
    }

    /** Tells a virtual-time scheduler (tests) that a real exchange is in flight, so time does not jump past it. */
    private void io(boolean started) {
        if (scheduler instanceof IoAware aware) {
            if (started) {
                aware.ioStarted();
            } else {
                aware.ioFinished();
            }
        }
    }

    private void releaseProviderGate() {
        if (providerGate != null) {
            providerGate.release();
        }
    }

    private void releaseGates() {
        gate.release();
        releaseProviderGate();
    }

    /** One request on the wire, holding the permits until its answer (or failure) is in. */
    private <B, T> void exchange(Tries<B, T> t, int tryNumber, Credential credential, HttpRequest request) {
        HttpCall call = t.call;
        StepCancellingFuture<T> result = t.result;
        long started = System.nanoTime();
        if (!events.isNone()) {
            t.tryId = Events.nextTryId();
            events.httpCallStarted(new HttpCallEvent(provider, call.method(), kind(call), 0, tryNumber, Duration.ZERO, null,
                    t.tryId));
        }
        CompletableFuture<HttpResponse<B>> sent;
        io(true);
        try {
            sent = client.get().sendAsync(request, t.handler);
        } catch (RuntimeException e) {
            io(false);
            releaseGates();
            VideoException error = Futures.asVideoException(e, provider);
            unfinishedTry(t, tryNumber, 0, Duration.ofNanos(System.nanoTime() - started), error);
            result.completeExceptionally(error);
            return;
        }
        result.track(sent);
        sent.whenComplete((response, failure) -> {
            try {
                answered(t, tryNumber, credential, started, response, failure);
            } finally {
                io(false); // after the dependents ran, so virtual time sees the next step already scheduled
            }
        });
    }

    /** The end of one try: a value, a retry, or the call's failure. */
    private <B, T> void answered(Tries<B, T> t, int tryNumber, Credential credential, long started, HttpResponse<B> response,
                                 Throwable failure) {
        HttpCall call = t.call;
        StepCancellingFuture<T> result = t.result;
        releaseGates();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (failure != null) {
            Throwable cause = Futures.unwrap(failure);
            boolean nothingSent = nothingSent(cause);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} failed after {} ms (try {}): {}", provider, call.method(), Redaction.uri(call.uri()),
                        took.toMillis(), tryNumber, cause.toString());
            }
            VideoException error = networkError(call, cause, nothingSent);
            t.lastProviderError = error;
            retryOrFail(t, tryNumber, error, null, !nothingSent, 0, took);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} ms (try {}, request id {})", provider, call.method(),
                    Redaction.uri(call.uri()), response.statusCode(), took.toMillis(), tryNumber, requestId(response));
        }
        try {
            T value = t.reader.read(response, credential);
            events.httpCallFinished(new HttpCallEvent(provider, call.method(), kind(call), response.statusCode(), tryNumber,
                    took, null, t.tryId));
            t.tryId = 0;
            result.complete(value);
        } catch (VideoException error) {
            t.lastProviderError = error;
            boolean pooled = credential != null && call.credentialId() == null && call.credentials().size() > 1;
            boolean keyUnusable = pooled && !error.isRetryable()
                    && (error instanceof AuthenticationException || error instanceof QuotaExceededException);
            if (keyUnusable) {
                call.credentials().setAside(credential);
                LOG.warn("{} refused key {} ({}); it is set aside", provider, credential.id(), error.getClass().getSimpleName());
            }
            if (error instanceof RateLimitException r && credential != null) {
                call.credentials().coolDown(credential, r.retryAfter().orElse(null), clock.instant());
            }
            retryOrFail(t, tryNumber, error, credential, true, response.statusCode(), took, keyUnusable);
        } catch (RuntimeException unexpected) {
            VideoException error = Futures.asVideoException(unexpected, provider);
            unfinishedTry(t, tryNumber, response.statusCode(), took, error);
            result.completeExceptionally(error);
        }
    }

    /** The finished event of a try that ends outside the retry path (an unexpected error), if one is due. */
    private void unfinishedTry(Tries<?, ?> t, int tryNumber, int status, Duration took, VideoException error) {
        long tryId = t.tryId;
        if (tryId != 0) {
            t.tryId = 0;
            events.httpCallFinished(new HttpCallEvent(provider, t.call.method(), kind(t.call), status, tryNumber, took, error,
                    tryId));
        }
    }

    /** True when the failure happened before the request left this machine (no job can exist). */
    private static boolean nothingSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause instanceof javax.net.ssl.SSLHandshakeException || cause instanceof java.nio.channels.UnresolvedAddressException;
    }

    private static HttpCallEvent.Kind kind(HttpCall call) {
        return call.kind() == CallKind.CREATE ? HttpCallEvent.Kind.CREATE : HttpCallEvent.Kind.IDEMPOTENT;
    }

    private <B, T> void retryOrFail(Tries<B, T> t, int tryNumber, VideoException error, Credential credential, boolean sent,
                                    int status, Duration took) {
        retryOrFail(t, tryNumber, error, credential, sent, status, took, false);
    }

    /**
     * Retries the call or fails it. An idempotent call is retried when the error is retryable. A create call is
     * retried only when its outcome is {@link CreateOutcome#NOT_ACCEPTED} and the error retryable
     * (or the key was refused and another may serve it), or when it carries an idempotency key; an
     * {@link CreateOutcome#UNKNOWN} outcome fails with a {@link dev.videosdk.JobMayExistException}.
     */
    private <B, T> void retryOrFail(Tries<B, T> t, int tryNumber, VideoException error, Credential credential, boolean sent,
                                    int status, Duration took, boolean keyUnusable) {
        HttpCall call = t.call;
        StepCancellingFuture<T> result = t.result;
        long tryId = t.tryId;
        t.tryId = 0;
        if (status > 0 || sent || tryId != 0) {
            events.httpCallFinished(new HttpCallEvent(provider, call.method(), kind(call), status, tryNumber, took, error,
                    tryId));
        }
        boolean create = call.kind() == CallKind.CREATE;
        CreateOutcome outcome = create ? CreateOutcomes.ofTry(error, sent, notAccepted) : null;
        boolean allowed;
        if (!create) {
            allowed = error.isRetryable() || keyUnusable;
        } else if (outcome == CreateOutcome.UNKNOWN) {
            allowed = call.idempotent() && (error.isRetryable() || !sent || error instanceof ProviderUnavailableException);
        } else {
            allowed = error.isRetryable() || keyUnusable;
        }
        if (!allowed || tryNumber > retry.maxRetries()) {
            fail(t, error, outcome);
            return;
        }
        Duration wait = keyUnusable ? Duration.ZERO : retry.backoffBefore(tryNumber, random);
        if (error instanceof RateLimitException r && r.retryAfter().isPresent()) {
            boolean otherKeyFree = credential != null && call.credentialId() == null && call.credentials().size() > 1;
            if (!otherKeyFree && r.retryAfter().get().compareTo(wait) > 0) {
                wait = r.retryAfter().get(); // the provider's wait, or the growing backoff if that is longer
            }
        }
        if (wait.compareTo(retry.maxRetryAfter()) > 0 && error instanceof RateLimitException) {
            fail(t, error, outcome);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {}: retry {} of {} in {} ms after {}", provider, call.method(), Redaction.uri(call.uri()),
                    tryNumber, retry.maxRetries(), wait.toMillis(), error.getClass().getSimpleName());
        }
        events.retryScheduled(new HttpCallEvent(provider, call.method(), kind(call), status, tryNumber, took, error, tryId),
                wait);
        result.track(scheduler.schedule(() -> attempt(t, tryNumber + 1), wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Fails the call with the last provider error (a key pool's "every key is rate limited" never
     * hides it), as a {@link dev.videosdk.JobMayExistException} when a create's outcome is unknown.
     */
    private <B, T> void fail(Tries<B, T> t, VideoException error, CreateOutcome outcome) {
        VideoException last = t.lastProviderError;
        VideoException finalError = error.httpStatus().isEmpty() && last != null && last != error ? last : error;
        if (outcome == CreateOutcome.UNKNOWN) {
            finalError = CreateOutcomes.mayExist(finalError, t.call.idempotencyKey());
        }
        t.result.completeExceptionally(finalError);
    }

    private VideoException mapError(HttpCall call, HttpReply reply) {
        VideoException error = call.errors() == null ? null : call.errors().map(reply);
        if (error == null && !reply.isSuccess()) {
            error = HttpErrors.byStatus(reply, null, null, clock.instant());
        }
        return error;
    }

    private VideoException networkError(HttpCall call, Throwable cause, boolean nothingSent) {
        ErrorContext ctx = ErrorContext.local(provider);
        String what = call.method() + " " + Redaction.uri(call.uri());
        if (nothingSent) {
            return new ProviderUnavailableException(provider + " could not be reached (" + what + "): "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), ctx, cause);
        }
        if (cause instanceof IdleTimeoutSubscriber.BodyStalledException) {
            return new ProviderUnavailableException(provider + " reply stalled (" + what + "): " + cause.getMessage(), ctx, cause);
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
        if (!hasHeader(call, "Accept")) {
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

    private static boolean hasHeader(HttpCall call, String name) {
        for (String h : call.headers().keySet()) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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

}
