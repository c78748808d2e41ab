package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.PollingPolicy;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.VideoProviderFactory;
import java.io.PrintStream;
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

    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        PollingPolicy fixed = PollingPolicy.fixed(Duration.ofSeconds(10));
        Row base = simulate("fixed 10 s", of(fixed), 7, str(fixed));
        rows.add(base);
        PollingPolicy sdk = PollingPolicy.defaults();
        rows.add(simulate("SDK default (PollingPolicy.defaults)", of(sdk), 7, str(sdk)));
        PollingPolicy openai = openAiDefault();
        if (openai != null) {
            rows.add(simulate("openai provider default", of(openai), 7, str(openai)));
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
