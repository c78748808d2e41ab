package dev.videosdk.soraproxy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.StreamObserver;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one chat-completions event stream: requests one body chunk at a time, feeds it to an
 * {@link SseParser}, turns each chunk into progress for the observer, and completes
 * {@code result} on {@code [DONE]}, end of stream, a finish with a link, an in-stream error, or
 * when no byte arrived for the idle timeout. Whenever {@code result} completes (also by
 * cancellation) the subscription is cancelled, which closes the connection.
 */
final class ChatStreamSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Logger LOG = LoggerFactory.getLogger(ChatStreamSubscriber.class);

    private final VideoJob job;
    private final CompletableFuture<JobStatus> result;
    private final ChatTranscript transcript;
    private final GatewayErrors errors;
    private final StreamObserver observer;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration idleTimeout;
    private final String requestId;
    private final Instant started;
    private final SseParser parser = SseParser.lenient(this::onEvent);
    private final ObjectReader reader;

    private volatile Flow.Subscription subscription;
    private volatile Instant lastActivity;
    private volatile ScheduledFuture<?> idleCheck;
    private long bytes;
    private int malformed;

    ChatStreamSubscriber(VideoJob job, CompletableFuture<JobStatus> result, ChatTranscript transcript, GatewayErrors errors,
                         StreamObserver observer, ObjectMapper json, ScheduledExecutorService scheduler, Clock clock,
                         Duration idleTimeout, String requestId) {
        this.job = job;
        this.result = result;
        this.transcript = transcript;
        this.errors = errors;
        this.observer = observer;
        this.json = json;
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.scheduler = scheduler;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.requestId = requestId;
        this.started = clock.instant();
        this.lastActivity = started;
        scheduleIdleCheck(idleTimeout);
        result.whenComplete((status, failure) -> close());
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        if (result.isDone()) {
            return;
        }
        lastActivity = clock.instant();
        try {
            for (ByteBuffer buffer : chunk) {
                bytes += buffer.remaining();
                parser.feed(buffer);
                if (result.isDone()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(new ProtocolException(job.provider() + " sent an unreadable event stream after "
                    + bytes + " bytes: " + e.getMessage(), context(), e));
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        if (result.isDone()) {
            return;
        }
        result.completeExceptionally(new ProviderUnavailableException(job.provider() + " stream broke after " + bytes
                + " bytes (" + failure + "); the generation's fate at the gateway is unknown and a chat stream "
                + "cannot be resumed", context(), false, failure));
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        parser.finish();
        if (!result.isDone()) {
            conclude("end of stream without [DONE]");
        }
    }

    private void onEvent(SseEvent event) {
        if (result.isDone()) {
            return;
        }
        String data = event.data().strip();
        if ("error".equals(event.type())) {
            JsonNode node = parse(data);
            JsonNode error = node != null && node.has("error") ? node.get("error")
                    : node != null ? node : json.getNodeFactory().textNode(data);
            result.completeExceptionally(errors.inStream(error, requestId));
            return;
        }
        if (data.indexOf('\n') >= 0 && data.lines().filter(l -> !l.isBlank()).allMatch(ChatStreamSubscriber::isChunkLine)) {
            // consecutive data: lines without blank lines between them: one chunk per line
            for (String line : (Iterable<String>) data.lines()::iterator) {
                if (result.isDone()) {
                    return;
                }
                onChunk(line.strip());
            }
            return;
        }
        onChunk(data);
    }

    private static boolean isChunkLine(String line) {
        String l = line.strip();
        return l.startsWith("{") || l.startsWith("[DONE]");
    }

    private void onChunk(String data) {
        if (data.startsWith("[DONE]")) {
            conclude("[DONE]");
            return;
        }
        if (data.isEmpty()) {
            return;
        }
        JsonNode node = parse(data);
        if (node == null || !node.isObject()) {
            malformed++;
            LOG.debug("{} skipped unreadable chunk {} of job {}: {}", job.provider(), malformed, job.id(),
                    data.length() > 200 ? data.substring(0, 200) + "..." : data);
            return;
        }
        JobStatus update = transcript.accept(node, data);
        Optional<VideoException> error = transcript.error();
        if (error.isPresent()) {
            result.completeExceptionally(error.get());
            return;
        }
        if (update != null) {
            observer.update(update);
        }
        if (transcript.finishedWithLink()) {
            conclude("finish_reason");
        }
    }

    /** The data as JSON, or null when it is not one JSON value (trailing text counts as unreadable). */
    private JsonNode parse(String data) {
        try {
            return reader.readTree(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void conclude(String how) {
        try {
            JobStatus status = transcript.conclude(how);
            LOG.debug("{} job {} finished ({}) after {} bytes, {} chunks", job.provider(), job.id(), how, bytes, transcript.chunks());
            result.complete(status);
        } catch (VideoException e) {
            result.completeExceptionally(e);
        }
    }

    private void scheduleIdleCheck(Duration delay) {
        idleCheck = scheduler.schedule(this::checkIdle, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (result.isDone()) {
            return;
        }
        Instant now = clock.instant();
        Duration quiet = Duration.between(lastActivity, now);
        if (quiet.compareTo(idleTimeout) < 0) {
            scheduleIdleCheck(idleTimeout.minus(quiet));
            return;
        }
        result.completeExceptionally(new GenerationTimeoutException(job.provider() + " stream sent nothing for "
                + idleTimeout.toSeconds() + " s (idle timeout, SORA_IDLE_TIMEOUT_SECONDS) after " + bytes
                + " bytes; the connection was closed. A chat stream cannot be resumed: generate again.",
                job, Duration.between(started, now), transcript.chunks(), context()));
    }

    private ErrorContext context() {
        return ErrorContext.of(job.provider(), 200, null, requestId);
    }

    /** Stops the idle timer and closes the connection; idempotent. */
    private void close() {
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
