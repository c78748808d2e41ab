package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads {@code GET /v1/tasks/{id}} ({@code shared/providers/runway.md} §4) into a {@link JobStatus}:
 * {@code PENDING} and {@code THROTTLED} queued, {@code RUNNING} running ({@code progress} 0–1 as a
 * percentage), {@code SUCCEEDED} succeeded with {@code output[]} as assets (only with at least one URL),
 * {@code FAILED} failed by {@code failureCode} (§4.1), {@code CANCELLED} cancelled; any other word counts
 * as running, bounded by the polling deadline. The charge ({@code cost.credits}, or
 * {@code estimatedCost.credits} while unfinished) is put in the message until core carries a cost value.
 */
final class RunwayTasks {
    /** Output URLs expire "within 24–48 hours"; the SDK assumes the shorter, counted from the status read. */
    static final Duration OUTPUT_LIFETIME = Duration.ofHours(24);

    static final StatusTable STATUSES = StatusTable.builder()
            .queued("PENDING", "THROTTLED")
            .running("RUNNING")
            .succeeded("SUCCEEDED")
            .failed("FAILED")
            .cancelled("CANCELLED")
            .build();

    private RunwayTasks() {
    }

    static JobStatus status(JsonNode task, VideoJob job, Instant now, String rawJson, String requestId) {
        String word = task.path("status").asText(null);
        JobState state = STATUSES.stateOf(word);
        JobStatus status = switch (state) {
            case QUEUED -> "THROTTLED".equalsIgnoreCase(word)
                    ? JobStatus.queued().withMessage("throttled: the organization is at its concurrency limit;"
                    + " the task starts when a slot frees")
                    : JobStatus.queued();
            case SUCCEEDED -> succeeded(task, job, now, requestId);
            case FAILED -> JobStatus.failed(failure(task, job, requestId));
            case CANCELLED -> JobStatus.cancelled("runway task " + job.id() + " was cancelled or deleted");
            default -> JobStatus.running(percent(task.path("progress")));
        };
        String cost = costNote(task);
        if (cost != null) {
            status = status.withMessage(status.message() == null ? cost : status.message() + " (" + cost + ")");
        }
        JsonNode charged = task.path("cost").path("credits");
        if (state.isTerminal() && charged.isNumber()) {
            status = status.withCost(creditsCost(charged)); // runway.md §4.2: the actual charge; 0 when refunded
        }
        return ProviderData.withRaw(status, word, rawJson);
    }

    /** {@code progress} 0–1 as 0–100; null when absent or not a number. */
    static Integer percent(JsonNode progress) {
        if (!progress.isNumber()) {
            return null;
        }
        double p = progress.asDouble();
        if (Double.isNaN(p)) {
            return null;
        }
        return (int) Math.round(Math.max(0.0, Math.min(1.0, p)) * 100);
    }

    /** The task's actual charge ({@code cost.credits}), if reported. */
    static OptionalDouble cost(JsonNode task) {
        JsonNode credits = task.path("cost").path("credits");
        return credits.isNumber() ? OptionalDouble.of(credits.asDouble()) : OptionalDouble.empty();
    }

    /** The unit of Runway's credits in {@link dev.videosdk.Cost} (the price table gives 0.01 USD per credit). */
    static final String CREDITS = "runway-credits";

    /** A number of credits as a cost (null when {@code credits} is not a non-negative number). */
    static dev.videosdk.Cost creditsCost(JsonNode credits) {
        return credits.isNumber() && credits.decimalValue().signum() >= 0
                ? dev.videosdk.Cost.of(credits.decimalValue(), CREDITS) : null;
    }

    /** The most the task may charge ({@code estimatedCost.credits}), if reported. */
    static OptionalDouble estimate(JsonNode node) {
        JsonNode credits = node.path("estimatedCost").path("credits");
        return credits.isNumber() ? OptionalDouble.of(credits.asDouble()) : OptionalDouble.empty();
    }

    private static String costNote(JsonNode task) {
        OptionalDouble cost = cost(task);
        if (cost.isPresent()) {
            return "cost " + credits(cost.getAsDouble()) + " credits";
        }
        OptionalDouble estimate = estimate(task);
        return estimate.isPresent() ? "estimated cost " + credits(estimate.getAsDouble()) + " credits" : null;
    }

    /** Credits as text: whole numbers without a decimal point. */
    static String credits(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static JobStatus succeeded(JsonNode task, VideoJob job, Instant now, String requestId) {
        Instant expires = now.plus(OUTPUT_LIFETIME);
        String mime = ProviderData.attribute(job, RunwayProvider.OUTPUT_FORMAT).filter(f -> !f.equals("mp4")).isPresent()
                ? "application/octet-stream" : "video/mp4";
        List<VideoAsset> assets = new ArrayList<>();
        for (JsonNode output : task.path("output")) {
            URI url = uri(output.asText(""));
            if (url != null) {
                String variant = assets.isEmpty() ? VideoAsset.VIDEO : "output-" + (assets.size() + 1);
                assets.add(VideoAsset.builder().uri(url).mimeType(mime).expiresAt(expires).variant(variant).job(job).build());
            }
        }
        if (assets.isEmpty()) {
            return JobStatus.failed(new ProtocolException("runway reported task " + job.id()
                    + " as SUCCEEDED but gave no output URL", ErrorContext.of(job.provider(), 200, null, requestId), null));
        }
        return JobStatus.succeeded(assets);
    }

    /**
     * The error for a FAILED task, by {@code failureCode}: {@code SAFETY.*} and
     * {@code INPUT_PREPROCESSING.SAFETY.*} content policy; {@code INTERNAL}, {@code INTERNAL.*} and
     * {@code INPUT_PREPROCESSING.INTERNAL} retryable failures; {@code ASSET.*} an invalid input; any other
     * or no code a failure that is not retryable.
     */
    static VideoException failure(JsonNode task, VideoJob job, String requestId) {
        String reason = task.path("failure").asText("").trim();
        String code = task.path("failureCode").asText("").trim();
        String codeOrNull = code.isEmpty() ? null : code;
        ErrorContext ctx = ErrorContext.of(job.provider(), 200, codeOrNull, requestId);
        String text = "runway task " + job.id() + " failed" + (reason.isEmpty() ? "" : ": " + reason)
                + (codeOrNull == null ? "" : " (failureCode " + code + ")");
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.startsWith("SAFETY") || upper.startsWith("INPUT_PREPROCESSING.SAFETY")) {
            return new ContentPolicyException(text, List.of(reason.isEmpty() ? code : reason), ctx, null);
        }
        if (upper.equals("INTERNAL") || upper.startsWith("INTERNAL.") || upper.equals("INPUT_PREPROCESSING.INTERNAL")) {
            return new GenerationFailedException(text + "; Runway counts this as retryable", ctx, true, null);
        }
        if (upper.startsWith("ASSET")) {
            return new InvalidRequestException(text + "; fix the input asset", null, ctx, null);
        }
        return new GenerationFailedException(text, ctx, false, null);
    }

    /** The output as an absolute https (or http) URL, or null when it is none (skipped, never downloaded). */
    private static URI uri(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return null;
        }
        try {
            URI parsed = URI.create(t);
            return parsed.getHost() == null ? null : parsed;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
