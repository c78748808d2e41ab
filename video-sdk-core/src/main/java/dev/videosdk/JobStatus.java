package dev.videosdk;

import dev.videosdk.internal.ValueAccess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation of a job: its state, progress, and on success its assets, on failure its error.
 *
 * <p>Build one with the short factories ({@link #queued()}, {@link #running(Integer)},
 * {@link #succeeded(List)}, {@link #failed(VideoException)}, {@link #cancelled(String)}) or
 * {@link #builder()}; copy with {@link #toBuilder()}. A status from a provider also carries
 * bookkeeping (the provider's answer as JSON text, its "look again after" hint) that is not part of
 * this API: providers and the engine reach it through {@link dev.videosdk.spi.ProviderData}.
 * {@link #equals} and {@link #hashCode} include it; {@link #toString()} does not.
 */
public final class JobStatus {
    static {
        ValueAccess.register(new ValueAccess.Statuses() {
            @Override
            public String rawJson(JobStatus status) {
                return status.rawJson;
            }

            @Override
            public Duration pollAfter(JobStatus status) {
                return status.pollAfter;
            }

            @Override
            public JobStatus with(JobStatus status, String rawJson, Duration pollAfter) {
                Builder b = status.toBuilder();
                b.rawJson = rawJson;
                b.pollAfter = pollAfter;
                return b.build();
            }
        });
    }

    private final JobState state;
    private final Integer progress;
    private final String message;
    private final List<VideoAsset> assets;
    private final VideoException error;
    private final String rawStatus;
    private final String rawJson;
    private final Duration pollAfter;
    private final Cost cost;

    private JobStatus(Builder b) {
        Objects.requireNonNull(b.state, "state");
        List<VideoAsset> copied = List.copyOf(b.assets == null ? List.of() : b.assets);
        Integer clamped = b.progress;
        if (clamped != null && (clamped < 0 || clamped > 100)) {
            clamped = Math.max(0, Math.min(100, clamped));
        }
        if (b.state == JobState.SUCCEEDED && copied.isEmpty()) {
            throw new IllegalArgumentException("a succeeded status must have assets, but had none");
        }
        if (b.state == JobState.FAILED && b.error == null) {
            throw new IllegalArgumentException("a failed status must have an error, but had none");
        }
        this.state = b.state;
        this.progress = clamped;
        this.message = b.message;
        this.assets = copied;
        this.error = b.error;
        this.rawStatus = b.rawStatus;
        this.rawJson = b.rawJson;
        this.pollAfter = b.pollAfter;
        this.cost = b.cost;
    }

    /** Accepted, not started. */
    public static JobStatus queued() {
        return builder().state(JobState.QUEUED).build();
    }

    /** Running, with percent done if known (else null). */
    public static JobStatus running(Integer progress) {
        return builder().state(JobState.RUNNING).progress(progress).build();
    }

    /** Finished with these assets (at least one). */
    public static JobStatus succeeded(List<VideoAsset> assets) {
        return builder().state(JobState.SUCCEEDED).progress(100).assets(assets).build();
    }

    /** Failed with this error. */
    public static JobStatus failed(VideoException error) {
        return builder().state(JobState.FAILED).message(error.getMessage()).error(error).build();
    }

    /** Cancelled. */
    public static JobStatus cancelled(String message) {
        return builder().state(JobState.CANCELLED).message(message).build();
    }

    /** An empty builder; {@code state} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this status's values (bookkeeping included). */
    public Builder toBuilder() {
        Builder b = new Builder().state(state).progress(progress).message(message).assets(assets).error(error)
                .rawStatus(rawStatus).cost(cost);
        b.rawJson = rawJson;
        b.pollAfter = pollAfter;
        return b;
    }

    /** Where the job is. */
    public JobState state() {
        return state;
    }

    /** Percent done, 0–100, or null if the provider does not say. */
    public Integer progress() {
        return progress;
    }

    /** The provider's status text or reason, or null. */
    public String message() {
        return message;
    }

    /** Produced files (non-empty when {@link JobState#SUCCEEDED}, else usually empty); unmodifiable. */
    public List<VideoAsset> assets() {
        return assets;
    }

    /** Why it failed (when {@link JobState#FAILED}), else null. */
    public VideoException error() {
        return error;
    }

    /** The provider's own status word, e.g. {@code "in_progress"}, or null. */
    public String rawStatus() {
        return rawStatus;
    }

    /**
     * What the provider says the job cost (its own unit, e.g. credits), or null when it does not say;
     * set by providers with {@link #withCost(Cost)}; the core never guesses it.
     */
    public Cost cost() {
        return cost;
    }

    /** This status with a message. */
    public JobStatus withMessage(String newMessage) {
        return toBuilder().message(newMessage).build();
    }

    /**
     * This status with the cost the provider reported for the job (e.g. Runway's {@code cost.credits},
     * Kling's {@code final_unit_deduction}); null for none.
     */
    public JobStatus withCost(Cost reported) {
        return toBuilder().cost(reported).build();
    }

    /** The cost the provider reported, if it did. */
    public Optional<Cost> costIfReported() {
        return Optional.ofNullable(cost);
    }

    /** True when the job will not change any more. */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JobStatus s && state == s.state && Objects.equals(progress, s.progress)
                && Objects.equals(message, s.message) && assets.equals(s.assets) && Objects.equals(error, s.error)
                && Objects.equals(rawStatus, s.rawStatus) && Objects.equals(rawJson, s.rawJson)
                && Objects.equals(pollAfter, s.pollAfter) && Objects.equals(cost, s.cost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, progress, message, assets, error, rawStatus, rawJson, pollAfter, cost);
    }

    @Override
    public String toString() {
        return "JobStatus[state=" + state + ", progress=" + progress + ", message=" + message + ", assets=" + assets
                + ", error=" + error + ", rawStatus=" + rawStatus + ", cost=" + cost + "]";
    }

    /** Builds a {@link JobStatus}; not thread-safe. */
    public static final class Builder {
        private JobState state;
        private Integer progress;
        private String message;
        private List<VideoAsset> assets;
        private VideoException error;
        private String rawStatus;
        private String rawJson;
        private Duration pollAfter;
        private Cost cost;

        private Builder() {
        }

        /** Where the job is (required). */
        public Builder state(JobState value) {
            this.state = value;
            return this;
        }

        /** Percent done, or null if unknown; values outside 0–100 are clamped. */
        public Builder progress(Integer value) {
            this.progress = value;
            return this;
        }

        /** The provider's status text or reason, or null. */
        public Builder message(String value) {
            this.message = value;
            return this;
        }

        /** Produced files (at least one when the state is {@link JobState#SUCCEEDED}); null for none. */
        public Builder assets(List<VideoAsset> value) {
            this.assets = value;
            return this;
        }

        /** Why it failed (required when the state is {@link JobState#FAILED}). */
        public Builder error(VideoException value) {
            this.error = value;
            return this;
        }

        /** The provider's own status word, or null. */
        public Builder rawStatus(String value) {
            this.rawStatus = value;
            return this;
        }

        /** The cost the provider reported, or null. */
        public Builder cost(Cost value) {
            this.cost = value;
            return this;
        }

        /**
         * The status.
         *
         * @throws NullPointerException     naming {@code state} if unset
         * @throws IllegalArgumentException if a succeeded status has no assets or a failed one no error
         */
        public JobStatus build() {
            return new JobStatus(this);
        }
    }
}
