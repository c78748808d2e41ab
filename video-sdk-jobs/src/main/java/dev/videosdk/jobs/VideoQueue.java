package dev.videosdk.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.ErrorContext;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.jobs.internal.Db;
import dev.videosdk.jobs.internal.JobStore;
import dev.videosdk.jobs.internal.JobWorker;
import dev.videosdk.jobs.internal.LedgerSql;
import dev.videosdk.jobs.internal.RequestChecks;
import dev.videosdk.jobs.internal.RequestCodec;
import dev.videosdk.jobs.internal.Schema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of video generations shared by every instance of an application through one
 * database (PostgreSQL in production; an embedded H2 file by default). {@link #enqueue} stores a
 * request and returns its queue id; workers on any started instance submit it, wait for it, download
 * the video, run the application's {@link PostProcessingStep}s and record every step. Built on
 * db-scheduler: a job's execution is claimed by one instance at a time, kept alive by heartbeats, and
 * taken over by another instance when its owner dies.
 *
 * <pre>{@code
 * VideoQueue queue = VideoQueue.builder().client(client).dataSource(pgPool)
 *         .pricing(Pricing.flat(10)).step(thumbnails).workDirectory(Path.of("/var/videos")).build();
 * queue.start();                                            // on the instances that do the work
 * queue.ledger().credit("alice", 100, "welcome");
 * String id = queue.enqueue(VideoRequest.text("a koi pond").build(), "alice", Map.of("page", "home"));
 * queue.record(id).orElseThrow().state();
 * }</pre>
 *
 * <p>Guarantees (see the module README for how each is tested): a job's create call is sent at most
 * once (a worker marks it SUBMITTING and commits before sending; an outcome that is unknown parks the
 * job in {@link QueueState#NEEDS_RECONCILIATION}); credits are reserved without overdraft; a job whose
 * instance dies resumes elsewhere from its stored token; finished post-processing steps are not rerun.
 * Thread-safe. Database errors reach callers as {@link IllegalStateException}s (workers retry them).
 */
public final class VideoQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoQueue.class);
    static final String JOB_TASK = "vsdk-job";
    private static final int MAX_METADATA = 50;

    private final Db db;
    private final Builder b;
    private final CreditsLedger ledger;
    private final CustomTask<Void> jobTask;
    private final Scheduler scheduler;
    private final JdbcConnectionPool ownPool;
    private volatile boolean started;

    private VideoQueue(Builder b) {
        this.b = b;
        DataSource ds = b.dataSource;
        this.ownPool = ds == null ? JdbcConnectionPool.create("jdbc:h2:file:" + b.h2File.toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "") : null;
        this.db = new Db(ds == null ? ownPool : ds);
        Schema.migrate(db);
        db.inTx(c -> {
            for (Map.Entry<String, Integer> e : b.limits.entrySet()) {
                JobStore.setLimit(c, e.getKey(), e.getValue());
            }
            return null;
        });
        this.ledger = new CreditsLedger(db, b.clock);
        JobWorker worker = new JobWorker(db, new JobWorker.Settings(b.instanceName, b.client, b.clock, b.pricing,
                java.util.Set.copyOf(b.limits.keySet()), List.copyOf(b.steps),
                b.workDirectory, b.pollInterval, b.retryDelay, b.maxCreateAttempts, b.slotWait, b.callTimeout,
                b.downloadTimeout));
        this.jobTask = Tasks.custom(JOB_TASK, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(b.retryDelay, 2.0))
                .onDeadExecutionRevive()
                .execute((instance, ctx) -> {
                    Optional<Instant> next = worker.run(instance.getId());
                    return next.<CompletionHandler<Void>>map(at -> (done, ops) -> ops.reschedule(done, at))
                            .orElse((done, ops) -> ops.remove());
                });
        RecurringTask<Void> sweep = Tasks.recurring("vsdk-sweep", FixedDelay.of(b.sweepInterval))
                .execute((instance, ctx) -> sweep());
        RecurringTask<Void> cleanup = Tasks.recurring("vsdk-cleanup", FixedDelay.of(b.cleanupInterval))
                .execute((instance, ctx) -> cleanup());
        List<Task<?>> tasks = List.of(jobTask);
        var sb = Scheduler.create(db.dataSource(), tasks)
                .tableName("vsdk_scheduled_tasks")
                .startTasks(sweep, cleanup)
                .threads(b.workers)
                .pollingInterval(b.schedulerPollingInterval)
                .heartbeatInterval(b.heartbeatInterval)
                .missedHeartbeatsLimit(b.missedHeartbeats)
                .shutdownMaxWait(b.shutdownWait)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(b.instanceName));
        if (db.dialect() == Db.Dialect.POSTGRESQL) {
            sb.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = sb.build();
    }

    /** A builder. {@link Builder#client} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts this instance's workers (an instance that only enqueues need not start). Idempotent. */
    public synchronized VideoQueue start() {
        if (!started) {
            scheduler.start();
            started = true;
        }
        return this;
    }

    /**
     * Stores a generation and returns its queue id once the row (and its credit reservation) is
     * committed. Everything is checked first: bad input never becomes a row, and no provider is called.
     *
     * @param request  what to generate; its provider (or the client's default) must be one the client has
     * @param owner    who pays: an account opened with {@link CreditsLedger#credit}
     * @param metadata the application's own fields (at most 50), returned with the record; may be empty
     * @throws InvalidRequestException       for a request the provider cannot serve, an unknown provider, a
     *                                       blank or unknown owner (parameter {@code owner}) or bad metadata
     * @throws InsufficientCreditsException  when the owner's balance does not cover the price
     */
    public String enqueue(VideoRequest request, String owner, Map<String, String> metadata) {
        if (request == null) {
            throw InvalidRequestException.local("sdk", "request", "request must not be null");
        }
        CreditsLedger.requireOwner(owner);
        Map<String, String> meta = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
        if (meta.size() > MAX_METADATA || meta.containsKey(null) || meta.containsValue(null)) {
            throw InvalidRequestException.local("sdk", "metadata",
                    "metadata must hold at most " + MAX_METADATA + " non-null entries, but had " + meta.size());
        }
        String provider = RequestChecks.check(b.client, request);
        long price = b.pricing.estimate(request);
        String id = UUID.randomUUID().toString();
        long now = b.clock.millis();
        String model = request.model();
        db.inTx(c -> {
            LedgerSql.reserve(c, owner, id, price, now);
            JobStore.insert(c, id, owner, provider, model, RequestCodec.write(request), RequestCodec.writeMap(meta),
                    price, now);
            return null;
        });
        schedule(id, true);
        return id;
    }

    private void schedule(String id) {
        schedule(id, false);
    }

    /** Schedules a job's execution now; {@code fresh}: the id is new, so no execution can exist yet. */
    private void schedule(String id, boolean fresh) {
        try {
            if (fresh) {
                scheduler.schedule(jobTask.instance(id), b.clock.instant());
            } else {
                scheduler.scheduleIfNotExists(jobTask.instance(id), b.clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("job {} is stored but could not be scheduled now; the sweep task will: {}", id, e.toString());
        }
    }

    /** One record, if stored (and not yet removed by retention). */
    public Optional<QueueRecord> record(String id) {
        return db.inTx(c -> JobStore.load(c, id)).map(JobStore.StoredJob::record);
    }

    /** One record's history, oldest first (the seeds' {@code /api/queues/tasks/{id}}). */
    public List<QueueEvent> history(String id) {
        return db.inTx(c -> JobStore.history(c, id));
    }

    /** The queue id of a provider's job, if this queue holds it. */
    public Optional<String> findByProviderJob(String provider, String providerJobId) {
        return db.inTx(c -> JobStore.idsByProviderJob(c, provider, providerJobId)).stream().findFirst();
    }

    /**
     * Cancels a job from any instance. Before acceptance it ends at once (credits refunded); after,
     * the worker that next runs it sends the provider's cancel once and ends it CANCELLED.
     *
     * @return false when the job was already final
     * @throws NotFoundException when no such job is stored
     */
    public boolean cancel(String id) {
        long now = b.clock.millis();
        Boolean result = db.inTx(c -> {
            JobStore.StoredJob j = JobStore.load(c, id).orElseThrow(() -> notFound(id));
            if (j.state().isFinal()) {
                return false;
            }
            Db.update(c, "UPDATE vsdk_jobs SET cancel_requested = TRUE, updated_at = ? WHERE id = ?", now, id);
            if (j.state() == QueueState.QUEUED || j.state() == QueueState.NEEDS_RECONCILIATION) {
                if (JobStore.move(c, id, j.state(), QueueState.CANCELLED, Map.of(), "cancelled before acceptance",
                        now)) {
                    LedgerSql.refund(c, j.record().owner(), id, j.record().reservedCredits(), "cancelled", now);
                }
            } else {
                JobStore.event(c, id, j.state(), "cancel requested", now);
            }
            return true;
        });
        if (result) {
            wake(id);
        }
        return result;
    }

    /**
     * Resolves a job parked in {@link QueueState#NEEDS_RECONCILIATION}: the operator found the job the
     * lost create call started; the queue waits for it like any accepted job.
     *
     * @throws NotFoundException       when no such job is stored
     * @throws InvalidRequestException when the job does not need reconciliation
     */
    public void reconcile(String id, String providerJobId) {
        if (providerJobId == null || providerJobId.isBlank()) {
            throw InvalidRequestException.local("sdk", "providerJobId", "providerJobId must not be blank");
        }
        long now = b.clock.millis();
        db.inTx(c -> {
            JobStore.StoredJob j = requireParked(c, id);
            VideoJob job = VideoJob.of(j.record().provider(), providerJobId, j.record().model(), Instant.ofEpochMilli(now));
            return JobStore.move(c, id, QueueState.NEEDS_RECONCILIATION, QueueState.WAITING, Map.of(
                    "provider_job_id", providerJobId, "job_token", job.toToken(), "accepted_at", now),
                    "reconciled with " + providerJobId, now);
        });
        schedule(id);
    }

    /**
     * Gives up on a job parked in {@link QueueState#NEEDS_RECONCILIATION} (the operator found no job
     * at the provider, or does not want it): ends it ABANDONED and refunds its credits.
     *
     * @throws NotFoundException       when no such job is stored
     * @throws InvalidRequestException when the job does not need reconciliation
     */
    public void abandon(String id) {
        long now = b.clock.millis();
        db.inTx(c -> {
            JobStore.StoredJob j = requireParked(c, id);
            if (JobStore.move(c, id, QueueState.NEEDS_RECONCILIATION, QueueState.ABANDONED, Map.of(), "abandoned",
                    now)) {
                LedgerSql.refund(c, j.record().owner(), id, j.record().reservedCredits(), "abandoned", now);
            }
            return null;
        });
    }

    private static JobStore.StoredJob requireParked(java.sql.Connection c, String id) throws java.sql.SQLException {
        JobStore.StoredJob j = JobStore.load(c, id).orElseThrow(() -> notFound(id));
        if (j.state() != QueueState.NEEDS_RECONCILIATION) {
            throw InvalidRequestException.local("sdk", "id", "job " + id + " is " + j.state()
                    + "; only a job in NEEDS_RECONCILIATION can be reconciled or abandoned");
        }
        return j;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no queued job " + id, ErrorContext.local("sdk"), null);
    }

    /**
     * Handles a provider callback for job {@code queueId} on any instance: the client verifies it
     * (signature, replay window) and the job's worker is woken at once, so it checks the status now
     * instead of at its next poll. Put the queue id in the callback URL you give the provider
     * ({@link VideoRequest#callbackUrl()}). Fails like {@link dev.videosdk.Webhooks#handle}.
     */
    public CompletableFuture<WebhookOutcome> webhook(String queueId, String provider, Map<String, List<String>> headers,
                                                     byte[] body) {
        return b.client.webhooks().handle(provider, headers, body).thenApply(outcome -> {
            wake(queueId);
            return outcome;
        });
    }

    /**
     * Handles a provider callback on any instance when the callback URL carries no queue id: the client
     * verifies it (signature, replay window), and the queued job with the provider's job id it names
     * ({@link WebhookOutcome#jobId()}, looked up with {@link #findByProviderJob}) is woken at once. A
     * verified callback about a job this queue does not hold completes normally (nothing woken). Fails like
     * {@link dev.videosdk.Webhooks#handle}.
     */
    public CompletableFuture<WebhookOutcome> webhook(String provider, Map<String, List<String>> headers, byte[] body) {
        return b.client.webhooks().handle(provider, headers, body).thenApply(outcome -> {
            if (outcome.jobId() != null) {
                findByProviderJob(provider, outcome.jobId()).ifPresent(this::wake);
            }
            return outcome;
        });
    }

    /**
     * Runs a job's worker now (on whichever instance picks it first) instead of at its next poll.
     *
     * @return false when the job has no pending execution or one is running right now
     */
    public boolean wake(String id) {
        try {
            return scheduler.reschedule(TaskInstanceId.of(JOB_TASK, id), b.clock.instant());
        } catch (RuntimeException e) {
            return false; // running now, or already gone: nothing to wake
        }
    }

    /** Counts per state and provider, oldest waiting age, parked jobs, recent throughput. */
    public QueueStats stats() {
        long now = b.clock.millis();
        return db.inTx(c -> {
            Map<QueueState, Long> byState = new EnumMap<>(QueueState.class);
            for (QueueState s : QueueState.values()) {
                byState.put(s, 0L);
            }
            Map<String, Map<QueueState, Long>> active = new LinkedHashMap<>();
            for (Object[] row : Db.query(c, "SELECT state, provider, COUNT(*) FROM vsdk_jobs GROUP BY state, provider",
                    rs -> new Object[] {QueueState.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)})) {
                QueueState s = (QueueState) row[0];
                byState.merge(s, (Long) row[2], Long::sum);
                if (!s.isFinal()) {
                    active.computeIfAbsent((String) row[1], k -> new EnumMap<>(QueueState.class)).put(s, (Long) row[2]);
                }
            }
            long oldest = Db.queryOne(c, "SELECT MIN(created_at) AS oldest FROM vsdk_jobs WHERE state = 'QUEUED'",
                    rs -> Db.nullableLong(rs, "oldest")).flatMap(Optional::ofNullable).orElse(now);
            long minute = countFinishedSince(c, now - 60_000);
            long hour = countFinishedSince(c, now - 3_600_000);
            return new QueueStats(byState, active, Duration.ofMillis(Math.max(0, now - oldest)),
                    byState.get(QueueState.NEEDS_RECONCILIATION), minute, hour);
        });
    }

    private static long countFinishedSince(java.sql.Connection c, long since) throws java.sql.SQLException {
        return Db.queryOne(c, "SELECT COUNT(*) FROM vsdk_jobs WHERE finished_at >= ?", rs -> rs.getLong(1), since)
                .orElse(0L);
    }

    /** The credits ledger. */
    public CreditsLedger ledger() {
        return ledger;
    }

    /**
     * Deletes final records (with their history and steps) and ledger entries older than the
     * retention; returns the number of records deleted. Also runs on every started instance every
     * {@link Builder#cleanupInterval}.
     */
    public int cleanup() {
        long cutoff = b.clock.millis() - b.retention.toMillis();
        return db.inTx(c -> {
            int jobs = JobStore.deleteFinishedBefore(c, cutoff);
            JobStore.deleteLedgerBefore(c, cutoff);
            return jobs;
        });
    }

    private void sweep() {
        List<String> orphans = db.inTx(c -> JobStore.orphans(c, JOB_TASK, 500));
        for (String id : orphans) {
            schedule(id);
        }
        if (!orphans.isEmpty()) {
            LOG.info("scheduled {} stored jobs that had no execution", orphans.size());
        }
    }

    /** Stops this instance's workers, waiting up to the shutdown wait for running steps; jobs stay stored. */
    @Override
    public synchronized void close() {
        if (started) {
            scheduler.stop();
            started = false;
        }
        if (ownPool != null) {
            ownPool.dispose();
        }
    }

    /** Builds a {@link VideoQueue}; every setting but {@link #client} is optional. */
    public static final class Builder {
        private VideoClient client;
        private DataSource dataSource;
        private Path h2File = Path.of("video-sdk-queue");
        private Clock clock = Clock.systemUTC();
        private Pricing pricing = Pricing.flat(0);
        private final List<PostProcessingStep> steps = new ArrayList<>();
        private final Map<String, Integer> limits = new LinkedHashMap<>();
        private Path workDirectory;
        private int workers = 8;
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration retryDelay = Duration.ofSeconds(5);
        private int maxCreateAttempts = 3;
        private Duration slotWait = Duration.ofSeconds(2);
        private Duration callTimeout = Duration.ofMinutes(2);
        private Duration downloadTimeout = Duration.ofMinutes(30);
        private Duration schedulerPollingInterval = Duration.ofSeconds(1);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private int missedHeartbeats = 6;
        private Duration shutdownWait = Duration.ofSeconds(30);
        private Duration sweepInterval = Duration.ofMinutes(1);
        private Duration cleanupInterval = Duration.ofHours(1);
        private Duration retention = Duration.ofDays(30);
        private String instanceName = "vsdk-" + UUID.randomUUID().toString().substring(0, 8);

        private Builder() {
        }

        /** The client that submits, polls and downloads (required). */
        public Builder client(VideoClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The database shared by every instance (PostgreSQL or H2). Default: an H2 file, see {@link #h2File}. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Path of the default H2 database (without {@code .mv.db}). Default {@code ./video-sdk-queue}. */
        public Builder h2File(Path path) {
            this.h2File = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The clock for timestamps and scheduling. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What each generation costs in credits. Default: free ({@code Pricing.flat(0)}), accounts still required. */
        public Builder pricing(Pricing pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** Adds a post-processing step (run in the order added). */
        public Builder step(PostProcessingStep step) {
            Objects.requireNonNull(step, "step");
            if (!step.name().matches("[A-Za-z0-9_-]{1,100}")) {
                throw InvalidRequestException.local("sdk", "step", "a step name must be 1 to 100 letters, digits, "
                        + "'-' or '_', but was \"" + step.name() + "\"");
            }
            steps.add(step);
            return this;
        }

        /** Where videos are downloaded ({@code <dir>/<queue id>/video.mp4}). Default: none (no download). */
        public Builder workDirectory(Path dir) {
            this.workDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * At most {@code n} jobs of {@code provider} between create and provider completion, across the cluster.
         * Configure the same limits on every instance: an instance applies the limits it was built with.
         */
        public Builder maxJobsInFlight(String provider, int n) {
            if (n < 1) {
                throw InvalidRequestException.local("sdk", "maxJobsInFlight", "maxJobsInFlight must be at least 1, "
                        + "but was " + n);
            }
            limits.put(Objects.requireNonNull(provider, "provider"), n);
            return this;
        }

        /** Worker threads of this instance. Default 8. */
        public Builder workers(int n) {
            if (n < 1) {
                throw InvalidRequestException.local("sdk", "workers", "workers must be at least 1, but was " + n);
            }
            this.workers = n;
            return this;
        }

        /** Time between status checks of a waiting job (a provider's longer hint wins). Default 10 s. */
        public Builder pollInterval(Duration d) {
            this.pollInterval = positive("pollInterval", d);
            return this;
        }

        /** Wait before retrying a create that was not accepted, a failed status check or a failed step. Default 5 s. */
        public Builder retryDelay(Duration d) {
            this.retryDelay = positive("retryDelay", d);
            return this;
        }

        /** Create calls per job that were not accepted (retryable) before it fails. Default 3. */
        public Builder maxCreateAttempts(int n) {
            if (n < 1) {
                throw InvalidRequestException.local("sdk", "maxCreateAttempts", "must be at least 1, but was " + n);
            }
            this.maxCreateAttempts = n;
            return this;
        }

        /** Wait before trying again when the provider's in-flight limit is full. Default 2 s. */
        public Builder slotWait(Duration d) {
            this.slotWait = positive("slotWait", d);
            return this;
        }

        /**
         * Longest wait for one status check or cancel call ({@code call}, default 2 min) and for one download
         * ({@code download}, default 30 min) before the worker gives up on it and retries later. The create
         * call has no such bound: its outcome must be known (the client's own timers end it).
         */
        public Builder callTimeouts(Duration call, Duration download) {
            this.callTimeout = positive("callTimeout", call);
            this.downloadTimeout = positive("downloadTimeout", download);
            return this;
        }

        /** How often idle workers look for due jobs in the database. Default 1 s. */
        public Builder schedulerPollingInterval(Duration d) {
            this.schedulerPollingInterval = positive("schedulerPollingInterval", d);
            return this;
        }

        /**
         * Heartbeat of running jobs and how many may be missed before another instance takes a job over.
         * Default 30 s and 6 (a dead instance's jobs resume after about 3 minutes).
         */
        public Builder heartbeat(Duration interval, int missed) {
            this.heartbeatInterval = positive("heartbeat", interval);
            if (missed < 4) {
                throw InvalidRequestException.local("sdk", "missedHeartbeats",
                        "missedHeartbeats must be at least 4 (db-scheduler's minimum), but was " + missed);
            }
            this.missedHeartbeats = missed;
            return this;
        }

        /** How long {@link VideoQueue#close()} waits for running steps. Default 30 s. */
        public Builder shutdownWait(Duration d) {
            this.shutdownWait = positive("shutdownWait", d);
            return this;
        }

        /** How often stored jobs without an execution are scheduled (after a crash at enqueue). Default 1 min. */
        public Builder sweepInterval(Duration d) {
            this.sweepInterval = positive("sweepInterval", d);
            return this;
        }

        /** How often retention runs. Default 1 h. */
        public Builder cleanupInterval(Duration d) {
            this.cleanupInterval = positive("cleanupInterval", d);
            return this;
        }

        /** How long final records and ledger entries are kept. Default 30 days. */
        public Builder retention(Duration d) {
            this.retention = positive("retention", d);
            return this;
        }

        /** This instance's name in the scheduler table ({@code picked_by}). Default: {@code vsdk-} and a random suffix. */
        public Builder instanceName(String name) {
            this.instanceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Builds the queue: creates or migrates the schema and sets the provider limits; workers start
         * with {@link VideoQueue#start()}.
         *
         * @throws InvalidRequestException when no client was given
         * @throws IllegalStateException   when the database cannot be reached or is not PostgreSQL or H2
         */
        public VideoQueue build() {
            if (client == null) {
                throw InvalidRequestException.local("sdk", "client", "a VideoQueue needs a VideoClient: call client(...)");
            }
            return new VideoQueue(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw InvalidRequestException.local("sdk", name, name + " must be positive, but was " + d);
            }
            return d;
        }
    }
}
