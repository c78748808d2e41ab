package dev.videosdk.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Video} object ({@code GET /videos/{id}}) into a {@link JobStatus}. Lenient:
 * gateways' synonyms are known, any other word counts as running (bounded by the deadline),
 * {@code progress} may be a number or text, unknown fields are ignored.
 */
public final class VideoStatusParser {
    /** Status words of OpenAI ({@code queued, in_progress, completed, failed}) and common gateway synonyms. */
    static final StatusTable STATUS = StatusTable.builder()
            .queued("queued", "pending", "submitted", "not_start")
            .running("in_progress", "processing", "running", "generating")
            .succeeded("completed", "succeeded", "success")
            .failed("failed", "failure", "error")
            .cancelled("cancelled", "canceled")
            .build();
    /** How long OpenAI keeps the assets when the job does not say: one hour after generation. */
    static final Duration OPENAI_RETENTION = Duration.ofHours(1);
    /** Header with the server's "poll again after" hint in milliseconds. */
    static final String POLL_AFTER_HEADER = "openai-poll-after-ms";

    private final OpenAiSettings settings;

    /** A parser for jobs of the API at {@code settings.baseUri()}. */
    public VideoStatusParser(OpenAiSettings settings) {
        this.settings = settings;
    }

    /** The status in {@code reply}; {@code now} dates assets whose expiry OpenAI did not send. */
    public JobStatus parse(VideoJob job, HttpReply reply, Instant now) {
        JsonNode video = reply.json();
        String word = textOrNull(video.path("status"));
        JobStatus status = statusOf(job, video, word, reply, now);
        status = ProviderData.withRaw(status, word, reply.bodyText());
        Optional<Duration> hint = pollAfter(reply);
        return hint.isPresent() ? ProviderData.withPollAfter(status, hint.get()) : status;
    }

    private JobStatus statusOf(VideoJob job, JsonNode video, String word, HttpReply reply, Instant now) {
        Integer progress = progress(video.path("progress"));
        if (word != null && word.trim().toLowerCase(Locale.ROOT).equals("expired")) {
            return JobStatus.failed(new JobExpiredException(OpenAiSettings.PROVIDER + " video " + job.id()
                    + " expired before it was collected; its assets can no longer be downloaded",
                    reply.context(null)));
        }
        JobState state = STATUS.stateOf(word);
        return switch (state) {
            case SUCCEEDED -> JobStatus.succeeded(assets(job, video, now));
            case FAILED -> JobStatus.failed(failure(job, video.path("error"), reply));
            case CANCELLED -> JobStatus.cancelled(OpenAiSettings.PROVIDER + " video " + job.id() + " was cancelled");
            case QUEUED -> progress == null ? JobStatus.queued()
                    : JobStatus.builder().state(JobState.QUEUED).progress(progress).build();
            default -> JobStatus.running(progress);
        };
    }

    /** The video, its thumbnail and its spritesheet, each at {@code /videos/{id}/content}. */
    List<VideoAsset> assets(VideoJob job, JsonNode video, Instant now) {
        Instant expires = expiry(video, now);
        String content = "/videos/" + segment(job.id()) + "/content";
        return List.of(
                VideoAsset.video(settings.resolve(content), job, expires),
                VideoAsset.builder().uri(settings.resolve(content + "?variant=thumbnail")).mimeType("image/webp")
                        .expiresAt(expires).variant(VideoAsset.THUMBNAIL).job(job).build(),
                VideoAsset.builder().uri(settings.resolve(content + "?variant=spritesheet")).mimeType("image/jpeg")
                        .expiresAt(expires).variant(VideoAsset.SPRITESHEET).job(job).build());
    }

    /** {@code expires_at}; else, on api.openai.com, one hour after completion. */
    private Instant expiry(JsonNode video, Instant now) {
        if (video.path("expires_at").canConvertToLong()) {
            return Instant.ofEpochSecond(video.path("expires_at").asLong());
        }
        if (!settings.isOpenAiHost()) {
            return null;
        }
        Instant completed = video.path("completed_at").canConvertToLong()
                ? Instant.ofEpochSecond(video.path("completed_at").asLong()) : now;
        return completed.plus(OPENAI_RETENTION);
    }

    private VideoException failure(VideoJob job, JsonNode error, HttpReply reply) {
        String code = textOrNull(error.path("code"));
        String message = textOrNull(error.path("message"));
        ErrorContext ctx = reply.context(code);
        String text = OpenAiSettings.PROVIDER + " video " + job.id() + " failed: "
                + (message == null ? "the provider gave no reason" : message) + (code == null ? "" : " (code " + code + ")");
        if (OpenAiErrorMapper.isPolicy(code, null, message)) {
            return new ContentPolicyException(text + "; change the prompt or the input image",
                    message == null ? List.of() : List.of(message), ctx, null);
        }
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        boolean transientFailure = c.contains("internal") || c.contains("server") || c.contains("timeout");
        return new GenerationFailedException(text, ctx, transientFailure, null);
    }

    /** {@code progress} as a whole percent 0–100, or null; accepts numbers and numeric text. */
    static Integer progress(JsonNode node) {
        Double value = null;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().trim().replace("%", ""));
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value.isNaN()) {
            return null;
        }
        return (int) Math.max(0, Math.min(100, Math.floor(value)));
    }

    /** The {@code openai-poll-after-ms} hint, if present and readable. */
    static Optional<Duration> pollAfter(HttpReply reply) {
        return reply.header(POLL_AFTER_HEADER).flatMap(v -> {
            try {
                long ms = (long) Double.parseDouble(v.trim());
                return ms >= 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A job id as one path segment. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
