package dev.videosdk.spi;

import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.internal.ValueAccess;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Provider bookkeeping on the API values: what a provider (and the engine) needs to resume, poll,
 * download and cancel a job, and what an application never needs. The values keep it in private
 * fields; this is the only way to read or set it.
 *
 * <ul>
 *   <li>{@link VideoJob}: the non-secret label of the API key that created the job (status, download
 *       and cancel calls stay on it; a {@link CredentialPool} id such as {@code "openai#1"}) and
 *       string attributes the provider needs later (e.g. which endpoint family created the job).
 *       {@link VideoJob#toToken()} keeps both.</li>
 *   <li>{@link VideoAsset}: the label of the key that created its job, so the download uses it.</li>
 *   <li>{@link JobStatus}: the provider's answer as JSON text (for debugging and provider-specific
 *       reads) and its "look again after" hint, which the polling engine honours.</li>
 * </ul>
 *
 * <p>Every {@code with…} method returns a copy; the argument is never changed. The values'
 * {@code equals} and {@code hashCode} include this bookkeeping (two jobs that would poll with
 * different keys, or two statuses with different hints, are different values); their
 * {@code toString()} leaves it out.
 */
public final class ProviderData {
    private ProviderData() {
    }

    // ---- VideoJob

    /** The label of the key that created the job, or null (then any key of the pool is used). */
    public static String keyId(VideoJob job) {
        return jobs().keyId(job);
    }

    /** The job's attributes; empty, never null; unmodifiable. */
    public static Map<String, String> attributes(VideoJob job) {
        return jobs().attributes(job);
    }

    /** One attribute of the job, if present. */
    public static Optional<String> attribute(VideoJob job, String name) {
        return Optional.ofNullable(attributes(job).get(name));
    }

    /** A copy of the job labelled with this key (null for none). */
    public static VideoJob withKeyId(VideoJob job, String keyId) {
        return jobs().with(job, keyId, attributes(job));
    }

    /**
     * A copy of the job with exactly these attributes (null for none).
     *
     * @throws NullPointerException if a name or value is null
     */
    public static VideoJob withAttributes(VideoJob job, Map<String, String> attributes) {
        return jobs().with(job, keyId(job), attributes);
    }

    /**
     * A copy of the job with one more attribute (replacing one of the same name).
     *
     * @throws NullPointerException if the name or value is null
     */
    public static VideoJob withAttribute(VideoJob job, String name, String value) {
        Map<String, String> copy = new HashMap<>(attributes(job));
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return withAttributes(job, copy);
    }

    // ---- VideoAsset

    /** The label of the key that created the asset's job, or null (plain URL, or any key). */
    public static String keyId(VideoAsset asset) {
        return assets().keyId(asset);
    }

    /** A copy of the asset labelled with this key (null for none). */
    public static VideoAsset withKeyId(VideoAsset asset, String keyId) {
        return assets().withKeyId(asset, keyId);
    }

    // ---- JobStatus

    /** The provider's answer as JSON text, or null. */
    public static String rawJson(JobStatus status) {
        return statuses().rawJson(status);
    }

    /** The provider's hint for when to look again, or null. */
    public static Duration pollAfter(JobStatus status) {
        return statuses().pollAfter(status);
    }

    /** A copy of the status with the provider's answer as JSON text (null for none). */
    public static JobStatus withRawJson(JobStatus status, String rawJson) {
        return statuses().with(status, rawJson, pollAfter(status));
    }

    /**
     * A copy of the status with the provider's own status word (public, {@link JobStatus#rawStatus()})
     * and its answer as JSON text; either may be null.
     */
    public static JobStatus withRaw(JobStatus status, String rawStatus, String rawJson) {
        return withRawJson(status.toBuilder().rawStatus(rawStatus).build(), rawJson);
    }

    /** A copy of the status with a "look again after" hint (null for none). */
    public static JobStatus withPollAfter(JobStatus status, Duration hint) {
        return statuses().with(status, rawJson(status), hint);
    }

    // ---- registration: each value class registers its accessor when it is initialized

    private static ValueAccess.Jobs jobs() {
        ValueAccess.Jobs access = ValueAccess.jobs();
        return access != null ? access : initialized(VideoJob.class, ValueAccess::jobs);
    }

    private static ValueAccess.Assets assets() {
        ValueAccess.Assets access = ValueAccess.assets();
        return access != null ? access : initialized(VideoAsset.class, ValueAccess::assets);
    }

    private static ValueAccess.Statuses statuses() {
        ValueAccess.Statuses access = ValueAccess.statuses();
        return access != null ? access : initialized(JobStatus.class, ValueAccess::statuses);
    }

    private static <T> T initialized(Class<?> value, java.util.function.Supplier<T> access) {
        try {
            MethodHandles.lookup().ensureInitialized(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot initialize " + value.getName(), e);
        }
        return Objects.requireNonNull(access.get(), () -> value.getName() + " registered no accessor");
    }
}
