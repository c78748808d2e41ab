package dev.videosdk.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * The queue at a glance, across every instance (the seeds' {@code /api/queues/status}).
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param byState             number of records per state (every state present, zeros included)
 * @param activeByProvider    records not yet final per provider, per state
 * @param oldestWaiting       age of the oldest record still {@link QueueState#QUEUED}, or {@link Duration#ZERO}
 * @param needsReconciliation records parked for an operator
 * @param finishedLastMinute  records that reached a final state in the last minute
 * @param finishedLastHour    same, last hour
 */
public record QueueStats(Map<QueueState, Long> byState, Map<String, Map<QueueState, Long>> activeByProvider,
                         Duration oldestWaiting, long needsReconciliation, long finishedLastMinute,
                         long finishedLastHour) {

    /** Copies the maps. */
    public QueueStats {
        byState = Map.copyOf(byState);
        activeByProvider = Map.copyOf(activeByProvider);
    }
}
