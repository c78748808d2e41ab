/**
 * Spring Boot 4 auto-configuration: a {@link dev.videosdk.VideoClient} bean from {@code videosdk.*}
 * properties ({@link dev.videosdk.spring.VideoSdkProperties}), the webhook endpoint, a health indicator and
 * metrics ({@link dev.videosdk.spring.VideoSdkAutoConfiguration}), a durable queue
 * ({@link dev.videosdk.spring.VideoQueueAutoConfiguration}) and media/storage beans
 * ({@link dev.videosdk.spring.VideoMediaAutoConfiguration}). Change the client's builder with a
 * {@link dev.videosdk.spring.VideoClientCustomizer} bean.
 */
package dev.videosdk.spring;
