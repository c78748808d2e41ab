package dev.videosdk.internal;

import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import java.time.Duration;
import java.util.Map;

/**
 * The door to the provider bookkeeping the API values keep in private fields (the JDK's "shared
 * secrets" pattern): each of {@link VideoJob}, {@link VideoAsset} and {@link JobStatus} registers its
 * accessor here from its static initializer, and {@link dev.videosdk.spi.ProviderData} (the public
 * face for providers) reads it after making sure the class is initialized. Not API.
 */
public final class ValueAccess {
    private static volatile Jobs jobs;
    private static volatile Assets assets;
    private static volatile Statuses statuses;

    private ValueAccess() {
    }

    /** Bookkeeping of a {@link VideoJob}. */
    public interface Jobs {
        /** The key label, or null. */
        String keyId(VideoJob job);

        /** The attributes (never null, unmodifiable). */
        Map<String, String> attributes(VideoJob job);

        /** A copy with this key label and these attributes (null for none). */
        VideoJob with(VideoJob job, String keyId, Map<String, String> attributes);
    }

    /** Bookkeeping of a {@link VideoAsset}. */
    public interface Assets {
        /** The key label, or null. */
        String keyId(VideoAsset asset);

        /** A copy with this key label. */
        VideoAsset withKeyId(VideoAsset asset, String keyId);
    }

    /** Bookkeeping of a {@link JobStatus}. */
    public interface Statuses {
        /** The provider's answer as JSON text, or null. */
        String rawJson(JobStatus status);

        /** The provider's "look again after" hint, or null. */
        Duration pollAfter(JobStatus status);

        /** A copy with this JSON text and hint. */
        JobStatus with(JobStatus status, String rawJson, Duration pollAfter);
    }

    /** Called once, by {@link VideoJob}'s static initializer. */
    public static synchronized void register(Jobs access) {
        jobs = once(jobs, access);
    }

    /** Called once, by {@link VideoAsset}'s static initializer. */
    public static synchronized void register(Assets access) {
        assets = once(assets, access);
    }

    /** Called once, by {@link JobStatus}'s static initializer. */
    public static synchronized void register(Statuses access) {
        statuses = once(statuses, access);
    }

    private static <T> T once(T registered, T access) {
        if (registered != null) {
            throw new IllegalStateException("value access is registered once, by the value class itself");
        }
        return java.util.Objects.requireNonNull(access, "access");
    }

    /** The registered job accessor, or null before {@link VideoJob} is initialized. */
    public static Jobs jobs() {
        return jobs;
    }

    /** The registered asset accessor, or null before {@link VideoAsset} is initialized. */
    public static Assets assets() {
        return assets;
    }

    /** The registered status accessor, or null before {@link JobStatus} is initialized. */
    public static Statuses statuses() {
        return statuses;
    }
}
