package dev.videosdk;

/**
 * What a create call (the call that may start a paid job) is known to have done. It decides
 * whether the SDK may retry the call or fall back to another provider (see LIFECYCLE.md §2).
 */
public enum CreateOutcome {
    /** The provider answered with a job id: a job exists. */
    ACCEPTED,
    /**
     * No job can exist: the request never reached the provider, or the provider's answer says it was
     * not accepted (429, 4xx, a documented "not accepted" code, a CDN answer proving the origin never
     * saw it). Safe to retry or to send elsewhere.
     */
    NOT_ACCEPTED,
    /**
     * A job may exist: the request was sent and the answer was lost or ambiguous (500, 502, 503,
     * 504, 520, 524, a timeout or reset after sending, a stalled body). Never retried and never sent
     * to a fallback provider, so it cannot be paid twice.
     */
    UNKNOWN
}
