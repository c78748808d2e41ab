package dev.videosdk;

/**
 * Receives {@link ProgressEvent}s. Called on an SDK thread: it must return quickly and must not
 * block. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Called once per progress event, in order for one job. */
    void onProgress(ProgressEvent event);

    /** A listener that does nothing. */
    static ProgressListener none() {
        return event -> { };
    }
}
