package dev.videosdk;

import java.time.Duration;

/**
 * A progress report while waiting for a job: sent after every status check (or stream update).
 *
 * <p>The SDK makes these; the canonical constructor is not a stable way to build one, and components
 * may be added in a minor release.
 *
 * @param job         the job
 * @param state       its state
 * @param attempt     number of this status check, counted from 1 (0 before the first check)
 * @param maxAttempts the policy's limit on checks ({@link Integer#MAX_VALUE} if none)
 * @param progress    percent done, 0–100, or null if the provider does not say (as {@link JobStatus#progress()})
 * @param elapsed     time since submission
 * @param message     the provider's status text, or null
 */
public record ProgressEvent(VideoJob job, JobState state, int attempt, int maxAttempts, Integer progress,
                            Duration elapsed, String message) {
}
