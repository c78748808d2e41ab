/**
 * For provider authors: implement {@link dev.videosdk.spi.VideoProvider} and register a
 * {@link dev.videosdk.spi.VideoProviderFactory} (in {@code META-INF/services} and with {@code provides} in
 * {@code module-info.java}). Build calls with {@link dev.videosdk.spi.HttpCall}, send them through
 * {@code ProviderContext.http()}; core owns retries, polling, deadlines, downloads and webhooks.
 */
package dev.videosdk.spi;
