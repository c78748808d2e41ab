/**
 * Micrometer metrics and observations for a {@link dev.videosdk.VideoClient}: set a
 * {@link dev.videosdk.micrometer.VideoSdkMetrics} as the client's event listener; its Javadoc lists every
 * meter and tag. No Spring needed (the starter registers it when Micrometer is present).
 */
package dev.videosdk.micrometer;
