package dev.videosdk;

import dev.videosdk.spi.ProviderCapabilities;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A blocking view of a {@link VideoClient}: the same calls, each waiting for its result on the
 * calling thread and throwing the {@link VideoException} itself (never a
 * {@link java.util.concurrent.CompletionException}), so {@code catch (RateLimitException e)} works as
 * written. Get one with {@link VideoClient#blocking()}; it shares the client's jobs, threads and
 * settings, and costs nothing to create.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.fromEnv()) {
 *     BlockingVideoClient sync = client.blocking();
 *     VideoResult result = sync.generate(VideoRequest.text("A calico cat playing piano").build());
 *     sync.download(result.video(), Path.of("cat.mp4"));
 * } catch (RateLimitException e) {
 *     // e.retryAfter() ...
 * }
 * }</pre>
 *
 * <p>A thread interrupted while it waits cancels the call exactly like {@code future.cancel(true)} on
 * the {@link VideoClient} (for {@code generate}/{@code await}: stop waiting and cancel the job
 * remotely where the provider can), keeps its interrupt flag set and gets a {@link VideoException}
 * whose cause is the {@link InterruptedException}. Every method throws what the {@link VideoClient}
 * method of the same name documents; {@link ClientClosedException} after {@link #close()}.
 */
public final class BlockingVideoClient implements AutoCloseable {
    private final VideoClient async;

    private BlockingVideoClient(VideoClient async) {
        this.async = async;
    }

    /** The blocking view of {@code client}; same as {@code client.blocking()}. */
    public static BlockingVideoClient of(VideoClient client) {
        return new BlockingVideoClient(Objects.requireNonNull(client, "client"));
    }

    /** The non-blocking client this view calls. */
    public VideoClient async() {
        return async;
    }

    /** Submits the request and waits for the result. See {@link VideoClient#generate(VideoRequest)}. */
    public VideoResult generate(VideoRequest request) {
        return join(async.generate(request));
    }

    /** Submits the request and waits for the result, with options. See {@link VideoClient#generate(VideoRequest, GenerateOptions)}. */
    public VideoResult generate(VideoRequest request, GenerateOptions options) {
        return join(async.generate(request, options));
    }

    /** Submits the request and returns the accepted job. See {@link VideoClient#submit(VideoRequest)}. */
    public VideoJob submit(VideoRequest request) {
        return join(async.submit(request));
    }

    /** Waits for a job. See {@link VideoClient#await(VideoJob)}. */
    public VideoResult await(VideoJob job) {
        return join(async.await(job));
    }

    /** Waits for a job, with options. See {@link VideoClient#await(VideoJob, GenerateOptions)}. */
    public VideoResult await(VideoJob job, GenerateOptions options) {
        return join(async.await(job, options));
    }

    /** Checks a job's status once. See {@link VideoClient#status(VideoJob)}. */
    public JobStatus status(VideoJob job) {
        return join(async.status(job));
    }

    /** Cancels a job, returning when the provider acknowledged it. See {@link VideoClient#cancel(VideoJob)}. */
    public void cancel(VideoJob job) {
        join(async.cancel(job));
    }

    /** Downloads an asset to {@code target} and returns {@code target}. See {@link VideoClient#download(VideoAsset, Path)}. */
    public Path download(VideoAsset asset, Path target) {
        return join(async.download(asset, target));
    }

    /** Streams an asset into {@code out} (not closed) and returns the bytes written. See {@link VideoClient#download(VideoAsset, OutputStream)}. */
    public long download(VideoAsset asset, OutputStream out) {
        return join(async.download(asset, out));
    }

    /** Verifies and applies a callback. See {@link Webhooks#handle(String, Map, byte[])}; a verification failure throws {@link WebhookVerificationException}. */
    public WebhookOutcome handleWebhook(String provider, Map<String, List<String>> headers, byte[] body) {
        return join(async.webhooks().handle(provider, headers, body));
    }

    /** Ids of the providers the client can use. */
    public Set<String> providers() {
        return async.providers();
    }

    /** The provider used when a request names none. */
    public String defaultProvider() {
        return async.defaultProvider();
    }

    /** What a provider accepts. */
    public ProviderCapabilities capabilities(String provider) {
        return async.capabilities(provider);
    }

    /** Closes the underlying client (the view and the client are one). */
    @Override
    public void close() {
        async.close();
    }

    /**
     * Waits for {@code future} and returns its value or throws its failure as a {@link VideoException}.
     * Useful for a future from {@link VideoClient} that this class has no method for.
     *
     * @throws VideoException the future's failure itself; any other failure (a bug) wrapped in one
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new VideoException("interrupted while waiting; the call was cancelled", ErrorContext.local("sdk"), false, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new VideoException("the call was cancelled", ErrorContext.local("sdk"), false, e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof VideoException v) {
            return v;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new VideoException("unexpected failure: " + cause, ErrorContext.local("sdk"), false, cause);
    }
}
