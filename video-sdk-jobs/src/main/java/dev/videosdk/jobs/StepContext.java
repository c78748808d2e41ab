package dev.videosdk.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link PostProcessingStep} gets.
 *
 * @param queueId  the job's queue id
 * @param record   the job as stored before this step
 * @param video    the downloaded video, or null when the queue has no work directory (then
 *                 {@code record.outputs().get("video")} is the provider's URI)
 * @param workDir  a directory for this job's files ({@code <workDirectory>/<queueId>}), or null
 * @param outputs  outputs so far: {@code video} and those of the steps before this one
 */
public record StepContext(String queueId, QueueRecord record, Path video, Path workDir, Map<String, String> outputs) {

    /** Copies the outputs. */
    public StepContext {
        outputs = Map.copyOf(outputs);
    }
}
