package dev.videosdk.jobs;

import java.util.Map;

/**
 * One step an application runs on a finished video (transcode, thumbnail, store...), in the order
 * given to {@link VideoQueue.Builder#step}. A step that returns is recorded with its outputs, and a
 * worker that resumes the job after a crash skips it. A step whose instance dies while it runs is
 * run again by another instance, so its side effects must be safe to repeat (write to a name derived
 * from {@link StepContext#queueId()}, overwrite rather than append); its outputs are recorded once.
 */
public interface PostProcessingStep {

    /** A short, stable name (letters, digits, {@code -_}); recorded with the job, so do not rename it. */
    String name();

    /**
     * Runs the step. Throwing fails the job (the error is recorded); throwing a
     * {@link StepRetryException} runs the step again later instead.
     *
     * @return outputs by name (file paths, URLs, sizes), recorded as {@code <step>.<name>}; may be empty
     */
    Map<String, String> run(StepContext context) throws Exception;
}
