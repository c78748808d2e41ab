package dev.videosdk.spring;

import dev.videosdk.VideoClient;
import dev.videosdk.jobs.PostProcessingStep;
import dev.videosdk.jobs.Pricing;
import dev.videosdk.Webhooks;
import dev.videosdk.jobs.VideoQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the durable {@link VideoQueue} (video-sdk-jobs) on the application's {@link DataSource}
 * (PostgreSQL or H2) and the auto-configured {@link VideoClient}, from the {@code videosdk.queue.*}
 * properties ({@link VideoQueueProperties}). A {@link Pricing} bean sets the credits per generation and
 * {@link PostProcessingStep} beans run after each download, in their order.
 *
 * <p>The queue creates or migrates its tables when the context starts, starts this instance's workers
 * (unless {@code videosdk.queue.start=false}) and stops them when the context closes; stored jobs stay in
 * the database. Declare your own {@code VideoQueue} bean to replace it; turn it off with
 * {@code videosdk.queue.enabled=false}.
 */
@AutoConfiguration(after = VideoSdkAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(VideoQueue.class)
@ConditionalOnBean({VideoClient.class, DataSource.class})
@ConditionalOnProperty(prefix = "videosdk.queue", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(VideoQueueProperties.class)
public class VideoQueueAutoConfiguration {

    /** Needed by Spring. */
    public VideoQueueAutoConfiguration() {
    }

    /**
     * The queue, built and (by default) started; closed with the context.
     *
     * @throws IllegalStateException when the database cannot be reached or is not PostgreSQL or H2
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VideoQueue videoQueue(VideoClient client, DataSource dataSource, VideoQueueProperties properties,
            ObjectProvider<Pricing> pricing, ObjectProvider<PostProcessingStep> steps) {
        VideoQueue.Builder builder = VideoQueue.builder().client(client).dataSource(dataSource);
        PropertyMapper map = PropertyMapper.get();
        map.from(properties::getWorkers).to(builder::workers);
        map.from(properties::getPollInterval).to(builder::pollInterval);
        map.from(properties::getRetryDelay).to(builder::retryDelay);
        map.from(properties::getSchedulerPollingInterval).to(builder::schedulerPollingInterval);
        map.from(properties::getMaxCreateAttempts).to(builder::maxCreateAttempts);
        map.from(properties::getWorkDirectory).to(builder::workDirectory);
        map.from(properties::getShutdownWait).to(builder::shutdownWait);
        map.from(properties::getRetention).to(builder::retention);
        map.from(properties::getInstanceName).to(builder::instanceName);
        properties.getMaxJobsInFlight().forEach(builder::maxJobsInFlight);
        pricing.ifAvailable(builder::pricing);
        steps.orderedStream().forEach(builder::step);
        VideoQueue queue = builder.build();
        return properties.isStart() ? queue.start() : queue;
    }

    /**
     * Routes the starter's webhook endpoint through the queue, so a verified callback received by any instance
     * also wakes the queued job it names ({@link VideoQueue#webhook(String, java.util.Map, byte[])}, ADR 1004).
     * Declare your own {@link Webhooks} bean to route callbacks differently.
     */
    @Bean
    @ConditionalOnMissingBean(Webhooks.class)
    public Webhooks videoSdkQueueWebhooks(VideoQueue queue) {
        return queue::webhook;
    }
}
