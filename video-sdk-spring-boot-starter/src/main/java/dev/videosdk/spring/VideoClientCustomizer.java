package dev.videosdk.spring;

import dev.videosdk.VideoClient;

/**
 * Adjusts the auto-configured client's builder after the {@code videosdk.*} properties were applied:
 * add a provider instance, a prompt refiner, a scheduler or clock for tests. Declare one or more as
 * beans; they run in {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean VideoClientCustomizer refiner(PromptRefiner refiner) { return b -> b.promptRefiner(refiner); }
 * }</pre>
 */
@FunctionalInterface
public interface VideoClientCustomizer {
    /** Changes {@code builder}; called once, before the client is built. */
    void customize(VideoClient.Builder builder);
}
