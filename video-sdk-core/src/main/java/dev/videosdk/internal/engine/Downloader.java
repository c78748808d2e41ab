package dev.videosdk.internal.engine;

import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.TrackedFuture;
import dev.videosdk.internal.http.Redaction;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams assets to disk or a stream without holding them in memory: {@code .part} file, atomic
 * move when complete, {@code Range} resume after a dropped connection, length check, size cap,
 * http(s) only, provider credentials only on the provider's own hosts (also across redirects).
 */
final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final int MAX_REDIRECTS = 5;

    /** What the downloader needs from a provider: whether a host is its own, and the credential there. */
    interface Credentials {
        Optional<Credential> forUri(VideoAsset asset, URI uri);
    }

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final long maxBytes;
    private final int resumes;
    private final Function<String, Credentials> credentials;
    private final String userAgent;
    private final Duration timeout;

    Downloader(HttpClient client, ScheduledExecutorService scheduler, Clock clock, long maxBytes, int resumes,
               Function<String, Credentials> credentials, String userAgent, Duration timeout) {
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.resumes = resumes;
        this.credentials = credentials;
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    CompletableFuture<Path> toFile(VideoAsset asset, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        DownloadSink.FileSink sink;
        try {
            if (!isData(asset.uri())) {
                checkScheme(asset, asset.uri());
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            sink = DownloadSink.file(part);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new VideoException("cannot write " + part + ": " + e.getMessage(),
                    ErrorContext.local(provider(asset)), false, e));
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        TrackedFuture<Long> transfer = new TrackedFuture<>();
        if (isData(asset.uri())) {
            writeInline(asset, sink, transfer);
        } else {
            fetch(asset, asset.uri(), sink, resumes, MAX_REDIRECTS, transfer);
        }
        TrackedFuture<Path> result = new TrackedFuture<>();
        result.track(transfer);
        transfer.whenComplete((bytes, failure) -> {
            try {
                if (failure != null) {
                    sink.close();
                    Files.deleteIfExists(part);
                    result.completeExceptionally(Futures.asVideoException(failure, provider(asset)));
                    return;
                }
                sink.finish();
                move(part, target);
                LOG.debug("downloaded {} bytes to {}", bytes, target);
                result.complete(target);
            } catch (IOException e) {
                deleteQuietly(part);
                result.completeExceptionally(new VideoException("cannot move " + part + " to " + target + ": " + e.getMessage(),
                        ErrorContext.local(provider(asset)), false, e));
            }
        });
        return result;
    }

    CompletableFuture<Long> toStream(VideoAsset asset, OutputStream out) {
        try {
            if (!isData(asset.uri())) {
                checkScheme(asset, asset.uri());
            }
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        TrackedFuture<Long> transfer = new TrackedFuture<>();
        if (isData(asset.uri())) {
            writeInline(asset, DownloadSink.stream(out), transfer);
        } else {
            fetch(asset, asset.uri(), DownloadSink.stream(out), resumes, MAX_REDIRECTS, transfer);
        }
        return transfer;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static String provider(VideoAsset asset) {
        return asset.provider() == null ? "download" : asset.provider();
    }

    private static boolean isData(URI uri) {
        return "data".equalsIgnoreCase(uri.getScheme());
    }

    /** An asset delivered inline as a base64 {@code data:} URI (e.g. Vertex AI without a storage URI). */
    private void writeInline(VideoAsset asset, DownloadSink sink, TrackedFuture<Long> result) {
        String text = asset.uri().toString();
        int comma = text.indexOf(',');
        if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
            result.completeExceptionally(InvalidRequestException.local(provider(asset), "uri",
                    "an inline asset must be a base64 data: URI, but was " + Redaction.uri(asset.uri())));
            return;
        }
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(text.substring(comma + 1));
            if (bytes.length > maxBytes) {
                throw new InvalidRequestException("the asset is " + bytes.length + " bytes, more than the limit of " + maxBytes
                        + " bytes (VideoClient.Builder.maxDownloadBytes)", "maxDownloadBytes", ErrorContext.local(provider(asset)), null);
            }
            sink.write(ByteBuffer.wrap(bytes));
            result.complete(sink.written());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(new ProtocolException("the inline asset is not valid base64", ErrorContext.local(provider(asset)), e));
        } catch (IOException | VideoException e) {
            result.completeExceptionally(e instanceof VideoException v ? v
                    : new VideoException("cannot write the download: " + e.getMessage(), ErrorContext.local(provider(asset)), false, e));
        }
    }

    private static void checkScheme(VideoAsset asset, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("gs")) {
            throw InvalidRequestException.local(provider(asset), "uri", "the asset is in Google Cloud Storage (" + uri
                    + "); the SDK downloads only http(s) URLs, so read it with your GCS client or a signed URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidRequestException.local(provider(asset), "uri", "download URL must be http or https, but was "
                    + Redaction.uri(uri));
        }
    }

    private void fetch(VideoAsset asset, URI uri, DownloadSink sink, int resumesLeft, int redirectsLeft,
                       TrackedFuture<Long> result) {
        if (result.isDone()) {
            return;
        }
        try {
            send(asset, uri, sink, resumesLeft, redirectsLeft, result);
        } catch (RuntimeException e) {
            // e.g. a provider's downloadCredential threw: fail the download instead of leaving it hanging
            result.completeExceptionally(Futures.asVideoException(e, provider(asset)));
        }
    }

    private void send(VideoAsset asset, URI uri, DownloadSink sink, int resumesLeft, int redirectsLeft,
                      TrackedFuture<Long> result) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", userAgent);
        if (asset.provider() != null) {
            Credentials creds = credentials.apply(asset.provider());
            if (creds != null) {
                creds.forUri(asset, uri).ifPresent(c -> c.headers().forEach(request::header));
            }
        }
        long offset = sink.written();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        SinkSubscriber body = new SinkSubscriber(sink, maxBytes, provider(asset));
        HttpResponse.BodyHandler<Object> handler = info -> {
            int s = info.statusCode();
            if (s == 200 || s == 206) {
                body.prepare(info, offset);
                @SuppressWarnings("unchecked")
                HttpResponse.BodySubscriber<Object> sub = (HttpResponse.BodySubscriber<Object>) (HttpResponse.BodySubscriber<?>) body;
                return sub;
            }
            @SuppressWarnings("unchecked")
            HttpResponse.BodySubscriber<Object> bytes = (HttpResponse.BodySubscriber<Object>) (HttpResponse.BodySubscriber<?>)
                    HttpResponse.BodySubscribers.ofByteArray();
            return bytes;
        };
        CompletableFuture<HttpResponse<Object>> sent = client.sendAsync(request.build(), handler);
        result.track(sent);
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = Futures.unwrap(failure);
                if (cause instanceof VideoException v) {
                    result.completeExceptionally(v);
                } else if (resumesLeft > 0 && sink.written() > offset) {
                    LOG.debug("download of {} dropped at {} bytes; resuming", Redaction.uri(uri), sink.written());
                    retryLater(() -> fetch(asset, uri, sink, resumesLeft - 1, redirectsLeft, result), result);
                } else if (resumesLeft > 0 && cause instanceof IOException) {
                    retryLater(() -> fetch(asset, uri, sink, resumesLeft - 1, redirectsLeft, result), result);
                } else {
                    result.completeExceptionally(new ProviderUnavailableException("download of " + Redaction.uri(uri)
                            + " failed after " + sink.written() + " bytes: " + cause, ErrorContext.local(provider(asset)), cause));
                }
                return;
            }
            int status = response.statusCode();
            if (status / 100 == 3) {
                Optional<String> location = response.headers().firstValue("location");
                if (location.isEmpty() || redirectsLeft == 0) {
                    result.completeExceptionally(new ProtocolException("download of " + Redaction.uri(uri) + " redirected "
                            + (location.isEmpty() ? "without a Location" : "too often"), ErrorContext.local(provider(asset)), null));
                    return;
                }
                URI next = uri.resolve(location.get());
                try {
                    checkScheme(asset, next);
                } catch (VideoException e) {
                    result.completeExceptionally(e);
                    return;
                }
                fetch(asset, next, sink, resumesLeft, redirectsLeft - 1, result);
                return;
            }
            if (status != 200 && status != 206) {
                HttpReply reply = new HttpReply(provider(asset), uri, status, java.util.Map.of(),
                        response.body() instanceof byte[] b ? b : new byte[0], null, null);
                result.completeExceptionally(HttpErrors.byStatus(reply, null, "download failed", clock.instant()));
                return;
            }
            long expected = body.expectedTotal();
            if (expected >= 0 && sink.written() < expected) {
                if (resumesLeft > 0) {
                    fetch(asset, uri, sink, resumesLeft - 1, redirectsLeft, result);
                } else {
                    result.completeExceptionally(new ProviderUnavailableException("download of " + Redaction.uri(uri)
                            + " ended at " + sink.written() + " of " + expected + " bytes", ErrorContext.local(provider(asset)), null));
                }
                return;
            }
            result.complete(sink.written());
        });
    }

    private void retryLater(Runnable again, TrackedFuture<Long> result) {
        result.track(scheduler.schedule(again, 500, TimeUnit.MILLISECONDS));
    }

    /** Writes the body into the sink as it arrives, one buffer list at a time. */
    private static final class SinkSubscriber implements HttpResponse.BodySubscriber<Long> {
        private final DownloadSink sink;
        private final long maxBytes;
        private final String provider;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long expectedTotal = -1;

        SinkSubscriber(DownloadSink sink, long maxBytes, String provider) {
            this.sink = sink;
            this.maxBytes = maxBytes;
            this.provider = provider;
        }

        long expectedTotal() {
            return expectedTotal;
        }

        /** Reads the length headers; restarts the sink if the server ignored the Range request. */
        void prepare(HttpResponse.ResponseInfo info, long offset) {
            OptionalLong length = info.headers().firstValueAsLong("content-length");
            try {
                if (info.statusCode() == 200 && offset > 0 && !sink.restart()) {
                    done.completeExceptionally(new ProtocolException("the server ignored the Range request and the "
                            + "output stream cannot be rewound", ErrorContext.local(provider), null));
                    return;
                }
            } catch (IOException e) {
                done.completeExceptionally(e);
                return;
            }
            long base = info.statusCode() == 206 ? offset : 0;
            if (info.statusCode() == 206) {
                expectedTotal = info.headers().firstValue("content-range")
                        .map(v -> v.substring(v.lastIndexOf('/') + 1).trim())
                        .filter(v -> v.chars().allMatch(Character::isDigit) && !v.isEmpty())
                        .map(Long::parseLong).orElse(length.isPresent() ? base + length.getAsLong() : -1L);
            } else {
                expectedTotal = length.isPresent() ? length.getAsLong() : -1L;
            }
            if (expectedTotal > maxBytes) {
                done.completeExceptionally(tooLarge(expectedTotal));
            }
        }

        private VideoException tooLarge(long size) {
            return new InvalidRequestException("the asset is " + size + " bytes, more than the limit of " + maxBytes
                    + " bytes (VideoClient.Builder.maxDownloadBytes)", "maxDownloadBytes", ErrorContext.local(provider), null);
        }

        @Override
        public java.util.concurrent.CompletionStage<Long> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (done.isDone()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done.isDone()) {
                return;
            }
            try {
                for (ByteBuffer b : buffers) {
                    if (sink.written() + b.remaining() > maxBytes) {
                        done.completeExceptionally(tooLarge(sink.written() + b.remaining()));
                        subscription.cancel();
                        return;
                    }
                    sink.write(b);
                }
                subscription.request(1);
            } catch (IOException e) {
                done.completeExceptionally(new VideoException("cannot write the download: " + e.getMessage(),
                        ErrorContext.local(provider), false, e));
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(sink.written());
        }
    }
}
