package dev.videosdk.jobs.internal;

/** The database could not be reached or refused a statement. Workers retry later; callers see it as is. */
public final class QueueStoreException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
