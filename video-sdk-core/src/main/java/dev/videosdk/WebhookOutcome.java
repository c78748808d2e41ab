package dev.videosdk;

import java.util.Objects;

/**
 * What {@link Webhooks#handle} did with a verified callback. Every outcome is answered 2xx; a callback
 * that fails verification fails the call with a {@link WebhookVerificationException} instead (answer
 * 4xx).
 *
 * @param type   what happened
 * @param jobId  the provider's id of the job the callback is about (its task or operation id), or null when
 *               {@link Type#IGNORED}; lets an application route the callback to its own record of the job
 * @param status the job status the callback applied ({@link Type#APPLIED}) or had applied before
 *               ({@link Type#DUPLICATE}, may be null); null when {@link Type#IGNORED}
 * @param reason why it was ignored or counted as a duplicate, or null
 */
public record WebhookOutcome(Type type, String jobId, JobStatus status, String reason) {

    /** What a verified callback led to. */
    public enum Type {
        /** The callback's status was applied to its job (and to any wait on it). */
        APPLIED,
        /** The same delivery was applied before (at-least-once senders redeliver); nothing done again. */
        DUPLICATE,
        /** Verified, but not about a job (another event type); nothing done. */
        IGNORED
    }

    /** Validates. */
    public WebhookOutcome {
        Objects.requireNonNull(type, "type");
    }

    /** An applied status of job {@code jobId}. */
    public static WebhookOutcome applied(String jobId, JobStatus status) {
        return new WebhookOutcome(Type.APPLIED, Objects.requireNonNull(jobId, "jobId"),
                Objects.requireNonNull(status, "status"), null);
    }

    /** A repeated delivery about job {@code jobId}. */
    public static WebhookOutcome duplicate(String jobId, String reason) {
        return new WebhookOutcome(Type.DUPLICATE, jobId, null, reason);
    }

    /** A verified callback about nothing the SDK tracks. */
    public static WebhookOutcome ignored(String reason) {
        return new WebhookOutcome(Type.IGNORED, null, null, reason);
    }
}
