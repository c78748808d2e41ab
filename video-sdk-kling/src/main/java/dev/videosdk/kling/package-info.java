/**
 * Provider {@code kling}: Kling text/image-to-video with JWT auth; per-request options in
 * {@link dev.videosdk.kling.KlingExtras}, programmatic setup in {@link dev.videosdk.kling.Kling}. Settings:
 * the module README.
 */
package dev.videosdk.kling;
