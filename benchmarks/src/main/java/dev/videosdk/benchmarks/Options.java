package dev.videosdk.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line settings; {@code --quick} scales everything down to finish in under a minute. */
final class Options {
    int jobs = 10_000;
    int threadCap = 10_000;
    Duration interval = Duration.ofSeconds(2);
    long minJobMillis = 5_000;
    long maxJobMillis = 20_000;
    int stubThreads = 2;
    int simulatedJobs = 100_000;
    long downloadBytes = 1L << 30;
    long sseBytes = 256L << 20;
    boolean skipOpenAiJava;
    boolean skipCurl;
    boolean quick;
    boolean verbose;
    Set<String> rows = new LinkedHashSet<>();
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "videosdk-bench");
    Set<Integer> scenarios = new LinkedHashSet<>(List.of(1, 3, 4, 5));

    static Options parse(String... args) {
        Options o = new Options();
        for (String a : args) {
            if (a.equals("--quick")) {
                o.quick = true;
                o.jobs = 300;
                o.threadCap = 300;
                o.interval = Duration.ofMillis(500);
                o.minJobMillis = 1_000;
                o.maxJobMillis = 3_000;
                o.simulatedJobs = 5_000;
                o.downloadBytes = 64L << 20;
                o.sseBytes = 16L << 20;
            }
        }
        for (String a : args) {
            String[] kv = a.split("=", 2);
            String v = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "--quick" -> { }
                case "--jobs" -> o.jobs = Integer.parseInt(v);
                case "--thread-cap" -> o.threadCap = Integer.parseInt(v);
                case "--interval-ms" -> o.interval = Duration.ofMillis(Long.parseLong(v));
                case "--job-ms" -> {
                    String[] mm = v.split("-");
                    o.minJobMillis = Long.parseLong(mm[0]);
                    o.maxJobMillis = Long.parseLong(mm[mm.length - 1]);
                }
                case "--stub-threads" -> o.stubThreads = Integer.parseInt(v);
                case "--simulated-jobs" -> o.simulatedJobs = Integer.parseInt(v);
                case "--download-mib" -> o.downloadBytes = Long.parseLong(v) << 20;
                case "--sse-mib" -> o.sseBytes = Long.parseLong(v) << 20;
                case "--skip-openai-java" -> o.skipOpenAiJava = true;
                case "--skip-curl" -> o.skipCurl = true;
                case "--verbose" -> o.verbose = true;
                case "--rows" -> o.rows.addAll(List.of(v.split(",")));
                case "--work-dir" -> o.workDir = Path.of(v);
                case "--scenarios" -> {
                    o.scenarios.clear();
                    for (String s : v.split(",")) {
                        o.scenarios.add(Integer.parseInt(s.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "; see benchmarks/README.md");
            }
        }
        return o;
    }
}
