package dev.videosdk.spi;

import dev.videosdk.JobStatus;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified callback says about a job.
 *
 * @param taskId        the provider's job id the callback is about
 * @param status        the status the callback carries
 * @param authoritative true when the callback is signed over its whole body and can be trusted as
 *                      is; false makes the core fetch the status from the provider before
 *                      completing the job (callbacks without a body signature are only hints)
 * @param jobAttributes job attributes the provider needs to fetch the status when the core has no
 *                      pending job for {@code taskId} (e.g. which endpoint family created it)
 */
public record WebhookEvent(String taskId, JobStatus status, boolean authoritative, Map<String, String> jobAttributes) {
    /** Validates and copies. */
    public WebhookEvent {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        jobAttributes = jobAttributes == null ? Map.of() : Map.copyOf(jobAttributes);
    }

    /** An event with no job attributes. */
    public WebhookEvent(String taskId, JobStatus status, boolean authoritative) {
        this(taskId, status, authoritative, Map.of());
    }
}
