package dev.videosdk.examples.spring;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.jobs.QueueState;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Errors in words a person understands (the page shows these). */
final class Messages {
    static final String CONTENT = "The video service refused this prompt or image for content reasons. Please change it and try again.";
    static final String TIMEOUT = "The video is taking longer than expected. It may still finish; please check again later.";
    static final String BUSY = "The video service is busy right now. Please try again in a few minutes.";
    static final String QUOTA = "The video service account has run out of credits. Please tell the site's operator.";
    static final String SETUP = "This server is not set up correctly for the chosen video service. Please tell the site's operator.";
    static final String FAILED = "The video could not be made. Please try again.";

    /**
     * Words for a stored error code (the provider's code, or the SDK's exception type when the provider gave
     * none), by the words such codes contain; the first match wins.
     */
    private static final List<Map.Entry<List<String>, String>> BY_CODE = List.of(
            Map.entry(List.of("content", "policy", "moderation", "safety", "nsfw", "sensitive"), CONTENT),
            Map.entry(List.of("timeout", "timed_out", "expired"), TIMEOUT),
            Map.entry(List.of("ratelimit", "rate_limit", "unavailable", "busy", "overload", "capacity"), BUSY),
            Map.entry(List.of("quota", "insufficient", "balance", "billing"), QUOTA),
            Map.entry(List.of("authentication", "permission", "configuration", "unauthorized", "forbidden"), SETUP));

    private Messages() {
    }

    /** Words for a task that ended other than succeeded, from its state and stored error code. */
    static String forRecord(QueueState state, String errorCode) {
        if (state == QueueState.CANCELLED) {
            return "The video was cancelled.";
        }
        if (state == QueueState.ABANDONED) {
            return "The video could not be made, and your credits were returned. Please try again.";
        }
        String code = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
        return BY_CODE.stream().filter(e -> e.getKey().stream().anyMatch(code::contains)).map(Map.Entry::getValue)
                .findFirst().orElse(FAILED);
    }

    static String forUser(Throwable error) {
        if (error instanceof ContentPolicyException) {
            return CONTENT;
        }
        if (error instanceof InvalidRequestException) {
            return "This request cannot be made: " + error.getMessage();
        }
        if (error instanceof GenerationTimeoutException) {
            return TIMEOUT;
        }
        if (error instanceof RateLimitException || error instanceof ProviderUnavailableException) {
            return BUSY;
        }
        if (error instanceof QuotaExceededException) {
            return QUOTA;
        }
        if (error instanceof AuthenticationException || error instanceof PermissionDeniedException
                || error instanceof ConfigurationException) {
            return SETUP;
        }
        if (error instanceof GenerationFailedException) {
            return "The video could not be made: " + error.getMessage();
        }
        return "Something went wrong while making the video. Please try again.";
    }
}
