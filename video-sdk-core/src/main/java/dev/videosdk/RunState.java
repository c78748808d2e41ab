package dev.videosdk;

/**
 * The state of one job run: the SDK's own view of a {@code generate} or {@code await}, as opposed to
 * the provider's {@link JobState}. See LIFECYCLE.md §1.
 *
 * <pre>
 * VALIDATING -&gt; (REFINING) -&gt; SUBMITTING -&gt; WAITING -&gt; SUCCEEDED | FAILED | CANCELLED
 *                                  |            +-&gt; TIMED_OUT (the job may still finish; resumable)
 *                                  +-&gt; NOT_ACCEPTED (no job exists) | UNKNOWN (a job may exist)
 * any non-final state --close()--&gt; CLOSED (resumable where a job exists)
 * </pre>
 */
public enum RunState {
    /** Checking the request against the provider's capabilities. */
    VALIDATING,
    /** Rewriting the prompt with the configured refiner. */
    REFINING,
    /** The create call is in flight. */
    SUBMITTING,
    /** A job exists; waiting for it by polling, streaming or webhook. */
    WAITING,
    /** Finished with assets. */
    SUCCEEDED,
    /** The job failed at the provider, or the wait failed with a non-retryable error. */
    FAILED,
    /** Cancelled by the caller (or, with a {@link JobCancelledException}, by someone else). */
    CANCELLED,
    /** The wait's deadline passed; the job may still finish. */
    TIMED_OUT,
    /** The create call was not accepted: no job exists. */
    NOT_ACCEPTED,
    /** The create call's outcome is unknown: a job may exist. */
    UNKNOWN,
    /** The client was closed while the run was pending. */
    CLOSED;

    /** True for states a run never leaves. */
    public boolean isFinal() {
        return this != VALIDATING && this != REFINING && this != SUBMITTING && this != WAITING;
    }
}
