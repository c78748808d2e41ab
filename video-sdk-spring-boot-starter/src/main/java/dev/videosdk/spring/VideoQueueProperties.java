package dev.videosdk.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code videosdk.queue.*} properties of the auto-configured {@code VideoQueue} (video-sdk-jobs). Unset
 * properties keep the queue builder's defaults.
 *
 * <pre>
 * videosdk.queue.workers=8
 * videosdk.queue.poll-interval=10s
 * videosdk.queue.max-jobs-in-flight.kling=5
 * videosdk.queue.work-directory=/var/lib/videos
 * </pre>
 */
@ConfigurationProperties(prefix = "videosdk.queue")
@SuppressWarnings("missing-explicit-ctor") // Spring binds it (and its nested groups) through the default constructors
public class VideoQueueProperties {

    /** Whether to auto-configure a VideoQueue when video-sdk-jobs and a DataSource are present. */
    private boolean enabled = true;

    /** Whether this instance runs workers; an instance that only enqueues sets false. */
    private boolean start = true;

    /** Worker threads of this instance (queue default 8). */
    private Integer workers;

    /** Time between status checks of a waiting job (queue default 10s). */
    private Duration pollInterval;

    /** Wait before retrying a create that was not accepted or a failed check (queue default 5s). */
    private Duration retryDelay;

    /** How often idle workers look for due jobs in the database (queue default 1s). */
    private Duration schedulerPollingInterval;

    /** Create calls per job that were not accepted before it fails (queue default 3). */
    private Integer maxCreateAttempts;

    /** At most this many jobs per provider id between create and completion, across the cluster. */
    private Map<String, Integer> maxJobsInFlight = new LinkedHashMap<>();

    /** Where videos are downloaded ({dir}/{queue id}/video.mp4); unset: no download. */
    private Path workDirectory;

    /** How long closing the queue waits for running steps (queue default 30s). */
    private Duration shutdownWait;

    /** How long final records and ledger entries are kept (queue default 30 days). */
    private Duration retention;

    /** This instance's name in the scheduler table (queue default vsdk- and a random suffix). */
    private String instanceName;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isStart() {
        return start;
    }

    public void setStart(boolean start) {
        this.start = start;
    }

    public Integer getWorkers() {
        return workers;
    }

    public void setWorkers(Integer workers) {
        this.workers = workers;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getSchedulerPollingInterval() {
        return schedulerPollingInterval;
    }

    public void setSchedulerPollingInterval(Duration schedulerPollingInterval) {
        this.schedulerPollingInterval = schedulerPollingInterval;
    }

    public Integer getMaxCreateAttempts() {
        return maxCreateAttempts;
    }

    public void setMaxCreateAttempts(Integer maxCreateAttempts) {
        this.maxCreateAttempts = maxCreateAttempts;
    }

    public Map<String, Integer> getMaxJobsInFlight() {
        return maxJobsInFlight;
    }

    public void setMaxJobsInFlight(Map<String, Integer> maxJobsInFlight) {
        this.maxJobsInFlight = maxJobsInFlight;
    }

    public Path getWorkDirectory() {
        return workDirectory;
    }

    public void setWorkDirectory(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    public Duration getShutdownWait() {
        return shutdownWait;
    }

    public void setShutdownWait(Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }
}
