package dev.videosdk.jobs;

import dev.videosdk.VideoJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One queued generation as stored.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param id              queue id (a UUID)
 * @param owner           who pays (an account of the {@link CreditsLedger})
 * @param state           where it is
 * @param provider        provider id
 * @param model           the model asked for or reported, or null
 * @param metadata        the application's own fields, as given to {@code enqueue}
 * @param providerJobId   the provider's job id once accepted, else null
 * @param jobToken        {@link VideoJob#toToken()} once accepted, else null
 * @param progress        percent done as last reported, or null
 * @param attempts        create calls sent (at most one per acceptance; more only after "not accepted")
 * @param assets          URIs the provider returned, once it finished
 * @param outputs         outputs by name: {@code video} (the downloaded file or the asset URI) and each
 *                        post-processing step's outputs, keyed {@code <step>.<name>}
 * @param reservedCredits credits reserved at enqueue
 * @param cost            credits charged at the end, or null while not settled
 * @param error           why it failed or was parked, or null
 * @param errorCode       the provider's error code or the SDK's error type, or null
 * @param cancelRequested true once {@link VideoQueue#cancel} was called
 * @param createdAt       when it was enqueued
 * @param updatedAt       when its record last changed
 * @param acceptedAt      when the provider accepted it, or null
 * @param finishedAt      when it reached a final state, or null
 */
public record QueueRecord(String id, String owner, QueueState state, String provider, String model,
                          Map<String, String> metadata, String providerJobId, String jobToken, Integer progress,
                          int attempts, List<String> assets, Map<String, String> outputs, long reservedCredits,
                          Long cost, String error, String errorCode, boolean cancelRequested, Instant createdAt,
                          Instant updatedAt, Instant acceptedAt, Instant finishedAt) {

    /** Copies the collections. */
    public QueueRecord {
        metadata = Map.copyOf(metadata);
        assets = List.copyOf(assets);
        outputs = Map.copyOf(outputs);
    }

    /** The provider's job, once accepted: resumable with {@code VideoClient.await}. */
    public Optional<VideoJob> job() {
        return jobToken == null ? Optional.empty() : Optional.of(VideoJob.fromToken(jobToken));
    }
}
