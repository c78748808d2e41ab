package dev.videosdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.CreateOutcome;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.jobs.PostProcessingStep;
import dev.videosdk.jobs.Pricing;
import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.StepContext;
import dev.videosdk.jobs.StepRetryException;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one job one or more steps forward per execution; returns when to run it next (or empty when
 * the job is final or parked). Every step's outcome is committed before the next step starts, and the
 * create call is preceded by a committed SUBMITTING mark, so a worker that finds a job in SUBMITTING
 * knows a create may have been sent and parks the job instead of sending another. Not API.
 */
public final class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** What a worker needs. */
    public record Settings(String instanceName, VideoClient client, Clock clock, Pricing pricing,
                           java.util.Set<String> limitedProviders, List<PostProcessingStep> steps,
                           Path workDirectory, Duration pollInterval, Duration retryDelay, int maxCreateAttempts,
                           Duration slotWait, Duration callTimeout, Duration downloadTimeout) {
    }

    private final Db db;
    private final Settings s;

    public JobWorker(Db db, Settings settings) {
        this.db = db;
        this.s = settings;
    }

    /**
     * Runs the job's next steps.
     *
     * @return when to run it again, or empty when no further execution is needed
     */
    public Optional<Instant> run(String id) {
        Optional<JobStore.StoredJob> loaded = db.inTx(c -> JobStore.load(c, id));
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        JobStore.StoredJob job = loaded.get();
        if (job.record().cancelRequested() && job.state().isActive() && job.state() != QueueState.SUBMITTING) {
            return cancel(job);
        }
        switch (job.state()) {
            case QUEUED:
                return submit(job);
            case SUBMITTING:
                park(job, "the instance sending the create call stopped before recording its outcome; "
                        + "a job may exist at " + job.record().provider(), "instance_lost");
                return Optional.empty();
            case WAITING:
                return poll(job);
            case DOWNLOADING:
                return download(job);
            case POST_PROCESSING:
                return postProcess(job);
            default:
                return Optional.empty();
        }
    }

    private long now() {
        return s.clock().millis();
    }

    private Instant later(Duration d) {
        return s.clock().instant().plus(d);
    }

    // ---- QUEUED -> SUBMITTING -> WAITING | QUEUED | FAILED | NEEDS_RECONCILIATION

    private Optional<Instant> submit(JobStore.StoredJob job) {
        QueueRecord r = job.record();
        boolean limited = s.limitedProviders().contains(r.provider());
        String nonce = UUID.randomUUID().toString();
        boolean marked;
        try {
            marked = db.inDurableTx(c -> {
                if (limited && !JobStore.acquireSlot(c, r.provider())) {
                    return false;
                }
                boolean moved = JobStore.move(c, r.id(), QueueState.QUEUED, QueueState.SUBMITTING,
                        Map.of("attempts", r.attempts() + 1, "holds_slot", limited, "submit_nonce", nonce), null,
                        now());
                if (!moved && limited) {
                    JobStore.releaseSlot(c, r.provider());
                }
                return moved;
            });
        } catch (QueueStoreException e) {
            undoMark(r, nonce);
            return Optional.of(later(s.retryDelay()));
        }
        if (!marked) {
            return Optional.of(later(s.slotWait()));
        }
        VideoRequest request = RequestCodec.read(job.requestJson());
        VideoJob accepted;
        try {
            accepted = s.client().submit(request).join();
        } catch (RuntimeException e) {
            return notAccepted(job, Futures.unwrap(e));
        }
        recordAccepted(r, accepted);
        return Optional.of(later(s.pollInterval())); // a cancel requested meanwhile is acted on then
    }

    /**
     * Records an accepted create. The job id exists only in this thread's memory until this commits, so
     * a database error is retried (with a pause) for up to the call timeout before giving up. When
     * another worker parked the job meanwhile (it took this instance for dead), the job is reconciled
     * with the id now known.
     */
    private void recordAccepted(QueueRecord r, VideoJob job) {
        Map<String, Object> sets = values("provider_job_id", job.id(), "job_token", job.toToken(), "model",
                job.model(), "accepted_at", now(), "error", null, "error_code", null);
        long giveUp = System.nanoTime() + s.callTimeout().toNanos();
        while (true) {
            try {
                db.inTx(c -> {
                    if (!JobStore.move(c, r.id(), QueueState.SUBMITTING, QueueState.WAITING, sets,
                            "accepted " + job.id() + " on " + s.instanceName(), now())) {
                        JobStore.move(c, r.id(), QueueState.NEEDS_RECONCILIATION, QueueState.WAITING, sets,
                                "accepted " + job.id() + " (outcome recorded late; reconciled)", now());
                    }
                    return null;
                });
                return;
            } catch (QueueStoreException e) {
                if (System.nanoTime() > giveUp) {
                    LOG.error("job {} was accepted as {} {} but could not be recorded: {}", r.id(), job.provider(),
                            job.id(), e.getMessage());
                    throw e;
                }
                pause(s.retryDelay());
            }
        }
    }

    /**
     * The commit of the SUBMITTING mark failed without saying whether it happened (the connection broke
     * during the commit). This thread knows the create was not sent, so once the database answers again it
     * puts the job back to QUEUED if the mark (recognised by its nonce) did commit; also if another worker
     * parked the job meanwhile because it found it in SUBMITTING.
     */
    private void undoMark(QueueRecord r, String nonce) {
        long giveUp = System.nanoTime() + s.callTimeout().toNanos();
        while (true) {
            try {
                db.inTx(c -> {
                    Optional<JobStore.StoredJob> now = JobStore.load(c, r.id());
                    if (now.isEmpty() || !nonce.equals(Db.queryOne(c, "SELECT submit_nonce FROM vsdk_jobs WHERE id = ?",
                            rs -> rs.getString(1), r.id()).orElse(null))) {
                        return null; // the mark never committed
                    }
                    JobStore.StoredJob j = now.get();
                    if ((j.state() == QueueState.SUBMITTING || j.state() == QueueState.NEEDS_RECONCILIATION)
                            && JobStore.move(c, r.id(), j.state(), QueueState.QUEUED,
                            values("holds_slot", false, "error", null, "error_code", null, "submit_nonce", null),
                            "create not sent (the commit before it was not confirmed)", now()) && j.holdsSlot()) {
                        JobStore.releaseSlot(c, r.provider());
                    }
                    return null;
                });
                return;
            } catch (QueueStoreException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                pause(s.retryDelay());
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an accepted job", e);
        }
    }

    private Optional<Instant> notAccepted(JobStore.StoredJob job, Throwable error) {
        QueueRecord r = job.record();
        String message = describe(error);
        if (outcomeOf(error) == CreateOutcome.UNKNOWN) {
            // UNKNOWN outcome: a job may exist; never sent again automatically.
            db.inTx(c -> {
                JobStore.move(c, r.id(), QueueState.SUBMITTING, QueueState.NEEDS_RECONCILIATION,
                        values("error", message, "error_code", code(error), "holds_slot", false),
                        "create outcome unknown: " + message, now());
                JobStore.releaseSlot(c, r.provider());
                return null;
            });
            LOG.warn("job {} needs reconciliation: {}", r.id(), message);
            return Optional.empty();
        }
        VideoException ve = (VideoException) error;
        boolean retry = ve.isRetryable() && r.attempts() + 1 < s.maxCreateAttempts();
        QueueState to = retry ? QueueState.QUEUED : QueueState.FAILED;
        db.inTx(c -> {
            JobStore.move(c, r.id(), QueueState.SUBMITTING, to,
                    values("error", message, "error_code", code(ve), "holds_slot", false),
                    "not accepted: " + message, now());
            JobStore.releaseSlot(c, r.provider());
            if (!retry) {
                LedgerSql.refund(c, r.owner(), r.id(), r.reservedCredits(), "not accepted", now());
            }
            return null;
        });
        return retry ? Optional.of(later(s.retryDelay())) : Optional.empty();
    }

    /**
     * What a failed create call means for the job. {@link JobMayExistException} is the engine's word
     * for UNKNOWN; until every engine path raises it, a non-retryable {@link ProviderUnavailableException}
     * (how a lost answer after sending was reported before, ADR 0003) and any error that is not a
     * {@link VideoException} are taken as UNKNOWN too: parking a job that does not exist costs an
     * operator's look, sending a second paid job costs money.
     */
    static CreateOutcome outcomeOf(Throwable error) {
        if (error instanceof JobMayExistException || !(error instanceof VideoException ve)) {
            return CreateOutcome.UNKNOWN;
        }
        if (ve instanceof ProviderUnavailableException && !ve.isRetryable()) {
            return CreateOutcome.UNKNOWN;
        }
        return CreateOutcome.NOT_ACCEPTED;
    }

    // ---- WAITING -> DOWNLOADING | FAILED | CANCELLED

    private Optional<Instant> poll(JobStore.StoredJob job) {
        QueueRecord r = job.record();
        VideoJob vj = r.job().orElseThrow();
        JobStatus status;
        try {
            status = bounded(s.client().status(vj), s.callTimeout());
        } catch (RuntimeException e) {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof VideoException ve && !ve.isRetryable()) {
                finish(job, QueueState.WAITING, QueueState.FAILED, describe(ve), code(ve), false);
                return Optional.empty();
            }
            db.inTx(c -> JobStore.move(c, r.id(), QueueState.WAITING, QueueState.WAITING, Map.of(),
                    "status check failed: " + describe(cause), now()));
            return Optional.of(later(s.retryDelay()));
        }
        switch (status.state()) {
            case SUCCEEDED:
                if (s.workDirectory() == null && s.steps().isEmpty()) {
                    succeedAtOnce(job, status);
                    return Optional.empty();
                }
                db.inTx(c -> {
                    JobStore.move(c, r.id(), QueueState.WAITING, QueueState.DOWNLOADING,
                            values("assets_json", assetsJson(status.assets()), "progress", 100, "holds_slot", false),
                            "provider finished", now());
                    if (job.holdsSlot()) {
                        JobStore.releaseSlot(c, r.provider());
                    }
                    return null;
                });
                return download(reload(r.id()));
            case FAILED:
                finish(job, QueueState.WAITING, QueueState.FAILED, describe(status.error()), code(status.error()),
                        false);
                return Optional.empty();
            case CANCELLED:
                finish(job, QueueState.WAITING, QueueState.CANCELLED, "cancelled at the provider", null, false);
                return Optional.empty();
            default:
                Integer p = status.progress();
                if (p != null && !p.equals(r.progress())) {
                    db.inTx(c -> JobStore.move(c, r.id(), QueueState.WAITING, QueueState.WAITING,
                            Map.of("progress", p), null, now()));
                }
                Duration hint = ProviderData.pollAfter(status);
                Duration next = hint != null && hint.compareTo(s.pollInterval()) > 0 ? hint : s.pollInterval();
                return Optional.of(later(next));
        }
    }

    /** The provider finished and there is nothing to download or run: one transaction ends the job. */
    private void succeedAtOnce(JobStore.StoredJob job, JobStatus status) {
        QueueRecord r = job.record();
        VideoAsset video = status.assets().stream().filter(VideoAsset::isVideo).findFirst()
                .orElse(status.assets().get(0));
        long cost = cost(job, status.assets());
        db.inTx(c -> {
            if (JobStore.move(c, r.id(), QueueState.WAITING, QueueState.SUCCEEDED, values(
                    "assets_json", assetsJson(status.assets()), "progress", 100, "holds_slot", false,
                    "outputs_json", RequestCodec.writeMap(Map.of("video", video.uri().toString())), "cost", cost),
                    "done", now())) {
                if (job.holdsSlot()) {
                    JobStore.releaseSlot(c, r.provider());
                }
                LedgerSql.settle(c, r.owner(), r.id(), r.reservedCredits(), cost, now());
            }
            return null;
        });
    }

    private long cost(JobStore.StoredJob job, List<VideoAsset> assets) {
        QueueRecord r = job.record();
        VideoResult result = new VideoResult(r.job().orElseThrow(), assets, null, null, s.clock().instant(),
                Duration.between(r.createdAt(), s.clock().instant()));
        return s.pricing().actual(RequestCodec.read(job.requestJson()), result, r.reservedCredits());
    }

    /** Ends a job that holds (or held) a slot: releases it, records the end, settles or keeps credits. */
    private void finish(JobStore.StoredJob job, QueueState from, QueueState to, String error, String errorCode,
                        boolean refund) {
        QueueRecord r = job.record();
        db.inTx(c -> {
            if (JobStore.move(c, r.id(), from, to, values("error", error, "error_code", errorCode,
                    "holds_slot", false), error, now())) {
                if (job.holdsSlot()) {
                    JobStore.releaseSlot(c, r.provider());
                }
                if (refund) {
                    LedgerSql.refund(c, r.owner(), r.id(), r.reservedCredits(), to.name().toLowerCase(), now());
                } else {
                    LedgerSql.settle(c, r.owner(), r.id(), r.reservedCredits(), r.reservedCredits(), now());
                    Db.update(c, "UPDATE vsdk_jobs SET cost = ? WHERE id = ?", r.reservedCredits(), r.id());
                }
            }
            return null;
        });
    }

    // ---- cancel (requested through the queue, from any instance)

    private Optional<Instant> cancel(JobStore.StoredJob job) {
        QueueRecord r = job.record();
        if (r.providerJobId() == null) {
            finish(job, r.state(), QueueState.CANCELLED, "cancelled before the provider accepted it", null, true);
            return Optional.empty();
        }
        boolean mine = db.inTx(c -> Db.update(c, "UPDATE vsdk_jobs SET cancel_sent = TRUE WHERE id = ? "
                + "AND cancel_sent = FALSE", r.id()) == 1);
        if (mine) {
            try {
                bounded(s.client().cancel(r.job().orElseThrow()), s.callTimeout());
            } catch (RuntimeException e) {
                LOG.warn("remote cancel of job {} failed: {}", r.id(), describe(Futures.unwrap(e)));
            }
        }
        if (r.state() == QueueState.WAITING) {
            finish(job, QueueState.WAITING, QueueState.CANCELLED, "cancelled", null, false);
        } else {
            finish(job, r.state(), QueueState.CANCELLED, "cancelled after the provider finished", null, false);
        }
        return Optional.empty();
    }

    // ---- DOWNLOADING -> POST_PROCESSING

    private Optional<Instant> download(JobStore.StoredJob job) {
        QueueRecord r = job.record();
        List<VideoAsset> assets = readAssets(r.id());
        VideoAsset video = assets.stream().filter(VideoAsset::isVideo).findFirst().orElse(assets.get(0));
        String where = video.uri().toString();
        if (s.workDirectory() != null) {
            Path target = s.workDirectory().resolve(r.id()).resolve("video.mp4");
            try {
                Files.createDirectories(target.getParent());
                where = bounded(s.client().download(video, target), s.downloadTimeout()).toString();
            } catch (Exception e) {
                Throwable cause = Futures.unwrap(e);
                if (cause instanceof VideoException ve && !ve.isRetryable()) {
                    finish(job, QueueState.DOWNLOADING, QueueState.FAILED, "download failed: " + describe(ve),
                            code(ve), false);
                    return Optional.empty();
                }
                db.inTx(c -> JobStore.move(c, r.id(), QueueState.DOWNLOADING, QueueState.DOWNLOADING, Map.of(),
                        "download failed, will retry: " + describe(cause), now()));
                return Optional.of(later(s.retryDelay()));
            }
        }
        String finalWhere = where;
        db.inTx(c -> JobStore.move(c, r.id(), QueueState.DOWNLOADING, QueueState.POST_PROCESSING,
                Map.of("outputs_json", RequestCodec.writeMap(Map.of("video", finalWhere))), "downloaded", now()));
        return postProcess(reload(r.id()));
    }

    // ---- POST_PROCESSING -> SUCCEEDED | FAILED

    private Optional<Instant> postProcess(JobStore.StoredJob job) {
        QueueRecord r = job.record();
        Map<String, Map<String, String>> done = db.inTx(c -> JobStore.steps(c, r.id()));
        Map<String, String> outputs = new LinkedHashMap<>(r.outputs());
        done.forEach((step, out) -> out.forEach((k, v) -> outputs.put(step + "." + k, v)));
        Path jobDir = s.workDirectory() == null ? null : s.workDirectory().resolve(r.id());
        Path video = jobDir == null ? null : jobDir.resolve("video.mp4");
        for (PostProcessingStep step : s.steps()) {
            if (done.containsKey(step.name())) {
                continue;
            }
            Map<String, String> out;
            try {
                out = Map.copyOf(step.run(new StepContext(r.id(), r, video, jobDir, outputs)));
            } catch (StepRetryException e) {
                db.inTx(c -> JobStore.move(c, r.id(), QueueState.POST_PROCESSING, QueueState.POST_PROCESSING,
                        Map.of(), "step " + step.name() + " will retry: " + e.getMessage(), now()));
                return Optional.of(later(s.retryDelay()));
            } catch (Exception e) {
                finish(job, QueueState.POST_PROCESSING, QueueState.FAILED,
                        "step " + step.name() + " failed: " + describe(e), "step_failed", false);
                return Optional.empty();
            }
            boolean recorded = db.inTx(c -> {
                boolean first = JobStore.stepDone(c, r.id(), step.name(), out, now());
                if (first) {
                    JobStore.event(c, r.id(), QueueState.POST_PROCESSING, "step " + step.name() + " done", now());
                }
                return first;
            });
            if (!recorded) {
                return Optional.empty(); // another instance finished this step: it carries the job on
            }
            out.forEach((k, v) -> outputs.put(step.name() + "." + k, v));
        }
        long cost = cost(job, readAssets(r.id()));
        db.inTx(c -> {
            if (JobStore.move(c, r.id(), QueueState.POST_PROCESSING, QueueState.SUCCEEDED,
                    values("outputs_json", RequestCodec.writeMap(outputs), "cost", cost), "done", now())) {
                LedgerSql.settle(c, r.owner(), r.id(), r.reservedCredits(), cost, now());
            }
            return null;
        });
        return Optional.empty();
    }

    // ---- parking

    private void park(JobStore.StoredJob job, String message, String code) {
        QueueRecord r = job.record();
        db.inTx(c -> {
            if (JobStore.move(c, r.id(), job.state(), QueueState.NEEDS_RECONCILIATION,
                    values("error", message, "error_code", code, "holds_slot", false), message, now())
                    && job.holdsSlot()) {
                JobStore.releaseSlot(c, r.provider());
            }
            return null;
        });
        LOG.warn("job {} needs reconciliation: {}", r.id(), message);
    }

    // ---- helpers

    private JobStore.StoredJob reload(String id) {
        return db.inTx(c -> JobStore.load(c, id)).orElseThrow();
    }

    private List<VideoAsset> readAssets(String id) {
        String json = db.inTx(c -> Db.queryOne(c, "SELECT assets_json FROM vsdk_jobs WHERE id = ?",
                rs -> rs.getString(1), id)).orElse("[]");
        List<VideoAsset> out = new ArrayList<>();
        for (JsonNode a : RequestCodec.tree(json)) {
            VideoAsset asset = VideoAsset.builder().uri(URI.create(a.path("uri").asText()))
                    .mimeType(a.path("mimeType").asText())
                    .expiresAt(a.hasNonNull("expiresAt") ? Instant.parse(a.get("expiresAt").asText()) : null)
                    .variant(a.path("variant").asText()).provider(text(a, "provider")).build();
            out.add(ProviderData.withKeyId(asset, text(a, "keyId")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    static String assetsJson(List<VideoAsset> assets) {
        ArrayNode arr = RequestCodec.JSON.createArrayNode();
        for (VideoAsset a : assets) {
            ObjectNode n = arr.addObject();
            n.put("uri", a.uri().toString());
            n.put("mimeType", a.mimeType());
            n.put("variant", a.variant());
            if (a.expiresAt() != null) {
                n.put("expiresAt", a.expiresAt().toString());
            }
            n.put("provider", a.provider());
            n.put("keyId", ProviderData.keyId(a));
        }
        return arr.toString();
    }

    private static <T> T bounded(CompletableFuture<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new java.util.concurrent.CompletionException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IllegalStateException("no answer within " + timeout, e);
        }
    }

    /** A map that allows null values, in insertion order (Map.of refuses nulls). */
    static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return JobStore.truncate(m, 1000);
    }

    static String code(Throwable e) {
        if (e instanceof VideoException ve && ve.errorCode().isPresent()) {
            return JobStore.truncate(ve.errorCode().get(), 100);
        }
        return e.getClass().getSimpleName();
    }
}
