package dev.videosdk.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Readings of this JVM: threads, heap after a full GC, process CPU, resident memory. */
final class Probe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Probe() {
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static void resetPeakThreads() {
        THREADS.resetPeakThreadCount();
    }

    static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    /** Heap in use after two full collections (objects still reachable). */
    static long retainedHeap() {
        MEMORY.gc();
        MEMORY.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use now, garbage included. */
    static long usedHeap() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU milliseconds of the live JIT compiler threads (Linux: {@code /proc/self/task/<tid>/stat} of
     * the threads named {@code C1/C2 CompilerThre...}; run with -XX:-UseDynamicNumberOfCompilerThreads
     * so none exits with its time); 0 elsewhere. Their CPU is part of the process CPU.
     */
    static long compilationMillis() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Resident set size in bytes (Linux), else -1. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Epoch microseconds from the monotonic clock, anchored once (as the stub does). */
    static long epochMicros() {
        return Anchor.EPOCH_MICROS + (System.nanoTime() - Anchor.NANOS) / 1000L;
    }

    private static final class Anchor {
        static final long EPOCH_MICROS = System.currentTimeMillis() * 1000L;
        static final long NANOS = System.nanoTime();
    }

    /** The value at quantile q (0..1) of the sorted array, nearest rank. */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // keep the default
        }
        return String.format(Locale.ROOT, "%d cores (%s), %d MiB max heap, %s %s", Runtime.getRuntime().availableProcessors(),
                cpu, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.version"));
    }

    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
