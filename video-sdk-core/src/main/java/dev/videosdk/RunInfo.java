package dev.videosdk;

import java.time.Instant;

/**
 * A snapshot of one job run, handed to {@link VideoEventListener}s.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param runId     a number unique within the client, counted from 1
 * @param provider  the provider id the run is on now (changes on fallback)
 * @param model     the requested model, or null for the provider's default
 * @param job       the job, once a provider accepted it; null before
 * @param state     the run's state at the time of the event
 * @param startedAt when the run started
 */
public record RunInfo(long runId, String provider, String model, VideoJob job, RunState state, Instant startedAt) {
}
