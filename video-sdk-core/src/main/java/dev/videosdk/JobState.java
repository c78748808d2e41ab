package dev.videosdk;

/** Where a job is in its life. {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED} are final. */
public enum JobState {
    /** Accepted, waiting to start. */
    QUEUED,
    /** Generating (also any status the provider added that the SDK does not know yet). */
    RUNNING,
    /** Finished with at least one video. */
    SUCCEEDED,
    /** Finished without a video. */
    FAILED,
    /** Cancelled by the caller or the provider. */
    CANCELLED;

    /** True for the final states. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
