package dev.videosdk.media;

import java.time.Duration;
import java.util.List;

/** An FFmpeg operation ran longer than its timeout; the process was killed and no output was left. */
public class MediaTimeoutException extends MediaException {
    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    /** Creates the error for an operation that exceeded {@code timeout}. */
    public MediaTimeoutException(String operation, Duration timeout) {
        super(operation + " timed out after " + timeout, List.of(), null);
        this.timeout = timeout;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
