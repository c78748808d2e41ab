package dev.videosdk.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code videosdk.*} properties. They mirror the SDK's environment variables and builder
 * settings; unset properties keep the SDK's defaults.
 *
 * <pre>
 * # the default provider (VIDEO_PROVIDER)
 * videosdk.default-provider=kling
 * # any provider variable, by its environment name
 * videosdk.env.KLING_ACCESS_KEY=${KLING_AK}
 * videosdk.env.KLING_SECRET_KEY=${KLING_SK}
 * videosdk.fallback=kling,kie
 * videosdk.providers.kling.max-jobs-in-flight=5
 * videosdk.providers.kling.polling.interval=10s
 * videosdk.providers.kling.polling.timeout=5m
 * videosdk.retry.max-retries=2
 * # the webhook endpoint: POST {path}/{provider}
 * videosdk.webhook.path=/videosdk/webhooks
 * </pre>
 */
@ConfigurationProperties(prefix = "videosdk")
@SuppressWarnings("missing-explicit-ctor") // Spring binds it (and its nested groups) through the default constructors
public class VideoSdkProperties {

    /** Whether to auto-configure a VideoClient at all. */
    private boolean enabled = true;

    /** Default provider id (VIDEO_PROVIDER); without it, the only provider on the class path. */
    private String defaultProvider;

    /**
     * Provider settings by their environment-variable names (KLING_API_KEY, OPENAI_BASE_URL, ...). A
     * comma-separated key is a key pool. Names are upper-cased and '-' or '.' become '_'. Win over the
     * process environment.
     */
    private Map<String, String> env = new LinkedHashMap<>();

    /** Whether the process environment is read too (as VideoClient.fromEnv() does). */
    private boolean useProcessEnvironment = true;

    /** Providers tried in turn when a create call was not accepted (never after a job was accepted). */
    private List<String> fallback = new ArrayList<>();

    /** Settings per provider id. */
    private Map<String, Provider> providers = new LinkedHashMap<>();

    /** Response timeout of one HTTP call (SDK default 60s). */
    private Duration requestTimeout;

    /** Most provider calls in flight at once across providers (SDK default 64). */
    private Integer maxConcurrentRequests;

    /** Longest silence while a reply body is read (SDK default 30s). */
    private Duration bodyIdleTimeout;

    /** How long closing the client waits for remote cancels already requested (SDK default 5s). */
    private Duration closeTimeout;

    /** Largest download in bytes (SDK default 4 GiB). */
    private Long maxDownloadBytes;

    /** How many times a dropped download is resumed (SDK default 3). */
    private Integer downloadResumes;

    /** Retries of single HTTP calls. */
    private final Retry retry = new Retry();

    /** The callback endpoint. */
    private final Webhook webhook = new Webhook();

    /** Settings of one provider. */
    public static class Provider {
        /** At most this many jobs of the provider generating at once; more wait in FIFO order. */
        private Integer maxJobsInFlight;

        /** Most calls in flight at once to this provider. */
        private Integer maxConcurrentRequests;

        /** Polling of this provider's jobs; unset fields keep the SDK's defaults. */
        private final Polling polling = new Polling();

        public Integer getMaxJobsInFlight() {
            return maxJobsInFlight;
        }

        public void setMaxJobsInFlight(Integer maxJobsInFlight) {
            this.maxJobsInFlight = maxJobsInFlight;
        }

        public Integer getMaxConcurrentRequests() {
            return maxConcurrentRequests;
        }

        public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        public Polling getPolling() {
            return polling;
        }
    }

    /**
     * A polling policy. When any field is set, the provider's policy becomes the SDK default
     * (PollingPolicy.defaults()) with the set fields replaced.
     */
    public static class Polling {
        /** Wait before the first status check. */
        private Duration initialDelay;
        /** Wait between checks. */
        private Duration interval;
        /** Growth of the wait per check (1 = fixed). */
        private Double multiplier;
        /** Largest wait between checks. */
        private Duration maxInterval;
        /** Overall deadline from submission. */
        private Duration timeout;
        /** Most status checks. */
        private Integer maxAttempts;

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /** Retries of single HTTP calls; unset fields keep RetryPolicy.defaults(). */
    public static class Retry {
        /** Retries after the first try; 0 disables them. */
        private Integer maxRetries;
        /** Backoff ceiling of the first retry. */
        private Duration initialBackoff;
        /** Largest backoff ceiling. */
        private Duration maxBackoff;
        /** Longest provider-requested wait (Retry-After) honoured. */
        private Duration maxRetryAfter;

        public Integer getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** The callback endpoint. */
    public static class Webhook {
        /** Whether to register POST {path}/{provider} (needs Spring MVC). */
        private boolean enabled = true;
        /** Base path of the endpoint; the provider id follows it. */
        private String path = "/videosdk/webhooks";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDefaultProvider() {
        return defaultProvider;
    }

    public void setDefaultProvider(String defaultProvider) {
        this.defaultProvider = defaultProvider;
    }

    public Map<String, String> getEnv() {
        return env;
    }

    public void setEnv(Map<String, String> env) {
        this.env = env;
    }

    public boolean isUseProcessEnvironment() {
        return useProcessEnvironment;
    }

    public void setUseProcessEnvironment(boolean useProcessEnvironment) {
        this.useProcessEnvironment = useProcessEnvironment;
    }

    public List<String> getFallback() {
        return fallback;
    }

    public void setFallback(List<String> fallback) {
        this.fallback = fallback;
    }

    public Map<String, Provider> getProviders() {
        return providers;
    }

    public void setProviders(Map<String, Provider> providers) {
        this.providers = providers;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Duration getBodyIdleTimeout() {
        return bodyIdleTimeout;
    }

    public void setBodyIdleTimeout(Duration bodyIdleTimeout) {
        this.bodyIdleTimeout = bodyIdleTimeout;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    public Long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    public void setMaxDownloadBytes(Long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public Integer getDownloadResumes() {
        return downloadResumes;
    }

    public void setDownloadResumes(Integer downloadResumes) {
        this.downloadResumes = downloadResumes;
    }

    public Retry getRetry() {
        return retry;
    }

    public Webhook getWebhook() {
        return webhook;
    }
}
