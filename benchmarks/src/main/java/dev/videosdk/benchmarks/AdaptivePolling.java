package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.PollingPolicy;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProviderFactory;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.testing.VirtualTime;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/**
 * Scenario 3: status requests per job and detection delay for polling schedules, on a virtual
 * clock. Each job finishes at a time drawn from a realistic distribution; a schedule polls at the
 * times {@link PollingPolicy#delayBefore} gives (the very method the SDK's job waiter calls), and
 * the job is detected at the first poll at or after its completion.
 */
final class AdaptivePolling {
    /** One schedule's figures. */
    record Row(String policy, double pollsPerJob, double medianDetectionS, double p90DetectionS, double reductionVsFixed,
               String detail) {
    }

    /** Chooses the next delay from what the last status said. */
    interface Schedule {
        /** Delay before poll {@code attempt} (from 1); {@code progress} is the last reported percent, -1 before any. */
        Duration next(int attempt, double elapsedS, int progress, SplittableRandom r);
    }

    private final Options o;
    private final PrintStream out;

    AdaptivePolling(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    static Schedule of(PollingPolicy p) {
        return (attempt, elapsed, progress, r) -> p.delayBefore(attempt, null, r::nextDouble);
    }

    /**
     * Not in the SDK: what the waiter could do with the {@code progress} most providers report —
     * estimate the remaining time from the progress rate and poll then (bounded by the policy).
     */
    static Schedule progressEta(PollingPolicy p) {
        return (attempt, elapsed, progress, r) -> {
            if (progress <= 0 || progress >= 100) {
                return p.delayBefore(attempt, null, r::nextDouble);
            }
            double total = elapsed * 100.0 / (progress + 0.5);
            double remaining = total - elapsed;
            // far from the end: cover 90 % of the estimate (it sharpens as progress grows); near it: aim just past it
            double s = remaining > 20 ? 0.9 * remaining : remaining + 0.5;
            return Duration.ofMillis((long) (1000 * Math.max(1.0, Math.min(s, ETA_CAP_SECONDS))));
        };
    }

    /** Longest wait the progress estimate may ask for. */
    static final double ETA_CAP_SECONDS = 60;

    Row simulate(String name, Schedule schedule, long seed, String detail) {
        return simulate(name, schedule, seed, detail, false);
    }

    /** With {@code curved}, each job's progress is (t/T)^g with g drawn from 0.7-1.4 (not linear in time). */
    Row simulate(String name, Schedule schedule, long seed, String detail, boolean curved) {
        SplittableRandom jobs = new SplittableRandom(seed);
        SplittableRandom jitter = new SplittableRandom(seed + 1);
        int n = o.simulatedJobs;
        double[] detection = new double[n];
        long polls = 0;
        for (int i = 0; i < n; i++) {
            double total = completionSeconds(jobs);
            double g = curved ? 0.7 + 0.7 * jobs.nextDouble() : 1.0;
            double t = 0;
            int progress = -1;
            for (int attempt = 1; ; attempt++) {
                t += schedule.next(attempt, t, progress, jitter).toMillis() / 1000.0;
                polls++;
                if (t >= total) {
                    detection[i] = t - total;
                    break;
                }
                // as the stub: queued for the first 10 %, then linear whole-percent progress
                progress = t < total / 10 ? 0 : (int) (100 * Math.pow(t / total, g));
            }
        }
        java.util.Arrays.sort(detection);
        return new Row(name, (double) polls / n, detection[n / 2], detection[(int) (n * 0.9)], Double.NaN, detail);
    }

    /** 60–180 s: a triangular distribution with its mode at 90 s (renders cluster, long tail). */
    static double completionSeconds(SplittableRandom r) {
        double a = 60;
        double b = 180;
        double c = 90;
        double u = r.nextDouble();
        double f = (c - a) / (b - a);
        return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }

    static PollingPolicy openAiDefault() {
        for (VideoProviderFactory f : ServiceLoader.load(VideoProviderFactory.class)) {
            if (f.id().equals("openai")) {
                return f.create(new ProviderConfig("openai", Map.of("OPENAI_API_KEY", "bench-key"))).defaultPolling();
            }
        }
        return null;
    }

    /**
     * The SDK's real job waiter (progress estimate included) on a virtual clock: a synchronous
     * provider answers each status check from the virtual time, as the stub would.
     */
    Row sdkWaiter(String name, PollingPolicy policy, long seed, boolean curved) {
        VirtualTime time = VirtualTime.start();
        Instant origin = time.now();
        SimProvider provider = new SimProvider(seed, curved);
        int n = o.simulatedJobs;
        double[] detection = new double[n];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (VideoClient client = VideoClient.builder().withoutDiscovery().provider(provider).defaultProvider(SimProvider.ID)
                .polling(SimProvider.ID, policy).clock(time.clock()).scheduler(time.scheduler())
                .random(new SplittableRandom(seed + 1)::nextDouble).build()) {
            VideoRequest request = VideoRequest.text("benchmark").build();
            for (int i = 0; i < n; i++) {
                client.generate(request).whenComplete((r, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        return;
                    }
                    int k = Integer.parseInt(r.job().id());
                    double seen = Duration.between(origin, time.now()).toMillis() / 1000.0;
                    detection[done.getAndIncrement()] = seen - provider.totals[k];
                });
            }
            time.advance(Duration.ofMinutes(30));
        }
        double[] d = java.util.Arrays.copyOf(detection, done.get());
        java.util.Arrays.sort(d);
        String detail = "JobRun with " + str(policy) + (curved ? "; progress (t/T)^g, g in 0.7-1.4" : "")
                + (failed.get() > 0 ? "; " + failed.get() + " failed" : "");
        return new Row(name, (double) provider.polls.get() / n, d[d.length / 2], d[(int) (d.length * 0.9)], Double.NaN, detail);
    }

    /** Answers like the stub, from the virtual clock: queued for 10 %, then linear (or curved) progress. */
    static final class SimProvider implements VideoProvider {
        static final String ID = "sim";
        private final SplittableRandom random;
        private final boolean curved;
        final double[] totals = new double[1 << 20];
        final double[] shapes = new double[1 << 20];
        final AtomicInteger polls = new AtomicInteger();
        private int next;

        SimProvider(long seed, boolean curved) {
            this.random = new SplittableRandom(seed);
            this.curved = curved;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.builder().build();
        }

        @Override
        public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
            int k = next++;
            totals[k] = completionSeconds(random);
            shapes[k] = curved ? 0.7 + 0.7 * random.nextDouble() : 1.0;
            return CompletableFuture.completedFuture(VideoJob.of(ID, Integer.toString(k), null, ctx.clock().instant()));
        }

        @Override
        public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
            polls.incrementAndGet();
            int k = Integer.parseInt(job.id());
            double t = Duration.between(job.submittedAt(), ctx.clock().instant()).toMillis() / 1000.0;
            double total = totals[k];
            if (t >= total) {
                return CompletableFuture.completedFuture(JobStatus.succeeded(List.of(VideoAsset.of(URI.create("http://127.0.0.1/" + k)))));
            }
            return CompletableFuture.completedFuture(t < total / 10 ? JobStatus.queued()
                    : JobStatus.running((int) (100 * Math.pow(t / total, shapes[k]))));
        }
    }

    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        PollingPolicy fixed = PollingPolicy.fixed(Duration.ofSeconds(10));
        Row base = simulate("fixed 10 s", of(fixed), 7, str(fixed));
        rows.add(base);
        PollingPolicy sdk = PollingPolicy.defaults();
        rows.add(simulate("PollingPolicy.defaults, delays only", of(sdk), 7, str(sdk) + "; no progress estimate"));
        rows.add(sdkWaiter("SDK waiter, PollingPolicy.defaults", sdk, 7, false));
        PollingPolicy openai = openAiDefault();
        if (openai != null) {
            rows.add(sdkWaiter("SDK waiter, openai provider default", openai, 7, false));
            rows.add(sdkWaiter("SDK waiter, openai default, curved progress", openai, 7, true));
        }
        PollingPolicy late = fixed.withInitialDelay(Duration.ofSeconds(60));
        rows.add(simulate("fixed 10 s after 60 s", of(late), 7, str(late)));
        PollingPolicy eta = PollingPolicy.defaults();
        rows.add(simulate("proposed: progress ETA (not in SDK)", progressEta(eta), 7,
                "from progress: 90 % of the estimated remaining time, or just past it when < 20 s left (1-60 s); "
                        + "no progress yet: " + str(eta)));
        rows.add(simulate("proposed: progress ETA, curved progress", progressEta(eta), 7,
                "as above, but each job's progress is (t/T)^g, g uniform in 0.7-1.4", true));
        List<Row> withRatio = new ArrayList<>();
        for (Row r : rows) {
            withRatio.add(new Row(r.policy(), r.pollsPerJob(), r.medianDetectionS(), r.p90DetectionS(),
                    1.0 - r.pollsPerJob() / base.pollsPerJob(), r.detail()));
        }
        Table t = new Table("Scenario 3: adaptive polling (" + o.simulatedJobs + " simulated jobs, completion 60-180 s, "
                + "triangular, mode 90 s; virtual clock)",
                "schedule", "status requests/job", "fewer than fixed 10 s", "median detection s", "p90 detection s", "policy");
        for (Row r : withRatio) {
            t.row(r.policy(), r.pollsPerJob(), String.format(java.util.Locale.ROOT, "%.0f %%", 100 * r.reductionVsFixed()),
                    r.medianDetectionS(), r.p90DetectionS(), r.detail());
        }
        t.print(out);
        ObjectNode json = Table.json("adaptive-polling");
        json.put("jobs", o.simulatedJobs).put("distribution", "triangular(60,90,180) s");
        ArrayNode arr = json.putArray("rows");
        for (Row r : withRatio) {
            arr.add(Table.JSON.valueToTree(r));
        }
        out.println(json);
        return withRatio;
    }

    private static String str(PollingPolicy p) {
        return "first " + p.initialDelay().toMillis() / 1000.0 + " s, then " + p.interval().toMillis() / 1000.0 + " s x"
                + p.multiplier() + " to " + p.maxInterval().toMillis() / 1000.0 + " s, jitter " + p.jitter();
    }
}
