package dev.videosdk.spring;

import dev.videosdk.BlockingVideoClient;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoEventListener;
import dev.videosdk.Webhooks;
import dev.videosdk.micrometer.VideoSdkMetrics;
import dev.videosdk.spring.internal.ClientSettings;
import dev.videosdk.spring.internal.CompositeEventListener;
import dev.videosdk.spring.internal.ProviderErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link VideoClient} from the {@code videosdk.*} properties ({@link VideoSdkProperties})
 * and, when their libraries are present: the webhook endpoint ({@link VideoSdkWebhookController}, Spring
 * MVC), the health indicator {@code videoSdk} ({@link VideoSdkHealthIndicator}, Actuator) and
 * {@link VideoSdkMetrics} (video-sdk-micrometer and a {@link MeterRegistry} bean).
 *
 * <p>Every {@link VideoEventListener} bean receives the client's events; every
 * {@link VideoClientCustomizer} bean adjusts the builder. The client is closed when the context closes,
 * with the SDK's close semantics (remote cancels already requested finish within
 * {@code videosdk.close-timeout}; pending waits fail with a resumable error). Declare your own
 * {@code VideoClient} bean to replace it. Turn it all off with {@code videosdk.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnProperty(prefix = "videosdk", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(VideoSdkProperties.class)
public class VideoSdkAutoConfiguration {

    /** Needed by Spring. */
    public VideoSdkAutoConfiguration() {
    }

    /** The client; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VideoClient videoClient(VideoSdkProperties properties, ObjectProvider<VideoEventListener> listeners,
            ObjectProvider<VideoClientCustomizer> customizers) {
        VideoClient.Builder builder = ClientSettings.apply(properties, VideoClient.environment(), VideoClient.builder());
        builder.eventListener(CompositeEventListener.of(listeners.orderedStream().collect(Collectors.toList())));
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The blocking view of the client ({@link VideoClient#blocking()}): the same calls, throwing the
     * {@code VideoException} itself. Not closed on its own: the context closes the client behind it.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public BlockingVideoClient blockingVideoClient(VideoClient client) {
        return client.blocking();
    }

    /** The last errors per provider, for the health indicator. */
    @Bean
    @ConditionalOnMissingBean
    ProviderErrors videoSdkProviderErrors() {               // package-private: ProviderErrors is not API
        return new ProviderErrors(Clock.systemUTC());
    }

    /** Actuator health, when Spring Boot's health module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "videoSdkHealthIndicator")
        VideoSdkHealthIndicator videoSdkHealthIndicator(VideoClient client, ProviderErrors errors) {
            return new VideoSdkHealthIndicator(client, errors);
        }
    }

    /** Metrics and observations, when video-sdk-micrometer and a MeterRegistry are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({VideoSdkMetrics.class, MeterRegistry.class})
    static class Metrics {
        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        VideoSdkMetrics videoSdkMetrics(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
            return new VideoSdkMetrics(meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }

    /** The webhook endpoint, in a Spring MVC application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnProperty(prefix = "videosdk.webhook", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Webhook {
        @Bean
        @ConditionalOnMissingBean
        VideoSdkWebhookController videoSdkWebhookController(VideoClient client, ObjectProvider<Webhooks> receiver) {
            return new VideoSdkWebhookController(client, receiver.getIfAvailable(client::webhooks));
        }
    }
}
