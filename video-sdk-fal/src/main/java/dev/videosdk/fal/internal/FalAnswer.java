package dev.videosdk.fal.internal;

import dev.videosdk.VideoException;
import dev.videosdk.spi.HttpReply;

/**
 * An error answer the provider reads itself instead of failing the call: a result call's
 * documented error (the job's own failure, not a failed status check) or a cancel answered
 * {@code ALREADY_COMPLETED}. Never retried by the transport; never reaches the caller.
 */
final class FalAnswer extends VideoException {
    private static final long serialVersionUID = 1L;

    private final transient HttpReply reply;
    private final VideoException mapped;

    FalAnswer(HttpReply reply, VideoException mapped) {
        super(mapped == null ? reply.toString() : mapped.getMessage(), reply.context(null), false, null);
        this.reply = reply;
        this.mapped = mapped;
    }

    /** The answer. */
    HttpReply reply() {
        return reply;
    }

    /** What the answer means as an error, or null when it is not one (e.g. ALREADY_COMPLETED). */
    VideoException mapped() {
        return mapped;
    }

    /** The {@link FalAnswer} behind a failure, or null. */
    static FalAnswer in(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof FalAnswer a) {
                return a;
            }
            t = t.getCause();
        }
        return null;
    }
}
