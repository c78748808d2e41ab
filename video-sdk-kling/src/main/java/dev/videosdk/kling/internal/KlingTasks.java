package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.Cost;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kling's task object (from a status answer's {@code data}, or a callback body) into a
 * {@link JobStatus}. {@code submitted} is queued, {@code processing} running, {@code succeed}
 * succeeded (only with at least one video URL: {@code url}, or {@code watermark_url} when it is the
 * only one given), {@code failed} failed; any other word counts as
 * running, bounded by the polling deadline.
 */
final class KlingTasks {
    private static final Logger LOG = LoggerFactory.getLogger(KlingTasks.class);
    /** Kling deletes results 30 days after the task; no shorter link expiry is documented. */
    static final Duration RESULT_RETENTION = Duration.ofDays(30);
    /** Variant of the watermarked copy returned when {@code watermark_info.enabled} was set. */
    static final String WATERMARKED = "watermarked";

    static final StatusTable STATUSES = StatusTable.builder()
            .queued("submitted")
            .running("processing")
            .succeeded("succeed", "succeeded")
            .failed("failed")
            .build();

    /** Words in a failure reason that mean moderation refused it (free text, so a heuristic). */
    private static final List<String> POLICY_WORDS = List.of("risk", "moderat", "sensitive", "policy", "violat",
            "inappropriate", "illegal", "content security", "审核", "违规", "敏感");

    private KlingTasks() {
    }

    /** The task's status; {@code task} is the task object, {@code rawJson} the text it came in. */
    static JobStatus status(JsonNode task, VideoJob job, Instant now, String rawJson, String requestId) {
        String word = task.path("task_status").asText(null);
        String reason = task.path("task_status_msg").asText("");
        JobState state = STATUSES.stateOf(word);
        JobStatus status = switch (state) {
            case QUEUED -> JobStatus.queued();
            case SUCCEEDED -> succeeded(task, job, now, word, requestId);
            case FAILED -> JobStatus.failed(failure(job, reason, requestId));
            default -> JobStatus.running(null);
        };
        if (!reason.isBlank() && status.message() == null) {
            status = status.withMessage(reason);
        }
        return ProviderData.withRaw(withReportedCost(status, task), word, rawJson);
    }

    /** The unit of Kling's resource-pack units in {@link Cost}. */
    static final String UNITS = "kling-units";

    /**
     * The status with the units Kling says it charged ({@code final_unit_deduction}, a string of a
     * number on query answers and callbacks; kling.md §6, from the Vercel klingai provider's schema).
     */
    static JobStatus withReportedCost(JobStatus status, JsonNode task) {
        String units = task.path("final_unit_deduction").asText("").trim();
        if (units.isEmpty()) {
            return status;
        }
        try {
            BigDecimal amount = new BigDecimal(units);
            return amount.signum() < 0 ? status : status.withCost(Cost.of(amount, UNITS));
        } catch (NumberFormatException e) {
            return status; // not a number: no cost rather than a guess
        }
    }

    private static JobStatus succeeded(JsonNode task, VideoJob job, Instant now, String word, String requestId) {
        Instant finished = task.hasNonNull("updated_at") && task.get("updated_at").canConvertToLong()
                ? Instant.ofEpochMilli(task.get("updated_at").asLong()) : now;
        Instant expires = finished.plus(RESULT_RETENTION);
        List<VideoAsset> assets = new ArrayList<>();
        List<String> durations = new ArrayList<>();
        boolean watermarkedOnly = false;
        for (JsonNode video : task.path("task_result").path("videos")) {
            URI url = uri(video.path("url").asText(""));
            URI watermarked = uri(video.path("watermark_url").asText(""));
            if (url == null && watermarked != null) {
                // a documented field holding the only copy: the paid video, watermarked (issue 12)
                LOG.warn("kling task {}: task_result.videos has watermark_url but no url; returning the watermarked copy as the video",
                        job.id());
                url = watermarked;
                watermarked = null;
                watermarkedOnly = true;
            }
            if (url == null) {
                continue;
            }
            assets.add(VideoAsset.video(url, job, expires));
            if (video.hasNonNull("duration")) {
                durations.add(video.get("duration").asText() + " s");
            }
            if (watermarked != null) {
                assets.add(VideoAsset.video(watermarked, job, expires).toBuilder().variant(WATERMARKED).build());
            }
        }
        if (assets.stream().noneMatch(VideoAsset::isVideo)) {
            return JobStatus.failed(new ProtocolException("kling reported task " + job.id() + " as " + word
                    + " but gave no video URL in task_result.videos", ErrorContext.of(job.provider(), 200, null, requestId),
                    null));
        }
        JobStatus status = JobStatus.succeeded(assets);
        List<String> notes = new ArrayList<>();
        if (!durations.isEmpty()) {
            notes.add("video length " + String.join(", ", durations));
        }
        if (watermarkedOnly) {
            notes.add("only the watermarked copy (watermark_url) was given");
        }
        return notes.isEmpty() ? status : status.withMessage(String.join("; ", notes));
    }

    private static dev.videosdk.VideoException failure(VideoJob job, String reason, String requestId) {
        ErrorContext ctx = ErrorContext.of(job.provider(), 200, null, requestId);
        String text = "kling task " + job.id() + " failed" + (reason.isBlank() ? " without a reason" : ": " + reason);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (POLICY_WORDS.stream().anyMatch(lower::contains)) {
            return new ContentPolicyException(text, List.of(reason), ctx, null);
        }
        return new GenerationFailedException(text, ctx, false, null);
    }

    /** An absolute http(s) URI, or null. */
    private static URI uri(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
