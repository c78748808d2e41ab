package dev.videosdk;

import dev.videosdk.internal.JobTokens;
import dev.videosdk.internal.ValueAccess;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job a provider accepted. Store {@link #toToken()} (for example in a database) and call
 * {@link VideoClient#await(VideoJob)} with {@link #fromToken(String)} after a restart to collect
 * the result without paying for a new job.
 *
 * <p>Build one with {@link #of} or {@link #builder()}; copy with {@link #toBuilder()}. The job also
 * carries provider bookkeeping (the label of the API key that created it, so status, download and
 * cancel calls stay on that key, and what the provider needs to resume, e.g. which endpoint family
 * created it). It is not part of this API: providers reach it through
 * {@link dev.videosdk.spi.ProviderData}; {@link #toToken()} keeps it. {@link #equals} and
 * {@link #hashCode} include it (two jobs that would poll with different keys are different);
 * {@link #toString()} shows only the public components.
 */
public final class VideoJob {
    static {
        ValueAccess.register(new ValueAccess.Jobs() {
            @Override
            public String keyId(VideoJob job) {
                return job.keyId;
            }

            @Override
            public Map<String, String> attributes(VideoJob job) {
                return job.attributes;
            }

            @Override
            public VideoJob with(VideoJob job, String keyId, Map<String, String> attributes) {
                Builder b = job.toBuilder();
                b.keyId = keyId;
                b.attributes = attributes;
                return b.build();
            }
        });
    }

    private final String provider;
    private final String id;
    private final String model;
    private final Instant submittedAt;
    private final String keyId;
    private final Map<String, String> attributes;
    private final Cost estimatedCost;

    private VideoJob(Builder b) {
        Objects.requireNonNull(b.provider, "provider");
        Objects.requireNonNull(b.id, "id");
        Objects.requireNonNull(b.submittedAt, "submittedAt");
        if (b.id.isBlank()) {
            throw new IllegalArgumentException("job id must not be blank, but was \"" + b.id + "\"");
        }
        this.provider = b.provider;
        this.id = b.id;
        this.model = b.model;
        this.submittedAt = b.submittedAt;
        this.keyId = b.keyId;
        this.attributes = b.attributes == null ? Map.of() : Map.copyOf(b.attributes);
        this.estimatedCost = b.estimatedCost;
    }

    /** A job with no bookkeeping and no estimated cost. */
    public static VideoJob of(String provider, String id, String model, Instant submittedAt) {
        return builder().provider(provider).id(id).model(model).submittedAt(submittedAt).build();
    }

    /** An empty builder; {@code provider}, {@code id} and {@code submittedAt} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this job's values (bookkeeping included). */
    public Builder toBuilder() {
        Builder b = new Builder().provider(provider).id(id).model(model).submittedAt(submittedAt)
                .estimatedCost(estimatedCost);
        b.keyId = keyId;
        b.attributes = attributes;
        return b;
    }

    /** Provider id, e.g. {@code "openai"}. */
    public String provider() {
        return provider;
    }

    /** The provider's task/operation id. */
    public String id() {
        return id;
    }

    /** The model that serves the job, or null if unknown. */
    public String model() {
        return model;
    }

    /** When the provider accepted the job. */
    public Instant submittedAt() {
        return submittedAt;
    }

    /**
     * What the client estimated the job to cost before submitting it, or null when the price was
     * unknown or the job was not submitted by this SDK (kept in the token).
     */
    public Cost estimatedCost() {
        return estimatedCost;
    }

    /** The estimated cost, if one was made and the price was known. */
    public Optional<Cost> estimatedCostIfKnown() {
        return Optional.ofNullable(estimatedCost);
    }

    /** This job with the cost estimated before it was submitted (null for unknown). */
    public VideoJob withEstimatedCost(Cost estimate) {
        return toBuilder().estimatedCost(estimate).build();
    }

    /** A compact, URL-safe text holding everything needed to resume this job; contains no secret. */
    public String toToken() {
        return JobTokens.encode(this);
    }

    /**
     * Reads a token made by {@link #toToken()}.
     *
     * @throws InvalidRequestException (parameter {@code token}) if it is not one
     */
    public static VideoJob fromToken(String token) {
        return JobTokens.decode(token);
    }

    /** The key label, for {@link VideoAsset#video} (same package, not API). */
    String keyIdForAssets() {
        return keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof VideoJob j && provider.equals(j.provider) && id.equals(j.id)
                && Objects.equals(model, j.model) && submittedAt.equals(j.submittedAt)
                && Objects.equals(keyId, j.keyId) && attributes.equals(j.attributes)
                && Objects.equals(estimatedCost, j.estimatedCost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, id, model, submittedAt, keyId, attributes, estimatedCost);
    }

    @Override
    public String toString() {
        return "VideoJob[provider=" + provider + ", id=" + id + ", model=" + model + ", submittedAt=" + submittedAt
                + ", estimatedCost=" + estimatedCost + "]";
    }

    /** Builds a {@link VideoJob}; not thread-safe. */
    public static final class Builder {
        private String provider;
        private String id;
        private String model;
        private Instant submittedAt;
        private String keyId;
        private Map<String, String> attributes;
        private Cost estimatedCost;

        private Builder() {
        }

        /** Provider id (required). */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /** The provider's task/operation id (required, not blank). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** The model, or null if unknown. */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** When the provider accepted the job (required). */
        public Builder submittedAt(Instant value) {
            this.submittedAt = value;
            return this;
        }

        /** The cost estimated before submitting, or null. */
        public Builder estimatedCost(Cost value) {
            this.estimatedCost = value;
            return this;
        }

        /**
         * The job.
         *
         * @throws NullPointerException     naming {@code provider}, {@code id} or {@code submittedAt} if unset
         * @throws IllegalArgumentException if the id is blank
         */
        public VideoJob build() {
            return new VideoJob(this);
        }
    }
}
