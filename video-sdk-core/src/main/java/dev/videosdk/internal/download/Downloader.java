package dev.videosdk.internal.download;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ClientClosedException;
import dev.videosdk.ErrorContext;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.internal.Events;
import dev.videosdk.internal.Futures;
import dev.videosdk.internal.Json;
import dev.videosdk.internal.StepCancellingFuture;
import dev.videosdk.internal.http.Redaction;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.ErrorMapper;
import dev.videosdk.spi.HttpErrors;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import javax.net.ssl.HttpsURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches assets with blocking 1 MiB reads on a small bounded pool (ADR 0008): each transfer runs
 * on one {@code videosdk-download-N} thread, reading up to {@value #CHUNK} bytes at a time straight
 * into a {@code .part} file (or the caller's stream). Waits between tries go through the client's
 * scheduler, so virtual time drives them in tests; a silent body is detected by the socket read
 * timeout ({@code bodyIdleTimeout}) and resumed with {@code Range}.
 *
 * <p>Checks, in order, on every answer: redirects are followed here (at most five hops) with
 * credentials only on the provider's own hosts; a non-2xx answer goes through the provider's
 * download error mapping with its real headers; a {@code 206} must start where asked (else the
 * transfer restarts from byte 0, or fails for a stream that already got bytes); a 2xx body that is
 * text (JSON, HTML) or whose first bytes do not match the asset's MIME type is never written: a
 * JSON error maps to the provider's error, a JSON object naming the file's URL is followed.
 */
public final class Downloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    /** Read and write size. */
    static final int CHUNK = 1 << 20;
    /** Threads doing blocking transfers at once; more downloads wait in FIFO order. */
    static final int THREADS = 4;
    private static final int MAX_HOPS = 5;
    private static final int MAX_TEXT_BODY = 64 * 1024;
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-goog-request-id", "x-trace-id");
    private static final List<String> URL_FIELDS = List.of("url", "video_url", "videoUrl", "download_url", "downloadUrl",
            "content_url", "file_url", "fileUrl", "result_url", "resultUrl", "uri");

    /** What the downloader needs from a provider. */
    public interface Provider {
        /** The credential for {@code uri}, only when it is the provider's own host. */
        Optional<Credential> credential(VideoAsset asset, URI uri);

        /** Maps answers of download calls (see {@code VideoProvider.downloadErrors}). */
        ErrorMapper errors();
    }

    /**
     * What the downloader is built from.
     *
     * @param http            the application's {@link HttpClient}, or null: its proxy, SSL context and connect timeout are
     *                        used (null: no proxy, the default SSL context, 10 s)
     * @param scheduler       the client's scheduler, for waits between tries
     * @param clock           the client's clock
     * @param retry           how failed tries without progress are retried
     * @param random          jitter in [0, 1)
     * @param maxBytes        largest asset
     * @param resumes         resumes after a transfer that made progress and then broke or stalled
     * @param bodyIdleTimeout longest silence while waiting for the answer or its bytes
     * @param providers       the provider by id, or null for an unknown id
     * @param userAgent       the {@code User-Agent}
     * @param listener        sees every try, retry and the transfer's progress and end
     */
    public record Config(HttpClient http, ScheduledExecutorService scheduler, Clock clock, RetryPolicy retry,
                         DoubleSupplier random, long maxBytes, int resumes, Duration bodyIdleTimeout,
                         Function<String, Provider> providers, String userAgent, VideoEventListener listener) {
    }

    private final Config config;
    private final ThreadPoolExecutor pool;
    private final int connectTimeoutMillis;
    private final int idleMillis;
    private final java.util.Set<Transfer> active = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Creates the downloader and its (initially empty) pool; {@link #close()} stops the pool. */
    public Downloader(Config config) {
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "videosdk-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true); // no thread lives while nothing downloads
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE,
                config.http() == null ? 10_000 : config.http().connectTimeout().orElse(Duration.ofSeconds(10)).toMillis());
        Duration idle = config.bodyIdleTimeout() == null ? Duration.ofSeconds(30) : config.bodyIdleTimeout();
        this.idleMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, idle.toMillis()));
    }

    /** Why a file operation failed, without repeating the path the caller names already (file-system exceptions' message is the path). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f.getClass().getSimpleName();
            return f.getOtherFile() == null ? why : why + " (" + f.getOtherFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** Downloads to {@code target} through {@code target.part}; completes with {@code target}. */
    public CompletableFuture<Path> toFile(VideoAsset asset, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        DownloadSink.FileSink sink;
        try {
            checkUri(asset, asset.uri());
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            sink = new DownloadSink.FileSink(part);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(local(asset, "cannot write " + part + ": " + reason(e), e));
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        Transfer transfer = new Transfer(asset, sink);
        StepCancellingFuture<Path> result = new StepCancellingFuture<>();
        result.track(transfer.result);
        transfer.result.whenComplete((bytes, failure) -> {
            if (failure != null) {
                sink.discard();
                result.completeExceptionally(Futures.asVideoException(failure, transfer.provider));
                return;
            }
            try {
                sink.commit(); // on the download thread: the fsync is blocking work too
                move(part, target);
                LOG.debug("downloaded {} bytes to {}", bytes, target);
                result.complete(target);
            } catch (IOException e) {
                sink.discard();
                result.completeExceptionally(local(asset, "cannot move " + part + " to " + target + ": " + e.getMessage(), e));
            }
        });
        transfer.start();
        return transfer.reported(result);
    }

    /** Downloads into {@code out} (never closed), writing on a download thread; completes with the byte count. */
    public CompletableFuture<Long> toStream(VideoAsset asset, OutputStream out) {
        try {
            checkUri(asset, asset.uri());
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        }
        Transfer transfer = new Transfer(asset, DownloadSink.stream(out));
        transfer.start();
        return transfer.reported(transfer.result);
    }

    /** Stops the pool: running transfers are interrupted and fail; nothing new starts. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        for (Transfer t : active) {
            t.result.completeExceptionally(t.closedError());
        }
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String providerOf(VideoAsset asset) {
        return asset.provider() == null ? "download" : asset.provider();
    }

    private static VideoException local(VideoAsset asset, String message, Throwable cause) {
        return new VideoException(message, ErrorContext.local(providerOf(asset)), false, cause);
    }

    private static void checkUri(VideoAsset asset, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("data")) {
            return;
        }
        if (scheme.equals("gs")) {
            throw InvalidRequestException.local(providerOf(asset), "uri", "the asset is in Google Cloud Storage (" + uri
                    + "); the SDK downloads only http(s) URLs, so read it with your GCS client or a signed URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidRequestException.local(providerOf(asset), "uri", "download URL must be http or https, but was "
                    + Redaction.uri(uri));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** The http(s) URL a JSON answer points at ({@code url}, {@code video_url}, ... at the top, in {@code data} or {@code result}). */
    static Optional<URI> pointedUrl(JsonNode body) {
        for (JsonNode node : new JsonNode[] {body, body.path("data"), body.path("result")}) {
            if (!node.isObject()) {
                continue;
            }
            for (String field : URL_FIELDS) {
                String v = text(node, field);
                if (v != null && (v.startsWith("https://") || v.startsWith("http://"))) {
                    try {
                        return Optional.of(URI.create(v.trim()));
                    } catch (IllegalArgumentException ignored) {
                        // not a URL after all: try the next field
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Why a try ended without the whole file. */
    private enum Next { AGAIN, DONE, WAITING }

    /** One download: its state lives here and is touched by one thread at a time (the pool runs one try after another). */
    private final class Transfer {
        final StepCancellingFuture<Long> result = new StepCancellingFuture<>();
        final VideoAsset asset;
        final String provider;
        final DownloadSink sink;
        final Instant started;
        final Provider source;
        URI uri;
        int hopsLeft = MAX_HOPS;
        int failedTries;
        int resumesUsed;
        int attempt;
        boolean checked;
        /** The try on the wire whose finished event is still due (0: none), when it was sent, and its status. */
        private long tryId;
        private long endedTryId;
        private Duration retryWait;
        private Instant trySent;
        private int tryStatus;
        private byte[] buffer;
        private IOException readFailure;

        /**
         * Reads until the buffer is full or the body ends. A failure (reset, idle timeout) is kept
         * in {@link #readFailure}, and the bytes read before it are counted, so they are saved and
         * the resume starts after them.
         */
        private int fill(InputStream in, byte[] b) {
            int n = 0;
            try {
                while (n < b.length && !result.isDone()) {
                    int r = in.read(b, n, b.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (IOException e) {
                readFailure = e;
            }
            return n;
        }

        Transfer(VideoAsset asset, DownloadSink sink) {
            this.asset = asset;
            this.provider = providerOf(asset);
            this.sink = sink;
            this.uri = asset.uri();
            this.started = config.clock().instant();
            this.source = asset.provider() == null ? null : config.providers().apply(asset.provider());
            // No disconnect from here: HttpURLConnection's close waits for a read in progress. The
            // download thread sees the end between two reads (at most bodyIdleTimeout when silent).
            result.whenComplete((bytes, failure) -> {
                active.remove(this);
                sink.close();
            });
        }

        /** Reports the end of the download the caller sees (after the move into place, for files). */
        <T> CompletableFuture<T> reported(CompletableFuture<T> outcome) {
            outcome.whenComplete((value, failure) -> {
                VideoException error = failure == null ? null
                        : Futures.unwrap(failure) instanceof java.util.concurrent.CancellationException
                        ? new VideoException("download cancelled", ErrorContext.local(provider), false, failure)
                        : Futures.asVideoException(failure, provider);
                tell(l -> l.downloadFinished(asset, sink.written(), error, Duration.between(started, config.clock().instant())));
            });
            return outcome;
        }

        void start() {
            active.add(this);
            if (closed) {
                result.completeExceptionally(closedError());
                return;
            }
            submit();
        }

        ClientClosedException closedError() {
            return new ClientClosedException("the client is closed; download stopped", null, ErrorContext.local(provider));
        }

        private void submit() {
            try {
                pool.execute(this::run);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(closedError());
            }
        }

        private void run() {
            try {
                if ("data".equalsIgnoreCase(uri.getScheme())) {
                    writeInline();
                    return;
                }
                Next next = Next.AGAIN;
                while (next == Next.AGAIN && !result.isDone()) {
                    next = attempt();
                }
                if (next == Next.DONE) {
                    result.complete(sink.written());
                }
            } catch (VideoException e) {
                failed(e);
            } catch (RuntimeException e) {
                failed(Futures.asVideoException(e, provider));
            } catch (IOException e) {
                failed(local(asset, "cannot write the download: " + reason(e), e));
            } finally {
                buffer = null;
                if (tryId != 0) { // stopped mid-try (cancelled or closed)
                    event(tryStatus, trySent, new VideoException("download stopped", ErrorContext.local(provider), false, null));
                }
            }
            // the next try is scheduled only now: it runs on another download thread and must not meet this one's state
            Duration wait = retryWait;
            retryWait = null;
            if (wait != null && !result.isDone()) {
                try {
                    result.track(config.scheduler().schedule(this::submit, wait.toNanos(), TimeUnit.NANOSECONDS));
                } catch (RejectedExecutionException e) {
                    result.completeExceptionally(closedError());
                }
            }
        }

        private void failed(VideoException error) {
            if (tryId != 0) {
                event(tryStatus, trySent, error);
            }
            result.completeExceptionally(error);
        }

        /** One HTTP exchange. IOExceptions that escape are the sink's (writing), not the network's. */
        private Next attempt() throws IOException {
            attempt++;
            long offset = sink.written();
            Instant sent = config.clock().instant();
            startTry(sent);
            HttpURLConnection c = open(offset);
            int status;
            try {
                status = c.getResponseCode();
                tryStatus = status;
            } catch (IOException e) {
                c.disconnect();
                return networkFailure(e, offset, 0, sent);
            }
            Map<String, List<String>> headers = headers(c);
            if (status / 100 == 3) {
                discardBody(c);
                event(status, sent, null);
                String location = c.getHeaderField("Location");
                if (location == null) {
                    throw protocol("download of " + Redaction.uri(uri) + " redirected without a Location", status, headers);
                }
                return hop(uri.resolve(location.trim()), "redirected too often");
            }
            if (status != 200 && status != 206) {
                HttpReply reply = reply(status, headers, readAtMost(c.getErrorStream(), MAX_TEXT_BODY));
                c.disconnect();
                VideoException error = mapError(reply);
                event(status, sent, error);
                return failedAnswer(error, reply, sent, status);
            }
            if (status == 206 && !startsAt(headers, offset)) {
                c.disconnect();
                event(status, sent, null);
                LOG.debug("download of {}: 206 does not start at {} ({}); restarting from byte 0", Redaction.uri(uri), offset,
                        first(headers, "content-range"));
                return restart("answered a Content-Range that does not start at byte " + offset + " (" + first(headers, "content-range") + ")");
            }
            if (status == 200 && offset > 0) {
                LOG.debug("download of {}: the server ignored Range; restarting from byte 0", Redaction.uri(uri));
                if (!sink.restart()) {
                    c.disconnect();
                    throw protocol("the server ignored the Range request and the output stream cannot be rewound", status, headers);
                }
                offset = 0;
                checked = false;
            }
            long total = expectedTotal(status, headers, offset);
            if (total > config.maxBytes()) {
                c.disconnect();
                throw tooLarge(total);
            }
            return body(c, status, headers, offset, total, sent);
        }

        private Next body(HttpURLConnection c, int status, Map<String, List<String>> headers, long offset, long total,
                          Instant sent) throws IOException {
            String contentType = first(headers, "content-type");
            InputStream in;
            byte[] b = buffer();
            try {
                in = c.getInputStream();
            } catch (IOException e) {
                c.disconnect();
                return networkFailure(e, offset, status, sent);
            }
            readFailure = null;
            int n = fill(in, b);
            boolean text = MediaCheck.isTextType(contentType) && !MediaCheck.isTextType(asset.mimeType());
            boolean sniffable = readFailure == null || n >= MediaCheck.SNIFF_BYTES;
            if (text || sniffable && !checked && offset == 0 && !isMedia(b, n)) {
                c.disconnect();
                return notMedia(status, headers, b, n, sent, contentType);
            }
            checked = checked || sniffable;
            while (n > 0 && (checked || offset > 0)) {
                if (sink.written() + n > config.maxBytes()) {
                    c.disconnect();
                    throw tooLarge(sink.written() + n);
                }
                if (result.isDone()) {
                    c.disconnect();
                    return Next.WAITING;
                }
                try {
                    sink.write(b, n);
                } catch (IOException e) {
                    c.disconnect();
                    throw e;
                }
                long written = sink.written();
                tell(l -> l.downloadProgress(asset, written, total));
                n = readFailure == null ? fill(in, b) : 0;
            }
            if (result.isDone()) {
                c.disconnect(); // cancelled or closed: drop the connection rather than drain it
                return Next.WAITING;
            }
            if (readFailure != null) {
                c.disconnect();
                return networkFailure(readFailure, offset, status, sent);
            }
            closeQuietly(in); // hands the connection back for reuse
            if (total >= 0 && sink.written() < total) {
                return networkFailure(new IOException("the body ended at " + sink.written() + " of " + total + " bytes"),
                        offset, status, sent);
            }
            if (total >= 0 && sink.written() > total) {
                throw protocol("the body is longer than announced (" + sink.written() + " > " + total + " bytes)", status, headers);
            }
            event(status, sent, null);
            return Next.DONE;
        }

        private boolean isMedia(byte[] b, int n) {
            MediaCheck.Kind want = MediaCheck.expected(asset.mimeType());
            MediaCheck.Kind got = MediaCheck.sniff(b, n);
            if (got == MediaCheck.Kind.TEXT) {
                return false;
            }
            if (want == MediaCheck.Kind.UNKNOWN || got == want) {
                return true;
            }
            if (got.isMedia()) {
                LOG.warn("{}: the asset says {} but the bytes are {}; keeping them", provider, asset.mimeType(), got);
                return true;
            }
            return false;
        }

        /** A 2xx answer that is not the media: the provider's error, a pointer to follow, or a protocol error. */
        private Next notMedia(int status, Map<String, List<String>> headers, byte[] b, int n, Instant sent, String contentType) {
            byte[] head = java.util.Arrays.copyOf(b, Math.min(n, MAX_TEXT_BODY));
            HttpReply reply = reply(status, headers, head);
            VideoException mapped = source == null ? null : source.errors().map(reply);
            if (mapped != null) {
                event(status, sent, mapped);
                return failedAnswer(mapped, reply, sent, status);
            }
            Optional<URI> pointer = reply.jsonIfAny().flatMap(Downloader::pointedUrl);
            if (pointer.isPresent()) {
                event(status, sent, null);
                LOG.debug("download of {} answered JSON pointing at {}; following it", Redaction.uri(uri), Redaction.uri(pointer.get()));
                return hop(pointer.get(), "pointed at other URLs too often");
            }
            ErrorText said = ErrorText.of(reply);
            VideoException error = new ProtocolException(HttpErrors.describe(reply, said.code(),
                    "answered " + (contentType == null ? "no Content-Type" : contentType) + " instead of " + asset.mimeType()
                            + ", nothing saved" + (said.message() == null ? ": " + reply.excerpt() : ": " + said.message())),
                    reply.context(said.code()), null);
            event(status, sent, error);
            throw error;
        }

        private Next hop(URI next, String tooMany) {
            if (hopsLeft-- == 0) {
                throw new ProtocolException("download of " + Redaction.uri(asset.uri()) + " " + tooMany,
                        ErrorContext.local(provider), null);
            }
            checkUri(asset, next);
            uri = next;
            return Next.AGAIN;
        }

        private Next restart(String why) throws IOException {
            checked = false;
            if (!sink.restart()) {
                throw new ProtocolException("download of " + Redaction.uri(uri) + " " + why
                        + "; the output stream cannot be rewound", ErrorContext.local(provider), null);
            }
            if (resumesUsed++ >= config.resumes()) {
                throw new ProviderUnavailableException("download of " + Redaction.uri(uri) + " " + why + ", again",
                        ErrorContext.local(provider), null);
            }
            return Next.AGAIN;
        }

        /** An error answer: retried when retryable and tries are left (honouring Retry-After), else the failure. */
        private Next failedAnswer(VideoException error, HttpReply reply, Instant sent, int status) {
            if (!error.isRetryable() || failedTries >= config.retry().maxRetries()) {
                throw error;
            }
            failedTries++;
            Duration wait = config.retry().backoffBefore(failedTries, config.random());
            Optional<Duration> asked = error instanceof RateLimitException r && r.retryAfter().isPresent() ? r.retryAfter()
                    : reply.retryAfter(config.clock().instant());
            if (asked.isPresent()) {
                if (asked.get().compareTo(config.retry().maxRetryAfter()) > 0) {
                    throw error;
                }
                wait = asked.get().compareTo(wait) > 0 ? asked.get() : wait;
            }
            later(wait, tryEvent(status, sent, error));
            return Next.WAITING;
        }

        /** The connection broke, reset or stayed silent: resume if bytes arrived in this try, else retry. */
        private Next networkFailure(IOException e, long offset, int status, Instant sent) {
            if (result.isDone()) {
                return Next.WAITING; // cancelled: the disconnect caused this
            }
            boolean stalled = e instanceof SocketTimeoutException;
            String why = stalled ? "no byte arrived for " + idleMillis + " ms (bodyIdleTimeout)" : e.toString();
            VideoException error = new ProviderUnavailableException("download of " + Redaction.uri(uri) + " failed after "
                    + sink.written() + " bytes: " + why, ErrorContext.of(provider, status, null, null), e);
            event(status, sent, error);
            Duration wait;
            if (sink.written() > offset) {
                if (resumesUsed >= config.resumes()) {
                    throw error;
                }
                resumesUsed++;
                wait = config.retry().backoffBefore(resumesUsed, config.random());
                LOG.debug("download of {} broke at {} bytes ({}); resuming in {} ms", Redaction.uri(uri), sink.written(), why, wait.toMillis());
            } else {
                if (failedTries >= config.retry().maxRetries()) {
                    throw error;
                }
                failedTries++;
                wait = config.retry().backoffBefore(failedTries, config.random());
            }
            later(wait, tryEvent(status, sent, error));
            return Next.WAITING;
        }

        /** Asks for another try after {@code wait}; {@link #run()} schedules it when this try's thread is done. */
        private void later(Duration wait, HttpCallEvent failedTry) {
            tell(l -> l.retryScheduled(failedTry, wait));
            retryWait = wait;
        }

        private HttpURLConnection open(long offset) throws IOException {
            HttpURLConnection c;
            try {
                c = (HttpURLConnection) uri.toURL().openConnection(proxyFor(uri));
            } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                throw InvalidRequestException.local(provider, "uri", "not a valid download URL: " + Redaction.uri(uri));
            }
            if (c instanceof HttpsURLConnection https && config.http() != null) {
                https.setSSLSocketFactory(config.http().sslContext().getSocketFactory());
            }
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout(connectTimeoutMillis);
            c.setReadTimeout(idleMillis);
            c.setRequestProperty("User-Agent", config.userAgent());
            c.setRequestProperty("Accept", "*/*");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (offset > 0) {
                c.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            if (source != null) {
                source.credential(asset, uri).ifPresent(cred -> cred.headers().forEach(c::setRequestProperty));
            }
            return c;
        }

        private Proxy proxyFor(URI target) {
            Optional<ProxySelector> selector = config.http() == null ? Optional.empty() : config.http().proxy();
            if (selector.isEmpty()) {
                return Proxy.NO_PROXY;
            }
            List<Proxy> proxies = selector.get().select(target);
            return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
        }

        private void writeInline() throws IOException {
            String text = uri.toString();
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
                throw InvalidRequestException.local(provider, "uri",
                        "an inline asset must be a base64 data: URI, but was " + Redaction.uri(uri));
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("the inline asset is not valid base64", ErrorContext.local(provider), e);
            }
            if (bytes.length > config.maxBytes()) {
                throw tooLarge(bytes.length);
            }
            if (!isMedia(bytes, bytes.length)) {
                throw new ProtocolException("the inline asset is not " + asset.mimeType() + " (nothing saved): "
                        + Json.excerpt(bytes), ErrorContext.local(provider), null);
            }
            sink.write(bytes, bytes.length);
            result.complete(sink.written());
        }

        private byte[] buffer() {
            if (buffer == null) {
                buffer = new byte[CHUNK];
            }
            return buffer;
        }

        private VideoException mapError(HttpReply reply) {
            VideoException mapped = source == null ? null : source.errors().map(reply);
            return mapped != null ? mapped : HttpErrors.byBody(reply, config.clock().instant());
        }

        private HttpReply reply(int status, Map<String, List<String>> headers, byte[] body) {
            String requestId = null;
            for (String name : REQUEST_ID_HEADERS) {
                requestId = first(headers, name);
                if (requestId != null) {
                    break;
                }
            }
            return new HttpReply(provider, uri, status, headers, body, requestId, ProviderData.keyId(asset));
        }

        private ProtocolException protocol(String message, int status, Map<String, List<String>> headers) {
            return new ProtocolException(message, reply(status, headers, new byte[0]).context(null), null);
        }

        private VideoException tooLarge(long size) {
            return new InvalidRequestException("the asset is " + size + " bytes, more than the limit of " + config.maxBytes()
                    + " bytes (VideoClient.Builder.maxDownloadBytes)", "maxDownloadBytes", ErrorContext.local(provider), null);
        }

        private void startTry(Instant sent) {
            trySent = sent;
            tryStatus = 0;
            if (config.listener() == null || config.listener() == VideoEventListener.NONE) {
                return;
            }
            tryId = Events.nextTryId();
            HttpCallEvent e = new HttpCallEvent(provider, "GET", HttpCallEvent.Kind.DOWNLOAD, 0, attempt, Duration.ZERO, null,
                    tryId);
            tell(l -> l.httpCallStarted(e));
        }

        /** The try's finished event (once per try: the first call ends it). */
        private void event(int status, Instant sent, VideoException failure) {
            HttpCallEvent e = tryEvent(status, sent, failure);
            endedTryId = tryId;
            tryId = 0;
            tell(l -> l.httpCallFinished(e));
        }

        private HttpCallEvent tryEvent(int status, Instant sent, VideoException failure) {
            return new HttpCallEvent(provider, "GET", HttpCallEvent.Kind.DOWNLOAD, status, attempt,
                    Duration.between(sent, config.clock().instant()), failure, tryId != 0 ? tryId : endedTryId);
        }

        private void tell(java.util.function.Consumer<VideoEventListener> call) {
            VideoEventListener l = config.listener();
            if (l == null || l == VideoEventListener.NONE) {
                return;
            }
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("event listener threw; ignored", e);
            }
        }
    }

    private static Map<String, List<String>> headers(HttpURLConnection c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                out.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return out;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** True when {@code Content-Range: bytes <offset>-...} starts where the request asked. */
    private static boolean startsAt(Map<String, List<String>> headers, long offset) {
        String range = first(headers, "content-range");
        if (range == null) {
            return false;
        }
        String r = range.trim().toLowerCase(Locale.ROOT);
        if (!r.startsWith("bytes ")) {
            return false;
        }
        int dash = r.indexOf('-');
        try {
            return dash > 6 && Long.parseLong(r.substring(6, dash).trim()) == offset;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The full size: {@code Content-Range}'s total for a 206, else {@code Content-Length}; -1 if unknown. */
    private static long expectedTotal(int status, Map<String, List<String>> headers, long offset) {
        long length = -1;
        String cl = first(headers, "content-length");
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException ignored) {
                // unknown
            }
        }
        if (status == 206) {
            String range = first(headers, "content-range");
            String total = range == null ? "" : range.substring(range.lastIndexOf('/') + 1).trim();
            if (!total.isEmpty() && total.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(total);
            }
            return length >= 0 ? offset + length : -1;
        }
        return length;
    }

    private static byte[] readAtMost(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the bytes are all here; only connection reuse is lost
        }
    }

    private static void discardBody(HttpURLConnection c) {
        try {
            InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in != null) {
                in.readNBytes(MAX_TEXT_BODY);
                in.close();
            }
        } catch (IOException e) {
            c.disconnect();
        }
    }
}
