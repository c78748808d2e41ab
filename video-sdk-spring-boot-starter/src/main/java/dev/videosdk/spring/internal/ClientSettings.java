package dev.videosdk.spring.internal;

import dev.videosdk.PollingPolicy;
import dev.videosdk.RetryPolicy;
import dev.videosdk.VideoClient;
import dev.videosdk.spring.VideoSdkProperties;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Applies {@code videosdk.*} properties to a {@link VideoClient.Builder}. Not API. */
public final class ClientSettings {
    private ClientSettings() {
    }

    /** Sets on {@code builder} every property that is set; the process environment first when asked. */
    public static VideoClient.Builder apply(VideoSdkProperties p, Map<String, String> processEnv, VideoClient.Builder builder) {
        if (p.isUseProcessEnvironment()) {
            builder.env(processEnv);
        }
        p.getEnv().forEach((k, v) -> builder.setting(k.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'), v));
        if (p.getDefaultProvider() != null && !p.getDefaultProvider().isBlank()) {
            builder.defaultProvider(p.getDefaultProvider());
        }
        if (!p.getFallback().isEmpty()) {
            builder.fallback(p.getFallback().toArray(String[]::new));
        }
        ifSet(p.getRequestTimeout(), builder::requestTimeout);
        ifSet(p.getMaxConcurrentRequests(), builder::maxConcurrentRequests);
        ifSet(p.getBodyIdleTimeout(), builder::bodyIdleTimeout);
        ifSet(p.getCloseTimeout(), builder::closeTimeout);
        ifSet(p.getMaxDownloadBytes(), builder::maxDownloadBytes);
        ifSet(p.getDownloadResumes(), builder::downloadResumes);
        builder.retryPolicy(retry(p.getRetry()));
        p.getProviders().forEach((id, provider) -> {
            ifSet(provider.getMaxJobsInFlight(), n -> builder.maxJobsInFlight(id, n));
            ifSet(provider.getMaxConcurrentRequests(), n -> builder.maxConcurrentRequests(id, n));
            if (isSet(provider.getPolling())) {
                builder.polling(id, polling(provider.getPolling()));
            }
        });
        return builder;
    }

    /** RetryPolicy.defaults() with the set fields replaced. */
    static RetryPolicy retry(VideoSdkProperties.Retry r) {
        RetryPolicy d = RetryPolicy.defaults();
        return new RetryPolicy(or(r.getMaxRetries(), d.maxRetries()), or(r.getInitialBackoff(), d.initialBackoff()),
                or(r.getMaxBackoff(), d.maxBackoff()), or(r.getMaxRetryAfter(), d.maxRetryAfter()));
    }

    /** PollingPolicy.defaults() with the set fields replaced; maxInterval follows a larger interval. */
    static PollingPolicy polling(VideoSdkProperties.Polling s) {
        PollingPolicy d = PollingPolicy.defaults();
        java.time.Duration interval = or(s.getInterval(), d.interval());
        java.time.Duration maxInterval = s.getMaxInterval() != null ? s.getMaxInterval()
                : interval.compareTo(d.maxInterval()) > 0 || s.getMultiplier() != null && s.getMultiplier() == 1.0
                ? interval : d.maxInterval();
        return new PollingPolicy(or(s.getInitialDelay(), interval), interval, or(s.getMultiplier(), d.multiplier()),
                maxInterval, d.jitter(), or(s.getMaxAttempts(), d.maxAttempts()), or(s.getTimeout(), d.timeout()));
    }

    private static boolean isSet(VideoSdkProperties.Polling s) {
        return s.getInitialDelay() != null || s.getInterval() != null || s.getMultiplier() != null
                || s.getMaxInterval() != null || s.getTimeout() != null || s.getMaxAttempts() != null;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> void ifSet(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
