/**
 * Media handling beside the client: {@link dev.videosdk.media.Ffmpeg} probes, transcodes (H.264 MP4 presets)
 * and thumbnails videos by running FFmpeg as a process; {@link dev.videosdk.media.VideoStorage} keeps the
 * results on local disk ({@link dev.videosdk.media.LocalVideoStorage}) or in S3
 * ({@link dev.videosdk.media.S3VideoStorage}, needs the AWS SDK v2 {@code s3} module);
 * {@link dev.videosdk.media.MediaSteps} turns both into durable-queue steps. Failures are
 * {@link dev.videosdk.media.MediaException}s and {@link dev.videosdk.media.StorageException}s.
 */
package dev.videosdk.media;
