package dev.videosdk.examples.spring;

import dev.videosdk.GenerateOptions;
import dev.videosdk.JobState;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The seeds' flow on the SDK: charge credits, submit, wait (the SDK polls or takes the webhook),
 * download the video into storage, and keep each task's state for the status endpoint. Tasks live in
 * memory (ADR 1103): the durable queue module is not part of this build yet.
 */
@Service
public class TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);

    private final VideoClient client;
    private final Credits credits;
    private final AppSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    /** Uses the starter's client. */
    public TaskService(VideoClient client, Credits credits, AppSettings settings) {
        this.client = client;
        this.credits = credits;
        this.settings = settings;
    }

    /**
     * Charges {@code userId} and submits {@code request}. Completes with the task once the provider
     * accepted the job; fails with the SDK's error (then nothing is charged) or {@link Credits.NotEnoughCredits}.
     */
    public CompletableFuture<Task> create(String userId, VideoRequest request, String quality) {
        String provider = request.provider() != null ? request.provider() : client.defaultProvider();
        int cost = settings.creditsPerGeneration();
        credits.charge(userId, cost);
        Task task = new Task(UUID.randomUUID().toString(), userId, provider, request.model(), quality, cost, clock.instant());
        CompletableFuture<VideoJob> submitted;
        try {
            submitted = client.submit(request);
        } catch (RuntimeException e) {
            submitted = CompletableFuture.failedFuture(e);
        }
        return submitted.handle((job, error) -> {
            if (error != null) {
                credits.refund(userId, cost);
                throw error instanceof CompletionException ? (CompletionException) error : new CompletionException(error);
            }
            task.accepted(job);
            tasks.put(task.id, task);
            waitFor(task, job);
            return task;
        });
    }

    private void waitFor(Task task, VideoJob job) {
        GenerateOptions options = GenerateOptions.builder()
                .onProgress(p -> task.progress(p.state() == JobState.RUNNING, p.progress())).build();
        client.await(job, options)
                .thenCompose(result -> store(task, result))
                .whenComplete((path, error) -> {
                    if (error == null) {
                        task.succeeded("/api/video/file/" + task.id, clock.instant());
                        return;
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    LOG.info("task {} failed: {}", task.id, cause.toString());
                    credits.refund(task.userId, task.cost);
                    task.failed(Messages.forUser(cause), cause instanceof VideoException v
                            ? v.errorCode().orElse(v.getClass().getSimpleName()) : "internal", clock.instant());
                });
    }

    private CompletableFuture<Path> store(Task task, VideoResult result) {
        return client.download(result.video(), file(task));
    }

    /** Where a task's video is kept: {@code {storage}/{userId}/videos/{taskId}.mp4}. */
    Path file(Task task) {
        return settings.storagePath().resolve(task.userId).resolve("videos").resolve(task.id + ".mp4");
    }

    /** A task by id. */
    public Optional<Task> find(String taskId) {
        return Optional.ofNullable(taskId).map(tasks::get);
    }

    /** Every task. */
    public Collection<Task> all() {
        return tasks.values();
    }
}
