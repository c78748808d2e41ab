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
 * the service once): a random port, storage under {@code target/}, a fast page, and a
 * {@link FakeVideoProvider} the tests can script (succeeds on its 5th check, 150 ms apart, 20/40/60/80 %).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videosdk.use-process-environment=false", "videosdk.default-provider=fake",
        "app.storage-path=target/test-storage", "app.page-poll-interval=150ms"})
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
