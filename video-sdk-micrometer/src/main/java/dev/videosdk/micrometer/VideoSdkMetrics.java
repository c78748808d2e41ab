package dev.videosdk.micrometer;

import dev.videosdk.CreateOutcome;
import dev.videosdk.HttpCallEvent;
import dev.videosdk.JobStatus;
import dev.videosdk.RunInfo;
import dev.videosdk.RunState;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a {@link dev.videosdk.VideoClient}'s events as Micrometer meters and observations. Set it
 * as the client's listener; one instance per client (it counts that client's active runs).
 *
 * <pre>{@code
 * VideoSdkMetrics metrics = new VideoSdkMetrics(meterRegistry, observationRegistry);
 * VideoClient client = VideoClient.builder().eventListener(metrics).build();
 * }</pre>
 *
 * <p>Meters (names as Micrometer writes them; Prometheus turns dots into underscores):
 * <ul>
 *   <li>{@value #RUNS} timer: one per finished run (generate or await), tags {@code provider},
 *       {@code model}, {@code outcome} (the run's final {@link RunState}, lower case) and {@code error}
 *       (the simple class name of the {@link VideoException}, or {@code none});</li>
 *   <li>{@value #ACTIVE} gauge: runs started and not finished;</li>
 *   <li>{@value #CREATES} timer: create calls, tags {@code provider}, {@code outcome}
 *       ({@link CreateOutcome}, lower case);</li>
 *   <li>{@value #POLLS} counter: status checks, tags {@code provider}, {@code result} (the job state
 *       seen, lower case, or {@code error});</li>
 *   <li>{@value #POLLS_PER_RUN} distribution summary: status checks of one run, recorded when it ends,
 *       tags {@code provider}, {@code outcome};</li>
 *   <li>{@value #HTTP} timer: HTTP tries, tags {@code provider}, {@code kind} ({@link HttpCallEvent.Kind},
 *       lower case), {@code method}, {@code status} (the HTTP status, or {@code none}) and
 *       {@code outcome} ({@code success} or {@code error});</li>
 *   <li>{@value #RETRIES} counter: HTTP tries scheduled for a retry, tags {@code provider}, {@code kind};</li>
 *   <li>{@value #DOWNLOADS} timer and {@value #DOWNLOAD_BYTES} counter (base unit bytes): downloads,
 *       tags {@code provider}, {@code outcome} ({@code success} or {@code error});</li>
 *   <li>{@value #WEBHOOKS} counter: callbacks, tags {@code provider}, {@code outcome} ({@code applied},
 *       {@code duplicate}, {@code ignored} or {@code rejected}).</li>
 * </ul>
 * Tag values are bounded: never a job id, a prompt or a URL. Provider ids and models come from the
 * application's configuration; past {@value #MAX_TAG_VALUES} distinct values of one tag, further
 * values are recorded as {@code other}.
 *
 * <p>Observation: each run is a {@value #RUN_OBSERVATION} observation (low-cardinality keys
 * {@code provider}, {@code model}, {@code outcome}, {@code error}) from {@code runStarted} to
 * {@code runFinished}, with an event per state change; with Micrometer Tracing (e.g. its OpenTelemetry
 * bridge) it becomes a span. Its parent is the observation current on the thread that delivers
 * {@code runStarted}. Each HTTP try (create, status, cancel, stream, download) is a
 * {@value #HTTP_OBSERVATION} observation (keys {@code provider}, {@code kind}, {@code method}, {@code status},
 * {@code outcome}) from {@code httpCallStarted} to {@code httpCallFinished}; the SDK's HTTP threads carry no
 * current observation, so these spans start their own traces.
 *
 * <p>Thread-safe. Every method returns quickly and never blocks.
 */
public final class VideoSdkMetrics implements VideoEventListener {
    /** Timer of finished runs. */
    public static final String RUNS = "videosdk.runs";
    /** Gauge of runs in progress. */
    public static final String ACTIVE = "videosdk.runs.active";
    /** Timer of create calls. */
    public static final String CREATES = "videosdk.creates";
    /** Counter of status checks. */
    public static final String POLLS = "videosdk.polls";
    /** Distribution summary of status checks per run. */
    public static final String POLLS_PER_RUN = "videosdk.runs.polls";
    /** Timer of HTTP tries. */
    public static final String HTTP = "videosdk.http.calls";
    /** Counter of retries scheduled. */
    public static final String RETRIES = "videosdk.http.retries";
    /** Timer of downloads. */
    public static final String DOWNLOADS = "videosdk.downloads";
    /** Counter of downloaded bytes. */
    public static final String DOWNLOAD_BYTES = "videosdk.download.bytes";
    /** Counter of handled callbacks. */
    public static final String WEBHOOKS = "videosdk.webhooks";
    /** Name of the observation of one run. */
    public static final String RUN_OBSERVATION = "videosdk.run";
    /**
     * Name of the run observation's event per state change (its contextual name is the state); a meter
     * handler counts it as {@code videosdk.run.state}.
     */
    public static final String STATE_EVENT = "state";
    /** Name of the observation of one HTTP try. */
    public static final String HTTP_OBSERVATION = "videosdk.http";
    /** Most distinct values recorded per tag before further ones become {@code other}. */
    public static final int MAX_TAG_VALUES = 100;

    private static final String NONE = "none";
    private static final String OTHER = "other";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final AtomicLong active = new AtomicLong();
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Map<Long, Observation> tries = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> tagValues = new ConcurrentHashMap<>();

    /** Per-run state, dropped when the run ends. */
    private static final class Run {
        final AtomicInteger polls = new AtomicInteger();
        final Observation observation;

        Run(Observation observation) {
            this.observation = observation;
        }
    }

    /** Meters only; no observations. */
    public VideoSdkMetrics(MeterRegistry meters) {
        this(meters, ObservationRegistry.NOOP);
    }

    /** Meters and observations (tracing). */
    public VideoSdkMetrics(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.observations = Objects.requireNonNull(observations, "observations");
        Gauge.builder(ACTIVE, active, AtomicLong::get).description("Video SDK runs in progress").register(meters);
    }

    /** Runs started and not finished. */
    public long activeRuns() {
        return active.get();
    }

    @Override
    public void runStarted(RunInfo run) {
        active.incrementAndGet();
        Observation observation = Observation.createNotStarted(RUN_OBSERVATION, observations)
                .contextualName("videosdk " + bounded("provider", run.provider()))
                .lowCardinalityKeyValue("provider", bounded("provider", run.provider()))
                .lowCardinalityKeyValue("model", model(run))
                .start();
        runs.put(run.runId(), new Run(observation));
    }

    @Override
    public void stateChanged(RunInfo run, RunState from) {
        Run r = runs.get(run.runId());
        if (r != null) {
            // the provider and model are known once the run is routed (and change on fallback)
            r.observation.lowCardinalityKeyValue("provider", bounded("provider", run.provider()))
                    .lowCardinalityKeyValue("model", model(run))
                    .event(Observation.Event.of(STATE_EVENT, lower(run.state())));
        }
    }

    @Override
    public void createFinished(RunInfo run, CreateOutcome outcome, VideoException error, Duration duration) {
        Timer.builder(CREATES).description("Video SDK create calls")
                .tags("provider", bounded("provider", run.provider()), "outcome", lower(outcome))
                .register(meters).record(duration);
    }

    @Override
    public void pollFinished(RunInfo run, int attempt, JobStatus status, VideoException error, Duration nextDelay) {
        Run r = runs.get(run.runId());
        if (r != null) {
            r.polls.incrementAndGet();
        }
        Counter.builder(POLLS).description("Video SDK status checks")
                .tags("provider", bounded("provider", run.provider()),
                        "result", status == null ? "error" : lower(status.state()))
                .register(meters).increment();
    }

    @Override
    public void httpCallStarted(HttpCallEvent call) {
        if (observations.isNoop() || call.id() == 0) {
            return;
        }
        tries.put(call.id(), Observation.createNotStarted(HTTP_OBSERVATION, observations)
                .lowCardinalityKeyValue("provider", bounded("provider", call.provider()))
                .lowCardinalityKeyValue("kind", lower(call.kind()))
                .lowCardinalityKeyValue("method", bounded("method", call.method()))
                .start());
    }

    @Override
    public void httpCallFinished(HttpCallEvent call) {
        String status = call.status() == 0 ? NONE : Integer.toString(call.status());
        String outcome = call.failure() == null ? "success" : "error";
        Timer.builder(HTTP).description("Video SDK HTTP tries")
                .tags("provider", bounded("provider", call.provider()), "kind", lower(call.kind()),
                        "method", bounded("method", call.method()), "status", status, "outcome", outcome)
                .register(meters).record(call.duration());
        Observation o = call.id() == 0 ? null : tries.remove(call.id());
        if (o != null) {
            o.lowCardinalityKeyValue("status", status).lowCardinalityKeyValue("outcome", outcome);
            if (call.failure() != null) {
                o.error(call.failure());
            }
            o.stop();
        }
    }

    @Override
    public void retryScheduled(HttpCallEvent failedTry, Duration delay) {
        Counter.builder(RETRIES).description("Video SDK HTTP retries scheduled")
                .tags("provider", bounded("provider", failedTry.provider()), "kind", lower(failedTry.kind()))
                .register(meters).increment();
    }

    @Override
    public void downloadFinished(VideoAsset asset, long bytes, VideoException error, Duration duration) {
        Tags tags = Tags.of("provider", bounded("provider", asset.provider()),
                "outcome", error == null ? "success" : "error");
        Timer.builder(DOWNLOADS).description("Video SDK downloads").tags(tags).register(meters).record(duration);
        Counter.builder(DOWNLOAD_BYTES).description("Video SDK downloaded bytes").baseUnit("bytes").tags(tags)
                .register(meters).increment(Math.max(0, bytes));
    }

    @Override
    public void webhookHandled(String provider, WebhookOutcome outcome, VideoException rejected) {
        Counter.builder(WEBHOOKS).description("Video SDK callbacks handled")
                .tags("provider", bounded("provider", provider),
                        "outcome", outcome == null ? "rejected" : lower(outcome.type()))
                .register(meters).increment();
    }

    @Override
    public void runFinished(RunInfo run, VideoResult result, VideoException error, Duration elapsed) {
        String outcome = outcome(run, error);
        String errorName = error == null ? NONE : error.getClass().getSimpleName();
        String provider = bounded("provider", run.provider());
        Timer.builder(RUNS).description("Video SDK runs (generate, await)")
                .tags("provider", provider, "model", model(run), "outcome", outcome, "error", errorName)
                .register(meters).record(elapsed);
        Run r = runs.remove(run.runId());
        if (r == null) {
            return;
        }
        active.decrementAndGet();
        DistributionSummary.builder(POLLS_PER_RUN).description("Video SDK status checks per run")
                .tags("provider", provider, "outcome", outcome)
                .register(meters).record(r.polls.get());
        Observation o = r.observation;
        o.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("error", errorName);
        if (error != null) {
            o.error(error);
        }
        o.stop();
    }

    private static String outcome(RunInfo run, VideoException error) {
        if (run.state() != null && run.state().isFinal()) {
            return lower(run.state());
        }
        return error == null ? lower(RunState.SUCCEEDED) : lower(RunState.FAILED);
    }

    private String model(RunInfo run) {
        return run.model() == null ? "default" : bounded("model", run.model());
    }

    /** The value, or {@code other} once the tag has {@value #MAX_TAG_VALUES} distinct values. */
    private String bounded(String tag, String value) {
        if (value == null || value.isEmpty()) {
            return "unknown";
        }
        Set<String> seen = tagValues.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet());
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() >= MAX_TAG_VALUES) {
                return OTHER;
            }
            seen.add(value);
            return value;
        }
    }

    private static String lower(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT);
    }
}
