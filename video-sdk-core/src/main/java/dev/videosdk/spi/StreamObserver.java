package dev.videosdk.spi;

import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;

/** Receives a streaming generation's job and its updates, in order. */
public interface StreamObserver {
    /** The stream started; {@code job} identifies it (its id may be made up by the provider). */
    void started(VideoJob job);

    /** A non-final update, e.g. a progress percentage. */
    void update(JobStatus status);
}
