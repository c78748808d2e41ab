package dev.videosdk.jobs;

/** Thrown by a {@link PostProcessingStep} that failed for a passing reason: the step runs again later. */
public class StepRetryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public StepRetryException(String message, Throwable cause) {
        super(message, cause);
    }
}
