package dev.videosdk.examples.spring;

import dev.videosdk.VideoRequest;
import dev.videosdk.jobs.CreditsLedger;
import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.VideoQueue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The seeds' tasks on the durable queue (ADR 1106): a task is a queue record, its id the queue id. The queue
 * sends the create call at most once, reserves the price in its ledger at enqueue and refunds it when the
 * provider did not accept the job (ADR 1003); its workers poll, download and run the {@link MediaStep}.
 */
@Service
public class VideoTasks {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final VideoQueue queue;
    private final AppSettings settings;

    /** Uses the starter's queue. */
    public VideoTasks(VideoQueue queue, AppSettings settings) {
        this.queue = queue;
        this.settings = settings;
    }

    /**
     * Stores a generation for {@code userId} (opening the user's account first) and returns its task id.
     * Fails like {@link VideoQueue#enqueue}: bad input, or too few credits, before anything is stored.
     */
    public String create(String userId, VideoRequest request, String quality) {
        account(userId);
        Map<String, String> metadata = quality == null || quality.isBlank() ? Map.of() : Map.of("quality", quality);
        return queue.enqueue(request, userId, metadata);
    }

    /** The user's available credits (reservations already taken off); opens the account when new. */
    public long credits(String userId) {
        return account(userId);
    }

    /** A new user's account is opened with {@code app.initial-credits}; one lock, so it is opened once. */
    private synchronized long account(String userId) {
        CreditsLedger ledger = queue.ledger();
        var balance = ledger.balance(userId);
        return balance.isPresent() ? balance.getAsLong() : ledger.credit(userId, settings.initialCredits(), "welcome");
    }

    /** A task by id, when it exists. */
    public Optional<QueueRecord> find(String taskId) {
        return taskId == null || !UUID.matcher(taskId).matches() ? Optional.empty() : queue.record(taskId);
    }

    /** A task by id, only when {@code userId} owns it. */
    public Optional<QueueRecord> findOwned(String taskId, String userId) {
        return find(taskId).filter(r -> r.owner().equals(userId));
    }

    /** The starter's queue, for its statistics, a task's history and webhooks. */
    public VideoQueue queue() {
        return queue;
    }

    /** The seeds' words for a queue state: queued, running, succeeded or failed. */
    static String status(QueueState state) {
        return switch (state) {
            case QUEUED, SUBMITTING -> "queued";
            case WAITING, DOWNLOADING, POST_PROCESSING, NEEDS_RECONCILIATION -> "running";
            case SUCCEEDED -> "succeeded";
            case FAILED, CANCELLED, ABANDONED -> "failed";
        };
    }

    /**
     * The status endpoint's answer: {@code {taskId, status, progress, result: {videoUrl, thumbnailUrl}, error:
     * {message, code}}}; URLs are same-origin paths of this service.
     */
    static Map<String, Object> statusOf(QueueRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", r.id());
        out.put("status", status(r.state()));
        out.put("progress", r.state() == QueueState.SUCCEEDED ? Integer.valueOf(100) : r.progress());
        Map<String, Object> result = null;
        if (r.state() == QueueState.SUCCEEDED && r.outputs().containsKey(MediaStep.NAME + ".videoKey")) {
            result = new LinkedHashMap<>();
            result.put("videoUrl", "/api/video/file/" + r.id());
            result.put("thumbnailUrl", r.outputs().containsKey(MediaStep.NAME + ".thumbnailKey")
                    ? "/api/video/thumbnail/" + r.id() : null);
        }
        out.put("result", result);
        Map<String, Object> error = null;
        if (r.state().isFinal() && r.state() != QueueState.SUCCEEDED) {
            error = new LinkedHashMap<>();
            error.put("message", Messages.forRecord(r.state(), r.errorCode()));
            error.put("code", r.errorCode());
        }
        out.put("error", error);
        return out;
    }

    /** The queue endpoint's view of one task: the status plus who, where, what it cost and when. */
    Map<String, Object> details(QueueRecord r) {
        Map<String, Object> out = statusOf(r);
        out.put("state", r.state().name().toLowerCase(Locale.ROOT));
        out.put("userId", r.owner());
        out.put("provider", r.provider());
        out.put("model", r.model());
        out.put("quality", r.metadata().get("quality"));
        out.put("providerJobId", r.providerJobId());
        out.put("createAttempts", r.attempts());
        out.put("reservedCredits", r.reservedCredits());
        out.put("cost", r.cost());
        out.put("createdAt", r.createdAt().toString());
        out.put("acceptedAt", r.acceptedAt() == null ? null : r.acceptedAt().toString());
        out.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        out.put("history", queue.history(r.id()).stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", e.at().toString());
            event.put("state", e.state().name().toLowerCase(Locale.ROOT));
            event.put("detail", e.detail());
            return event;
        }).toList());
        return out;
    }
}
