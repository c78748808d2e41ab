package dev.videosdk.spi;

import dev.videosdk.VideoException;

/**
 * Turns a provider answer into an error. Called for every answer, successful or not, so providers
 * that report errors with HTTP 200 and an error body can map them too.
 */
@FunctionalInterface
public interface ErrorMapper {
    /** The error this answer means, or null when it is not an error. */
    VideoException map(HttpReply reply);
}
