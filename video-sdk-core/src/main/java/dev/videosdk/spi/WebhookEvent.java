package dev.videosdk.spi;

import dev.videosdk.JobStatus;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified callback says about a job, or that it is about nothing the SDK tracks.
 *
 * <p>Produced by the SDK (provider modules build it with its short constructors and {@link #ignored}); the
 * canonical constructor is not a stable way to build it — components may be added in a minor release.
 *
 * @param taskId        the provider's job id the callback is about (null only when ignored)
 * @param status        the status the callback carries (null only when ignored)
 * @param authoritative true when the callback is signed over its whole body and can be trusted as
 *                      is; false makes the core fetch the status from the provider before
 *                      completing the job (callbacks without a body signature are only hints)
 * @param jobAttributes job attributes the provider needs to fetch the status when the core has no
 *                      pending job for {@code taskId} (e.g. which endpoint family created it)
 * @param ignoredReason why a verified callback is not about a job (e.g. another event type), or
 *                      null; the application should still answer 2xx so the provider does not
 *                      deliver it again
 * @param deliveryId    the sender's id of this delivery (e.g. Standard Webhooks' {@code webhook-id}),
 *                      the same on every redelivery; null to let the core use a digest of the body.
 *                      The core answers a repeated id as a duplicate (LIFECYCLE.md §7)
 * @param sentAt        when the sender signed the delivery (its timestamp header), or null; the
 *                      core keeps seen ids for the replay window after it
 */
public record WebhookEvent(String taskId, JobStatus status, boolean authoritative, Map<String, String> jobAttributes,
                           String ignoredReason, String deliveryId, java.time.Instant sentAt) {
    /** Validates and copies. */
    public WebhookEvent {
        if (ignoredReason == null) {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(status, "status");
        }
        jobAttributes = jobAttributes == null ? Map.of() : Map.copyOf(jobAttributes);
    }

    /** An event about a job, with attributes for fetching its status. */
    public WebhookEvent(String taskId, JobStatus status, boolean authoritative, Map<String, String> jobAttributes) {
        this(taskId, status, authoritative, jobAttributes, null, null, null);
    }

    /** An event about a job, with no job attributes. */
    public WebhookEvent(String taskId, JobStatus status, boolean authoritative) {
        this(taskId, status, authoritative, Map.of(), null, null, null);
    }

    /** A verified callback that is not about a job (another event type): acknowledged, nothing done. */
    public static WebhookEvent ignored(String reason) {
        return new WebhookEvent(null, null, true, Map.of(), Objects.requireNonNull(reason, "reason"), null, null);
    }

    /** This event with the sender's delivery id and signing time (for the core's replay protection). */
    public WebhookEvent withDelivery(String id, java.time.Instant signedAt) {
        return new WebhookEvent(taskId, status, authoritative, jobAttributes, ignoredReason, id, signedAt);
    }

    /** True for {@link #ignored(String)} events. */
    public boolean isIgnored() {
        return ignoredReason != null;
    }
}
