/**
 * The Video SDK API: {@link dev.videosdk.VideoClient} (async) and its blocking view
 * {@link dev.videosdk.BlockingVideoClient}; requests, jobs, results and progress as immutable values;
 * {@link dev.videosdk.PollingPolicy} and {@link dev.videosdk.RetryPolicy}; every failure a subclass of
 * {@link dev.videosdk.VideoException}. Start with {@code VideoClient.fromEnv()}.
 */
package dev.videosdk;
