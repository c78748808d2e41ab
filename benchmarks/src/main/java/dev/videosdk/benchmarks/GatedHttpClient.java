package dev.videosdk.benchmarks;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that lets at most {@code max} requests be outstanding and queues the rest
 * (FIFO), so the JDK client never opens more than {@code max} connections. It stands in for the
 * per-transport request cap this benchmark proposes for the SDK, passed in with
 * {@code VideoClient.Builder.httpClient}; the SDK itself is unchanged.
 */
final class GatedHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final int max;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private int active;

    GatedHttpClient(HttpClient delegate, int max) {
        this.delegate = delegate;
        this.max = max;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        Runnable call = () -> {
            if (result.isDone()) {
                release();
                return;
            }
            delegate.sendAsync(request, handler, push).whenComplete((r, e) -> {
                release();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(r);
                }
            });
        };
        synchronized (queue) {
            if (active >= max) {
                queue.add(call);
                return result;
            }
            active++;
        }
        call.run();
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (queue) {
            next = queue.poll();
            if (next == null) {
                active--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return delegate.send(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
