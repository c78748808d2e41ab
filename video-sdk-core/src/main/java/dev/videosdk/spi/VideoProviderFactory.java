package dev.videosdk.spi;

import java.util.List;

/**
 * Entry point of a provider module, found with {@link java.util.ServiceLoader}. Register the
 * implementation in {@code META-INF/services/dev.videosdk.spi.VideoProviderFactory}; it must be
 * public with a public no-argument constructor.
 */
public interface VideoProviderFactory {
    /** The provider id users select, e.g. {@code "kling"}; lower case, stable. */
    String id();

    /**
     * Creates the provider from its configuration. Called at most once per client.
     *
     * @throws dev.videosdk.ConfigurationException when a required setting is missing; the message
     *         names the environment variable to set
     */
    VideoProvider create(ProviderConfig config);

    /**
     * Whether a client may pick this provider on its own, when neither
     * {@code VideoClient.Builder.defaultProvider} nor {@code VIDEO_PROVIDER} names one and it is the
     * only candidate found. Test doubles and demo providers answer {@code false}: they are used only
     * when asked for by name, so a test-scoped jar never becomes an application's default.
     *
     * @return {@code true} (the default) for a real provider
     */
    default boolean defaultCandidate() {
        return true;
    }

    /**
     * The environment variables (or settings of the same names) {@link #create} reads, credentials first,
     * for help texts and error hints such as the {@code generate} command's; the names only, never values.
     *
     * @return the names, in the order a user would set them; empty (the default) when the factory does not say
     */
    default List<String> environmentVariables() {
        return List.of();
    }
}
