package dev.videosdk;

import java.time.Duration;

/**
 * A progress report while waiting for a job: sent after every status check (or stream update).
 *
 * @param job         the job
 * @param state       its state
 * @param attempt     number of this status check, counted from 1 (0 before the first check)
 * @param maxAttempts the policy's limit on checks ({@link Integer#MAX_VALUE} if none)
 * @param percent     percent done, or null if the provider does not say
 * @param elapsed     time since submission
 * @param message     the provider's status text, or null
 */
public record ProgressEvent(VideoJob job, JobState state, int attempt, int maxAttempts, Integer percent,
                            Duration elapsed, String message) {
}
