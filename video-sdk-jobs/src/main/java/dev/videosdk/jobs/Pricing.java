package dev.videosdk.jobs;

import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;

/**
 * What a generation costs in credits: reserved at enqueue, settled when it finishes.
 */
public interface Pricing {

    /** Credits to reserve for {@code request} (0 or more). */
    long estimate(VideoRequest request);

    /**
     * Credits to charge for a finished job; by default what was reserved. Override to charge the
     * provider's reported cost.
     */
    default long actual(VideoRequest request, VideoResult result, long reserved) {
        return reserved;
    }

    /** The same price for every generation (the seeds charge 10 credits each). */
    static Pricing flat(long credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("a price must be 0 or more credits, but was " + credits);
        }
        return request -> credits;
    }
}
