package dev.videosdk.jobs;

import java.time.Instant;

/**
 * One movement of credits (the audit trail).
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param id           increasing entry id
 * @param owner        the account
 * @param jobId        the queue id it concerns, or null (a top-up)
 * @param kind         {@code CREDIT} (top-up), {@code RESERVE} (at enqueue, negative), {@code SETTLE}
 *                     (difference between actual cost and reservation, may be 0), {@code REFUND}
 * @param amount       change to the balance (negative takes credits away)
 * @param balanceAfter the balance after it
 * @param at           when
 * @param note         why, or null
 */
public record LedgerEntry(long id, String owner, String jobId, String kind, long amount, long balanceAfter,
                          Instant at, String note) {
}
