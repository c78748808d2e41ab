package dev.videosdk.jobs;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.jobs.internal.Db;
import dev.videosdk.jobs.internal.LedgerSql;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Credit balances per owner, shared by every instance through the database. The queue reserves the
 * price at {@link VideoQueue#enqueue} (refusing with {@link InsufficientCreditsException} when the
 * balance is short: no overdraft, also under concurrent enqueues), settles it when the job succeeds,
 * and refunds it when the job fails before the provider accepted it, is cancelled before acceptance,
 * or is abandoned. Every movement is an audit row ({@link #entries}).
 */
public final class CreditsLedger {
    private final Db db;
    private final Clock clock;

    CreditsLedger(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds credits to an owner's account, opening it when new; returns the new balance.
     *
     * @throws InvalidRequestException when the owner is blank or {@code credits} is negative
     */
    public long credit(String owner, long credits, String note) {
        requireOwner(owner);
        if (credits < 0) {
            throw InvalidRequestException.local("sdk", "credits", "credits must be 0 or more, but was " + credits);
        }
        return db.inTx(c -> LedgerSql.credit(c, owner, credits, note, clock.millis()));
    }

    /** The owner's available balance (reservations already taken off), empty when it has no account. */
    public OptionalLong balance(String owner) {
        return db.inTx(c -> LedgerSql.balance(c, owner)).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Every movement of the owner's credits, oldest first. */
    public List<LedgerEntry> entries(String owner) {
        return db.inTx(c -> LedgerSql.entries(c, owner));
    }

    static void requireOwner(String owner) {
        if (Objects.requireNonNullElse(owner, "").isBlank() || owner.length() > 200) {
            throw InvalidRequestException.local("sdk", "owner",
                    "owner must be 1 to 200 characters, but was " + (owner == null ? "null" : "\"" + owner + "\""));
        }
    }
}
