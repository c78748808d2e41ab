package dev.videosdk.jobs;

/**
 * Where a queued generation is. {@link #SUCCEEDED}, {@link #FAILED}, {@link #CANCELLED} and
 * {@link #ABANDONED} are final; {@link #NEEDS_RECONCILIATION} waits for an operator.
 */
public enum QueueState {
    /** Stored; no create call sent yet (also after a create that was not accepted and will be retried). */
    QUEUED,
    /** A worker is sending the create call. Found so by another worker, the job is parked (a job may exist). */
    SUBMITTING,
    /** The provider accepted the job; a worker checks its status (or a webhook wakes it). */
    WAITING,
    /** The provider finished; the video is being downloaded. */
    DOWNLOADING,
    /** The application's post-processing steps run, each recorded when done. */
    POST_PROCESSING,
    /** Done; outputs recorded, credits settled. */
    SUCCEEDED,
    /** Failed; the error is recorded. */
    FAILED,
    /** Cancelled by the owner (through the queue) or by the provider. */
    CANCELLED,
    /**
     * The create call's outcome is unknown (the answer was lost, or the instance died while sending
     * it): a job may exist at the provider. Never resubmitted automatically; the operator calls
     * {@link VideoQueue#reconcile} with the provider's job id, or {@link VideoQueue#abandon}.
     */
    NEEDS_RECONCILIATION,
    /** An operator gave up on a job that needed reconciliation. */
    ABANDONED;

    /** True for the states a job never leaves. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == ABANDONED;
    }

    /** True while a worker has something to do. */
    public boolean isActive() {
        return !isFinal() && this != NEEDS_RECONCILIATION;
    }
}
