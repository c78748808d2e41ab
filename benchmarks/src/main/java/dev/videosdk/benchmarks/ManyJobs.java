package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenarios 1 and 2: N jobs waited on concurrently, the same stub, four ways — the SDK, a thread
 * per job with blocking {@code send} + {@code Thread.sleep}, the official openai-java SDK's blocking
 * retrieve loop, and a minimal {@code sendAsync} + scheduler loop (the raw limit).
 */
final class ManyJobs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_BODY = "{\"model\":\"sora-2\",\"prompt\":\"benchmark\",\"seconds\":\"4\"}";

    /** How one row reports a job the client saw finish. */
    interface Sink {
        void completed(String id);

        void failed(Throwable t);
    }

    /** One way of waiting on many jobs. */
    interface Driver extends AutoCloseable {
        /** Starts {@code n} jobs and returns (jobs finish later, reported to the sink). */
        void start(int n, Sink sink) throws Exception;

        @Override
        void close();
    }

    /** A row of figures. */
    record Row(String name, String how, int n, int completed, int failed, int threads, int liveThreads, double heapPerJob,
               double rssPerJob, int inFlightAtHeap, long p50, long p99, long max, double statusPerJob,
               double cpuSeconds, double cpuPer1000Polls, double jitSeconds, double cpuNoJitPer1000Polls, double stubCpuSeconds, double wallSeconds, double steadyCpuPer1000Polls, long steadyPolls, String note) {
    }

    private final StubProcess stub;
    private final Options o;
    private final PrintStream out;

    ManyJobs(StubProcess stub, Options o, PrintStream out) {
        this.stub = stub;
        this.o = o;
        this.out = out;
    }

    // ------------------------------------------------------------------ scenario 1 and 2

    List<Row> runAll() throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(measure("sdk", "video-sdk-openai provider", o.jobs, () -> sdkDriver(0)));
        rows.add(measure("sdk-gate64", "as sdk, with an outer HttpClient wrapper letting 64 requests out at once",
                o.jobs, () -> sdkDriver(64)));
        int capped = Math.min(o.jobs, o.threadCap);
        rows.add(measure("thread-per-job", "blocking send + Thread.sleep, shared HttpClient", capped, BlockingDriver::new));
        if (!o.skipOpenAiJava) {
            rows.add(measure("openai-java", "com.openai:openai-java " + openAiJavaVersion() + " retrieve loop, thread per job",
                    capped, OpenAiJavaDriver::new));
        }
        rows.add(measure("raw", "sendAsync + 1 scheduler thread, Jackson readTree", o.jobs, () -> new RawDriver(0, null)));
        rows.add(measure("raw-gate64", "as raw, at most 64 HTTP requests outstanding (the rest queue)", o.jobs,
                () -> new RawDriver(64, null)));
        rows.add(measure("raw-gate64-timeout", "as raw-gate64, each request with a 60 s HttpRequest.timeout (the SDK sets one)",
                o.jobs, () -> new RawDriver(64, Duration.ofSeconds(60))));
        rows.removeIf(java.util.Objects::isNull);
        print(rows);
        return rows;
    }

    private static String openAiJavaVersion() {
        Package p = OpenAIClient.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "4.101.0" : v;
    }

    private Driver sdkDriver(int maxInFlight) {
        PollingPolicy policy = PollingPolicy.fixed(o.interval).withTimeout(Duration.ofMinutes(30));
        VideoClient.Builder builder = VideoClient.builder();
        String provider = "openai";
        builder.env(Map.of("OPENAI_API_KEY", "bench-key", "OPENAI_BASE_URL", stub.baseUrl() + "/v1"));
        ExecutorService httpPool = null;
        if (maxInFlight > 0) {
            // the same HttpClient the SDK builds for itself, behind the gate
            httpPool = Executors.newFixedThreadPool(4, r -> daemon(r, "videosdk-http"));
            builder.httpClient(new GatedHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).executor(httpPool).build(), maxInFlight));
        }
        ExecutorService ownedPool = httpPool;
        VideoClient client = builder.defaultProvider(provider).polling(provider, policy).build();
        VideoRequest request = VideoRequest.text("benchmark").durationSeconds(4).build();
        return new Driver() {
            @Override
            public void start(int n, Sink sink) {
                for (int i = 0; i < n; i++) {
                    client.generate(request).whenComplete((r, e) -> {
                        if (e != null) {
                            sink.failed(e);
                        } else {
                            sink.completed(r.job().id());
                        }
                    });
                }
            }

            @Override
            public void close() {
                client.close();
                if (ownedPool != null) {
                    ownedPool.shutdownNow();
                }
            }
        };
    }

    /** The hand-written loop of the original services: one thread per job, blocking calls, sleep. */
    private final class BlockingDriver implements Driver {
        private final HttpClient http = HttpClient.newHttpClient();
        private final List<Thread> threads = new ArrayList<>();

        @Override
        public void start(int n, Sink sink) {
            URI create = URI.create(stub.baseUrl() + "/v1/videos");
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(create).header("Authorization", "Bearer bench-key")
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        String id = JSON.readTree(r.body()).get("id").asText();
                        HttpRequest get = HttpRequest.newBuilder(URI.create(create + "/" + id)).header("Authorization", "Bearer bench-key").build();
                        while (true) {
                            Thread.sleep(o.interval.toMillis());
                            JsonNode v = JSON.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
                            String status = v.path("status").asText();
                            if (status.equals("completed")) {
                                sink.completed(id);
                                return;
                            }
                            if (status.equals("failed")) {
                                throw new IllegalStateException("job failed: " + v);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        sink.failed(e);
                    }
                }, "job-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        @Override
        public void close() {
            threads.forEach(Thread::interrupt);
        }
    }

    /** The official SDK's documented way: create, then retrieve in a blocking loop (one thread per job). */
    @SuppressWarnings("deprecation") // the video methods are deprecated since OpenAI retired the API; the wire lives on
    private final class OpenAiJavaDriver implements Driver {
        private final OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("bench-key")
                .baseUrl(stub.baseUrl() + "/v1").maxRetries(2).build();
        private final List<Thread> threads = new ArrayList<>();

        @Override
        public void start(int n, Sink sink) {
            VideoCreateParams params = VideoCreateParams.builder().prompt("benchmark").model("sora-2").seconds(VideoSeconds._4).build();
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    try {
                        Video video = client.videos().create(params);
                        String id = video.id();
                        while (true) {
                            Thread.sleep(o.interval.toMillis());
                            video = client.videos().retrieve(id);
                            if (video.status().equals(Video.Status.COMPLETED)) {
                                sink.completed(id);
                                return;
                            }
                            if (video.status().equals(Video.Status.FAILED)) {
                                throw new IllegalStateException("job failed: " + video);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        sink.failed(e);
                    }
                }, "oai-job-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        @Override
        public void close() {
            threads.forEach(Thread::interrupt);
            client.close();
        }
    }

    /**
     * The raw limit: what a careful hand-written non-blocking loop costs, with no SDK layers. With
     * {@code maxInFlight > 0} at most that many HTTP requests are outstanding (the rest queue), which
     * also caps the connections the JDK client opens and keeps.
     */
    private final class RawDriver implements Driver {
        private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> daemon(r, "raw-http"));
        private final HttpClient http = HttpClient.newBuilder().executor(pool).build();
        private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "raw-timer"));
        private final int maxInFlight;
        private final Duration timeout;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private int active;

        RawDriver(int maxInFlight, Duration timeout) {
            this.maxInFlight = maxInFlight;
            this.timeout = timeout;
        }

        private HttpRequest.Builder builder(URI uri) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench-key");
            return timeout == null ? b : b.timeout(timeout);
        }

        @Override
        public void start(int n, Sink sink) {
            timer.setRemoveOnCancelPolicy(true);
            URI create = URI.create(stub.baseUrl() + "/v1/videos");
            HttpRequest post = builder(create).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY)).build();
            for (int i = 0; i < n; i++) {
                send(post, (r, e) -> {
                    if (e != null) {
                        sink.failed(e);
                        return;
                    }
                    try {
                        String id = JSON.readTree(r.body()).get("id").asText();
                        HttpRequest get = builder(URI.create(create + "/" + id)).build();
                        schedule(get, id, sink);
                    } catch (IOException | RuntimeException ex) {
                        sink.failed(ex);
                    }
                });
            }
        }

        private void send(HttpRequest request, java.util.function.BiConsumer<HttpResponse<byte[]>, Throwable> then) {
            Runnable call = () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                release();
                then.accept(r, e);
            });
            if (maxInFlight <= 0) {
                call.run();
                return;
            }
            synchronized (queue) {
                if (active >= maxInFlight) {
                    queue.add(call);
                    return;
                }
                active++;
            }
            call.run();
        }

        private void release() {
            if (maxInFlight <= 0) {
                return;
            }
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    active--;
                }
            }
            if (next != null) {
                next.run();
            }
        }

        private void schedule(HttpRequest get, String id, Sink sink) {
            timer.schedule(() -> send(get, (r, e) -> {
                if (e != null) {
                    sink.failed(e);
                    return;
                }
                try {
                    String status = JSON.readTree(r.body()).path("status").asText();
                    if (status.equals("completed")) {
                        sink.completed(id);
                    } else if (status.equals("failed")) {
                        sink.failed(new IllegalStateException("job failed"));
                    } else {
                        schedule(get, id, sink);
                    }
                } catch (IOException | RuntimeException ex) {
                    sink.failed(ex);
                }
            }), o.interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            pool.shutdownNow();
        }
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Creates a driver (timed as part of the row, so its threads are counted). */
    interface DriverFactory {
        Driver create() throws Exception;
    }

    private Row measure(String name, String how, int n, DriverFactory factory) throws Exception {
        if (!o.rows.isEmpty() && !o.rows.contains(name)) {
            return null;
        }
        warmUp(name, factory, Math.min(n, o.quick ? 100 : 2000));
        out.printf("[many-jobs] %s: %d jobs, durations %d-%d ms, interval %d ms%n", name, n, o.minJobMillis, o.maxJobMillis,
                o.interval.toMillis());
        stub.reset(o.minJobMillis, o.maxJobMillis, 1024, -1);
        Probe.retainedHeap();
        long rssBefore = Probe.rssBytes();
        int threadsBefore = Probe.liveThreads();
        Probe.resetPeakThreads();
        long[] seen = new long[n + 1];
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        Sink sink = new Sink() {
            @Override
            public void completed(String id) {
                int k = StubServer.parseId(id);
                if (k > 0 && k <= n) {
                    seen[k] = Probe.epochMicros();
                }
                completed.incrementAndGet();
                done.countDown();
            }

            @Override
            public void failed(Throwable t) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, t);
                done.countDown();
            }
        };
        java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Thread> existing = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        Thread namer = new Thread(() -> {
            while (o.verbose && !Thread.currentThread().isInterrupted()) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (!existing.contains(t) && !t.getName().startsWith("job-") && !t.getName().startsWith("oai-job-")) {
                        names.add(t.getName());
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-namer");
        namer.setDaemon(true);
        namer.start();
        Driver driver = factory.create();
        String note = "";
        try {
            long baseline = Probe.retainedHeap();
            StubProcess.Stats before = stub.stats();
            long cpu0 = Probe.cpuNanos();
            long jit0 = Probe.compilationMillis();
            long t0 = System.nanoTime();
            try {
                driver.start(n, sink);
            } catch (OutOfMemoryError e) {
                note = "could not start all threads: " + e.getMessage();
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stub.stats().creates() - before.creates() + failed.get() < n && System.nanoTime() < waitUntil) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            TimeUnit.MILLISECONDS.sleep(100);
            int inFlight = n - completed.get() - failed.get();
            long loaded = Probe.retainedHeap();
            long rssLoaded = Probe.rssBytes();
            int live = Probe.liveThreads() - threadsBefore - (o.verbose ? 1 : 0);
            if (o.verbose) {
                out.println("[many-jobs] " + name + " threads with jobs in flight: " + threadSummary());
            }
            // steady state: every job accepted, none finished yet, so the process does nothing but poll
            // (a window only when the shortest job outlasts the creates; pick --job-ms so that it does)
            StubProcess.Stats steady0 = stub.stats();
            long steadyCpu0 = Probe.cpuNanos();
            while (completed.get() + failed.get() == 0 && System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(o.minJobMillis)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long steadyCpu = Probe.cpuNanos() - steadyCpu0;
            long steadyPolls = stub.stats().minus(steady0).status();
            long budget = o.maxJobMillis + o.interval.toMillis() * 4 + 60_000;
            if (!done.await(budget, TimeUnit.MILLISECONDS)) {
                note = (note.isEmpty() ? "" : note + "; ") + "timed out with " + done.getCount() + " jobs unfinished";
            }
            long wall = System.nanoTime() - t0;
            long cpu = Probe.cpuNanos() - cpu0;
            long jit = Probe.compilationMillis() - jit0;
            StubProcess.Stats used = stub.stats().minus(before);
            int threads = Probe.peakThreads() - threadsBefore - (o.verbose ? 1 : 0);
            namer.interrupt();
            if (o.verbose) {
                out.println("[many-jobs] " + name + " threads started during the row (besides job threads): " + new java.util.TreeSet<>(names));
            }
            long[] server = stub.completions(n);
            long[] delays = new long[completed.get()];
            int k = 0;
            for (int i = 1; i <= n && k < delays.length; i++) {
                if (seen[i] != 0 && server[i] != 0) {
                    delays[k++] = (seen[i] - server[i]) / 1000L;
                }
            }
            long[] sorted = Probe.sorted(java.util.Arrays.copyOf(delays, k));
            if (firstFailure.get() != null) {
                note = (note.isEmpty() ? "" : note + "; ") + "first failure: " + firstFailure.get();
            }
            double polls = Math.max(1, used.status());
            Row row = new Row(name, how, n, completed.get(), failed.get(), threads, live,
                    inFlight > 0 ? (double) (loaded - baseline) / inFlight : Double.NaN,
                    inFlight > 0 && rssBefore > 0 ? (double) (rssLoaded - rssBefore) / inFlight : Double.NaN, inFlight,
                    Probe.quantile(sorted, 0.5), Probe.quantile(sorted, 0.99), Probe.quantile(sorted, 1.0),
                    (double) used.status() / n, cpu / 1e9, cpu / 1e9 / polls * 1000, jit / 1e3,
                    Math.max(0, cpu / 1e9 - jit / 1e3) / polls * 1000, used.cpuNanos() / 1e9, wall / 1e9,
                    steadyPolls >= 100 ? steadyCpu / 1e9 / steadyPolls * 1000 : Double.NaN, steadyPolls, note);
            out.printf("[many-jobs] %s: %d/%d completed in %.1f s, %d threads, %.0f B heap/job, p99 %d ms%s%n", name,
                    row.completed(), n, row.wallSeconds(), threads, row.heapPerJob(), row.p99(), note.isEmpty() ? "" : " (" + note + ")");
            return row;
        } finally {
            driver.close();
        }
    }

    /**
     * Runs short batches of the row's own driver until the JIT has settled (a round spends less than 5 % of its
     * wall time compiling; at most 6 rounds, 2 in quick mode), so that every row, the first included, is
     * measured warm. One batch was not enough: the first row still paid 6-8 s of JIT.
     */
    private void warmUp(String name, DriverFactory factory, int n) throws Exception {
        int maxRounds = o.quick ? 2 : 6;
        int round = 0;
        long jit;
        long wall;
        do {
            long jit0 = Probe.compilationMillis();
            long t0 = System.nanoTime();
            warmUpRound(factory, n);
            jit = Probe.compilationMillis() - jit0;
            wall = (System.nanoTime() - t0) / 1_000_000L;
            round++;
        } while (round < maxRounds && jit * 20 > wall);
        out.printf("[many-jobs] %s: warm-up %d round(s) of %d jobs, last round %d ms JIT in %d ms%n", name, round, n, jit, wall);
    }

    private void warmUpRound(DriverFactory factory, int n) throws Exception {
        stub.reset(100, 400, 1024, -1);
        CountDownLatch done = new CountDownLatch(n);
        Duration saved = o.interval;
        o.interval = Duration.ofMillis(100);
        try (Driver d = factory.create()) {
            d.start(n, new Sink() {
                @Override
                public void completed(String id) {
                    done.countDown();
                }

                @Override
                public void failed(Throwable t) {
                    done.countDown();
                }
            });
            done.await(60, TimeUnit.SECONDS);
        } finally {
            o.interval = saved;
        }
    }

    private static String threadSummary() {
        Map<String, Integer> byPrefix = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byPrefix.merge(t.getName().replaceAll("[-#]?\\d+$", ""), 1, Integer::sum);
        }
        return byPrefix.toString();
    }

    private void print(List<Row> rows) {
        Table t = new Table("Scenarios 1 and 2: many jobs (interval " + o.interval.toMillis() + " ms, durations "
                + o.minJobMillis + "-" + o.maxJobMillis + " ms, ForkJoinPool common parallelism "
                + java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + ")",
                "row", "jobs", "done", "failed", "peak threads", "live threads", "heap/job B", "RSS/job B", "p50 ms", "p99 ms", "max ms",
                "status/job", "CPU s", "CPU s/1k polls", "JIT s", "CPU-JIT s/1k polls", "stub CPU s", "wall s",
                "steady CPU s/1k polls", "steady polls");
        for (Row r : rows) {
            t.row(r.name(), r.n(), r.completed(), r.failed(), r.threads(), r.liveThreads(), r.heapPerJob(), r.rssPerJob(), r.p50(), r.p99(), r.max(),
                    r.statusPerJob(), r.cpuSeconds(), r.cpuPer1000Polls(), r.jitSeconds(), r.cpuNoJitPer1000Polls(), r.stubCpuSeconds(), r.wallSeconds(),
                    r.steadyCpuPer1000Polls(), r.steadyPolls());
        }
        t.print(out);
        Table ratios = new Table("Ratios (SDK row / other row)", "SDK row", "other row", "threads", "heap/job", "p99 detection",
                "CPU per poll", "CPU-JIT per poll", "steady CPU per poll");
        List<Row> sdkRows = rows.stream().filter(r -> r.name().startsWith("sdk")).toList();
        List<Row> others = rows.stream().filter(r -> !r.name().startsWith("sdk")).toList();
        for (Row s : sdkRows) {
            for (Row r : others) {
                ratios.row(s.name(), r.name(), ratio(s.threads(), r.threads()), ratio(s.heapPerJob(), r.heapPerJob()),
                        ratio(s.p99(), r.p99()), ratio(s.cpuPer1000Polls(), r.cpuPer1000Polls()),
                        ratio(s.cpuNoJitPer1000Polls(), r.cpuNoJitPer1000Polls()),
                        ratio(s.steadyCpuPer1000Polls(), r.steadyCpuPer1000Polls()));
            }
        }
        ratios.print(out);
        for (Row r : rows) {
            if (!r.note().isEmpty()) {
                out.println("note " + r.name() + ": " + r.note());
            }
        }
        ObjectNode json = Table.json("many-jobs");
        json.put("commonPoolParallelism", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism())
                .put("intervalMs", o.interval.toMillis()).put("minJobMs", o.minJobMillis).put("maxJobMs", o.maxJobMillis)
                .put("sdkProvider", "video-sdk-openai");
        ArrayNode arr = json.putArray("rows");
        for (Row r : rows) {
            arr.add(JSON.valueToTree(r));
        }
        out.println(json);
    }

    static double ratio(double a, double b) {
        return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a / b;
    }
}
