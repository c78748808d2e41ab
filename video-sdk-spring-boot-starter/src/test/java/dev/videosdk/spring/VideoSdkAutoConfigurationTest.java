package dev.videosdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ClientClosedException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.micrometer.VideoSdkMetrics;
import dev.videosdk.spring.internal.ProviderErrors;
import dev.videosdk.testing.FakeScript;
import dev.videosdk.testing.FakeVideoProvider;
import dev.videosdk.testing.VirtualTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class VideoSdkAutoConfigurationTest {
    /** The fake provider (video-sdk-testing) is found on the class path and named (it is never a default on its own); the process environment is not read. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VideoSdkAutoConfiguration.class))
            .withPropertyValues("videosdk.use-process-environment=false");
    private final ApplicationContextRunner fakeRunner = runner.withPropertyValues("videosdk.default-provider=fake");

    @Test
    void contextLoads_withoutMicrometer_clientAndHealthButNoMetrics() {
        fakeRunner.withClassLoader(new FilteredClassLoader(VideoSdkMetrics.class)).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(VideoClient.class).hasSingleBean(VideoSdkHealthIndicator.class)
                    .doesNotHaveBean("videoSdkMetrics");
            assertThat(ctx.getBean(VideoClient.class).providers()).contains("fake");
            // the blocking view of that same client
            assertThat(ctx).hasSingleBean(dev.videosdk.BlockingVideoClient.class);
            assertThat(ctx.getBean(dev.videosdk.BlockingVideoClient.class).providers())
                    .isEqualTo(ctx.getBean(VideoClient.class).providers());
        });
    }

    @Test
    void contextLoads_withoutActuatorHealth_noHealthIndicator() {
        fakeRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoClient.class)
                        .doesNotHaveBean(VideoSdkHealthIndicator.class));
    }

    @Test
    void contextLoads_withMeterRegistry_bindsMetricsAsListener() {
        fakeRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(VideoSdkMetrics.class);
            assertThat(ctx.getBean(MeterRegistry.class).find(VideoSdkMetrics.ACTIVE).gauge()).isNotNull();
        });
    }

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VideoSdkAutoConfiguration.class))
            .withPropertyValues("videosdk.use-process-environment=false", "videosdk.default-provider=fake");

    @Test
    void webApplication_registersWebhookEndpoint_unlessTurnedOffOrWithoutSpringMvc() {
        webRunner.run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(VideoSdkWebhookController.class));
        webRunner.withPropertyValues("videosdk.webhook.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoSdkWebhookController.class));
        webRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoSdkWebhookController.class));
    }

    @Test
    void nonWebApplication_noWebhookEndpoint() {
        fakeRunner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoSdkWebhookController.class));
    }

    @Test
    void disabled_noClient() {
        fakeRunner.withPropertyValues("videosdk.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(VideoClient.class));
    }

    @Test
    void unknownDefaultProvider_failsStartupNamingIt() {
        fakeRunner.withPropertyValues("videosdk.default-provider=nope").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(VideoException.class).hasMessageContaining("nope");
        });
    }

    @Test
    void properties_bindAndReachTheBuilder() {
        runner.withBean(VideoClientCustomizer.class, () -> b -> b.provider(new FakeVideoProvider("fake2",
                        FakeScript.succeedAfterPolls(1), PollingPolicy.fixed(Duration.ofSeconds(1)), "s")))
                .withPropertyValues("videosdk.env.video-provider=fake2", "videosdk.fallback=fake2,fake",
                        "videosdk.request-timeout=7s", "videosdk.providers.fake.max-jobs-in-flight=3",
                        "videosdk.providers.fake.polling.interval=2s", "videosdk.providers.fake.polling.timeout=1m",
                        "videosdk.retry.max-retries=1", "videosdk.webhook.path=/hooks")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    VideoSdkProperties p = ctx.getBean(VideoSdkProperties.class);
                    assertThat(p.getEnv()).containsEntry("video-provider", "fake2");
                    assertThat(p.getFallback()).containsExactly("fake2", "fake");
                    assertThat(p.getRequestTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(p.getProviders().get("fake").getMaxJobsInFlight()).isEqualTo(3);
                    assertThat(p.getProviders().get("fake").getPolling().getInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getRetry().getMaxRetries()).isEqualTo(1);
                    assertThat(p.getWebhook().getPath()).isEqualTo("/hooks");
                    // the env-style key reached the builder as VIDEO_PROVIDER; the customizer added fake2
                    VideoClient client = ctx.getBean(VideoClient.class);
                    assertThat(client.defaultProvider()).isEqualTo("fake2");
                    assertThat(client.providers()).containsExactlyInAnyOrder("fake", "fake2");
                });
    }

    @Test
    void health_upWithProvidersAndLastErrors() {
        runner.withPropertyValues("videosdk.default-provider=fake").run(ctx -> {
            ctx.getBean(ProviderErrors.class).record("fake",
                    new dev.videosdk.RateLimitException("slow down", dev.videosdk.ErrorContext.of("fake", 429, "rate", "req-1"), null, null));
            Health health = ctx.getBean(VideoSdkHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("defaultProvider", "fake")
                    .containsEntry("providers", java.util.Set.of("fake")).containsEntry("unconfigured", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, List<Map<String, Object>>> errors = (Map<String, List<Map<String, Object>>>) health.getDetails().get("lastErrors");
            assertThat(errors.get("fake")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("type", "RateLimitException").containsEntry("httpStatus", 429).containsEntry("code", "rate"));
        });
    }

    @Test
    void shutdown_jobInFlight_failsWithTypedResumableError() throws Exception {
        AtomicReference<CompletableFuture<VideoResult>> pending = new AtomicReference<>();
        VirtualTime time = VirtualTime.start();
        FakeVideoProvider fake = new FakeVideoProvider("slow", FakeScript.neverFinish(),
                PollingPolicy.fixed(Duration.ofSeconds(10)), "s");
        runner.withBean(VideoClientCustomizer.class, () -> b -> b.provider(fake).clock(time.clock()).scheduler(time.scheduler()))
                .withPropertyValues("videosdk.default-provider=slow")
                .run(ctx -> {
                    CompletableFuture<VideoResult> f = ctx.getBean(VideoClient.class).generate(VideoRequest.text("a slow job").build());
                    time.advance(Duration.ofSeconds(30));
                    assertThat(f).isNotDone();
                    pending.set(f);
                });
        // the context is closed now: the wait must end with a typed error, not hang
        assertThatThrownBy(() -> pending.get().get(3, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ClientClosedException.class);
    }

    @Test
    void metrics_recordedForAJobOnTheFakeProvider() {
        VirtualTime time = VirtualTime.start();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(VideoClientCustomizer.class, () -> b -> b.clock(time.clock()).scheduler(time.scheduler()))
                .withPropertyValues("videosdk.default-provider=fake")
                .run(ctx -> {
                    VideoResult result = time.run(ctx.getBean(VideoClient.class).generate(VideoRequest.text("a kite").build()));
                    assertThat(result.assets()).isNotEmpty();
                    MeterRegistry meters = ctx.getBean(MeterRegistry.class);
                    assertThat(meters.get(VideoSdkMetrics.RUNS).tags("provider", "fake", "outcome", "succeeded").timer().count())
                            .isEqualTo(1);
                });
    }
}
