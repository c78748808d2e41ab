package dev.videosdk.examples.spring;

import dev.videosdk.PollingPolicy;
import dev.videosdk.spring.VideoClientCustomizer;
import dev.videosdk.testing.FakeScript;
import dev.videosdk.testing.FakeVideoProvider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One Spring context for every test of the example (same settings, so Spring's test context cache starts
 * the service once): a random port, the queue on an in-memory H2 checking every 150 ms, storage and work files
 * under {@code target/}, a fast page, and a {@link FakeVideoProvider} the tests can script (succeeds on its 5th
 * status check, 20/40/60/80 % before). The queue runs on the wall clock (db-scheduler and the database do;
 * ADR 1005), so tests wait by polling its records, never by sleeping a fixed time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videosdk.use-process-environment=false", "videosdk.default-provider=fake",
        "spring.datasource.url=jdbc:h2:mem:video-service-test;DB_CLOSE_DELAY=-1",
        "videosdk.queue.poll-interval=150ms", "videosdk.queue.scheduler-polling-interval=50ms",
        "videosdk.queue.retry-delay=200ms", "videosdk.queue.shutdown-wait=2s",
        "videosdk.queue.work-directory=target/test-work", "videosdk.storage.local.root=target/test-storage",
        "app.page-poll-interval=150ms"})
@Import(VideoServiceTestSetup.FakeProviderConfig.class)
@interface VideoServiceTestSetup {

    /** The scriptable fake, registered under id {@code fake} (it wins over the discovered factory). */
    @TestConfiguration(proxyBeanMethods = false)
    class FakeProviderConfig {
        @Bean
        FakeVideoProvider fakeVideoProvider() {
            Duration every = Duration.ofMillis(150);
            return new FakeVideoProvider(FakeScript.succeedAfterPolls(5),
                    new PollingPolicy(every, every, 1.0, every, 0.0, Integer.MAX_VALUE, Duration.ofMinutes(1)), "fake-secret");
        }

        @Bean
        VideoClientCustomizer useScriptableFake(FakeVideoProvider fake) {
            return builder -> builder.provider(fake);
        }
    }
}
