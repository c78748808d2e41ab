package dev.videosdk.internal.engine;

import dev.videosdk.JobStatus;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoResult;
import dev.videosdk.internal.Events;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

/** What a {@link JobRun} needs from its client: time, events, the run index and the close bookkeeping. */
interface RunHost {
    ScheduledExecutorService scheduler();

    Clock clock();

    DoubleSupplier random();

    Events events();

    /** The result of a finished job. */
    VideoResult toResult(VideoJob job, JobStatus status, RefinedPrompt prompt);

    /** The run's job is known: index it by (provider, job id) for awaits, cancels and webhooks. */
    void indexed(JobRun run);

    /** A {@code submit} run handed out its job: it leaves the index; the job is remembered for webhooks. */
    void detached(JobRun run);

    /** The run ended. */
    void ended(JobRun run);

    /** A create call started; {@code close()} waits (bounded) for it so its job can be reported. */
    <T> CompletableFuture<T> createStarted(JobRun run, CompletableFuture<T> create);

    /** The caller cancelled; {@code close()} waits (bounded) for {@code ack}, the remote cancel. */
    void cancelRequested(JobRun run, CompletableFuture<Void> ack);

    /** Sends the remote cancel, or fails with why it cannot be sent. */
    CompletableFuture<Void> remoteCancel(ProviderRegistry.Entry entry, VideoJob job);
}
