package dev.videosdk.media;

import dev.videosdk.ErrorContext;
import dev.videosdk.VideoException;

/** A storage call failed (disk or S3 error); {@link #isRetryable()} says whether trying again may help. */
public class StorageException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Provider id used in the {@link ErrorContext} of storage errors. */
    public static final String SOURCE = "storage";

    /** Creates the error with the store's HTTP status, error code and request id where known. */
    public StorageException(String message, ErrorContext context, boolean retryable, Throwable cause) {
        super(message, context, retryable, cause);
    }

    /** An error of the local store. */
    public StorageException(String message, Throwable cause) {
        this(message, ErrorContext.local(SOURCE), false, cause);
    }
}
