package dev.videosdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.jobs.Pricing;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.VideoQueue;
import dev.videosdk.testing.FakeVideoProvider;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VideoQueueAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VideoSdkAutoConfiguration.class, VideoQueueAutoConfiguration.class))
            .withPropertyValues("videosdk.use-process-environment=false", "videosdk.default-provider=fake");

    /** A fresh in-memory H2 database per context (kept open until the JVM ends: DB_CLOSE_DELAY=-1). */
    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void withDataSource_queueOnTheClientAndDatabase() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withPropertyValues("videosdk.queue.start=false")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(VideoQueue.class).hasSingleBean(VideoQueueProperties.class)
                            .hasBean("videoSdkQueueWebhooks"); // the webhook endpoint wakes queued jobs
                    // the schema exists: stats read every state from the tables
                    assertThat(ctx.getBean(VideoQueue.class).stats().byState()).containsEntry(QueueState.QUEUED, 0L);
                });
    }

    @Test
    void withoutDataSource_noQueue() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoClient.class)
                .doesNotHaveBean(VideoQueue.class).doesNotHaveBean(dev.videosdk.Webhooks.class));
    }

    @Test
    void withoutJobsModule_noQueueAndContextLoads() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withClassLoader(new FilteredClassLoader(VideoQueue.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoClient.class)
                        .doesNotHaveBean(VideoQueue.class));
    }

    @Test
    void turnedOff_noQueue() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withPropertyValues("videosdk.queue.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoQueue.class));
    }

    @Test
    void userQueueWins() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withBean("myQueue", VideoQueue.class, () -> VideoQueue.builder().dataSource(h2())
                        .client(VideoClient.builder().withoutDiscovery().provider(new FakeVideoProvider()).build()).build())
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoQueue.class).hasBean("myQueue")
                        .doesNotHaveBean("videoQueue"));
    }

    @Test
    void propertiesBind() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withPropertyValues("videosdk.queue.start=false", "videosdk.queue.workers=3",
                        "videosdk.queue.poll-interval=250ms", "videosdk.queue.max-jobs-in-flight.fake=2",
                        "videosdk.queue.instance-name=node-a", "videosdk.queue.retention=7d")
                .run(ctx -> {
                    VideoQueueProperties p = ctx.getBean(VideoQueueProperties.class);
                    assertThat(p.isStart()).isFalse();
                    assertThat(p.getWorkers()).isEqualTo(3);
                    assertThat(p.getPollInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(p.getMaxJobsInFlight()).isEqualTo(Map.of("fake", 2));
                    assertThat(p.getInstanceName()).isEqualTo("node-a");
                    assertThat(p.getRetention()).isEqualTo(Duration.ofDays(7));
                    assertThat(p.getRetryDelay()).as("unset keeps the builder's default").isNull();
                });
    }

    @Test
    void badSetting_failsTheContextNamingIt() {
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withPropertyValues("videosdk.queue.workers=0")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("workers must be at least 1, but was 0"));
    }

    /** Started with the context: a job enqueued on the fake provider (the user's client, which wins) finishes. */
    @Test
    void startedWithContext_runsAJobWithPricingBean() {
        FakeVideoProvider fake = new FakeVideoProvider();
        runner.withBean(DataSource.class, VideoQueueAutoConfigurationTest::h2)
                .withBean(VideoClient.class, () -> VideoClient.builder().withoutDiscovery().provider(fake)
                        .retryPolicy(RetryPolicy.none()).build())
                .withBean(Pricing.class, () -> Pricing.flat(10))
                .withPropertyValues("videosdk.queue.poll-interval=20ms", "videosdk.queue.scheduler-polling-interval=50ms",
                        "videosdk.queue.shutdown-wait=5s")
                .run(ctx -> {
                    VideoQueue queue = ctx.getBean(VideoQueue.class);
                    queue.ledger().credit("alice", 25, "test");
                    String id = queue.enqueue(VideoRequest.text("a cat").build(), "alice", Map.of());
                    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    // the queue's workers run on db-scheduler's real clock: look every 10 ms, as the jobs module's tests do
                    while (queue.record(id).orElseThrow().state() != QueueState.SUCCEEDED && System.nanoTime() < end) {
                        TimeUnit.MILLISECONDS.sleep(10);
                    }
                    assertThat(queue.record(id).orElseThrow().state()).isEqualTo(QueueState.SUCCEEDED);
                    assertThat(queue.ledger().balance("alice").getAsLong()).as("the Pricing bean charged 10").isEqualTo(15);
                    assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("a cat");
                });
    }
}
