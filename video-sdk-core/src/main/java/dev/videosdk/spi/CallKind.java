package dev.videosdk.spi;

/** What an HTTP call does, which decides when the transport may retry it. */
public enum CallKind {
    /**
     * Reads or changes state idempotently (status, download, cancel, DELETE): retried on network
     * errors, 408, 429 and 5xx.
     */
    IDEMPOTENT,
    /**
     * Creates a job that may cost money: retried only when no job can have started (connection
     * refused, 429, an answer the provider documents as "not accepted") or when the call carries an
     * idempotency key.
     */
    CREATE
}
