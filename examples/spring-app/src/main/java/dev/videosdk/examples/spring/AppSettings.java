package dev.videosdk.examples.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The example's own settings ({@code app.*}).
 *
 * @param storagePath         where finished videos are kept, as {@code {userId}/videos/{taskId}.mp4}
 * @param initialCredits      credits a new user starts with
 * @param creditsPerGeneration credits one generation costs (the seeds: 10)
 * @param pagePollInterval    how often the web page asks for a task's status
 */
@ConfigurationProperties(prefix = "app")
public record AppSettings(Path storagePath, int initialCredits, int creditsPerGeneration, Duration pagePollInterval) {
}
