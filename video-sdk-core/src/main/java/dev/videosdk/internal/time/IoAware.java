package dev.videosdk.internal.time;

/**
 * A scheduler that wants to know while real I/O is in flight. {@link ManualTime} implements it so
 * that virtual time never jumps ahead (firing a body idle timer or a deadline) while a real
 * loopback answer is still on its way; a test moves time past a stalled call with
 * {@code advance}. Production schedulers do not implement it.
 */
public interface IoAware {
    /** A real exchange started. */
    void ioStarted();

    /** A real exchange ended (answered, failed or cancelled). */
    void ioFinished();
}
