package dev.videosdk;

import dev.videosdk.internal.JobTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job a provider accepted. Store {@link #toToken()} (for example in a database) and call
 * {@link VideoClient#await(VideoJob)} with {@link #fromToken(String)} after a restart to collect
 * the result without paying for a new job.
 *
 * @param provider    provider id
 * @param id          the provider's task/operation id
 * @param model       model that serves the job, or null if unknown
 * @param submittedAt when the provider accepted the job
 * @param keyId       non-secret label of the API key that created the job, or null; status,
 *                    download and cancel calls stay on that key
 * @param attributes  provider bookkeeping needed to resume (e.g. which endpoint family created it)
 */
public record VideoJob(String provider, String id, String model, Instant submittedAt, String keyId,
                       Map<String, String> attributes) {

    /** Validates and copies. */
    public VideoJob {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("job id must not be blank, but was \"" + id + "\"");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A job with no key label and no attributes. */
    public static VideoJob of(String provider, String id, String model, Instant submittedAt) {
        return new VideoJob(provider, id, model, submittedAt, null, Map.of());
    }

    /** A provider attribute, if present. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** This job with one more attribute. */
    public VideoJob withAttribute(String name, String value) {
        var copy = new java.util.HashMap<>(attributes);
        copy.put(name, value);
        return new VideoJob(provider, id, model, submittedAt, keyId, copy);
    }

    /** This job labelled with the key that created it. */
    public VideoJob withKeyId(String newKeyId) {
        return new VideoJob(provider, id, model, submittedAt, newKeyId, attributes);
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
}
