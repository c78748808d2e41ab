package dev.videosdk.examples.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The example's own settings ({@code app.*}). Where tasks, credits and videos live is the starter's:
 * {@code spring.datasource.*}, {@code videosdk.queue.*}, {@code videosdk.storage.*}.
 *
 * @param initialCredits       credits a new user's account is opened with
 * @param creditsPerGeneration credits one generation costs (the seeds: 10), reserved by the queue at enqueue
 * @param pagePollInterval     how often the web page asks for a task's status
 */
@ConfigurationProperties(prefix = "app")
public record AppSettings(int initialCredits, int creditsPerGeneration, Duration pagePollInterval) {
}
