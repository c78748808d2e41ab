package dev.videosdk.benchmarks;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs the benchmark suite: {@code Bench [--quick] [--scenarios=1,3,4,5] [--jobs=N] ...} (see
 * {@code benchmarks/README.md}). Each scenario prints a Markdown table and one JSON line.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> failures = run(System.out, args);
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    /** Runs the chosen scenarios; returns the scenarios that failed (their error was printed). */
    static List<String> run(PrintStream out, String... args) throws Exception {
        Options o = Options.parse(args);
        out.printf("# Video SDK benchmarks%n%n%s, JDK %s (%s), %s, ForkJoinPool common parallelism %d, "
                        + "load average %.2f at start, %s mode%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Probe.machine(), ForkJoinPool.getCommonPoolParallelism(), Probe.loadAverage(), o.quick ? "quick" : "full");
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        try (StubProcess stub = StubProcess.start(o.stubThreads)) {
            out.println("stub: " + stub.baseUrl() + " (pid " + stub.pid() + ", " + o.stubThreads + " handler threads, own JVM)");
            for (int s : o.scenarios) {
                try {
                    switch (s) {
                        case 1, 2 -> new ManyJobs(stub, o, out).runAll();
                        case 3 -> new AdaptivePolling(o, out).run();
                        case 4 -> new Download(stub, o, out).run();
                        case 5 -> new SseThroughput(o, out).run();
                        default -> throw new IllegalArgumentException("no scenario " + s);
                    }
                } catch (Exception | Error e) { // also NoClassDefFoundError, OutOfMemoryError: report, go on
                    failures.add("scenario " + s + ": " + e);
                    out.println("scenario " + s + " FAILED: " + e);
                    e.printStackTrace(out);
                }
            }
        }
        out.printf("%nsuite finished in %.0f s, load average %.2f%s%n", (System.nanoTime() - t0) / 1e9, Probe.loadAverage(),
                failures.isEmpty() ? "" : "; failed: " + failures);
        return failures;
    }
}
