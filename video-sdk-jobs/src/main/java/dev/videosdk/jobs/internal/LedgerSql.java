package dev.videosdk.jobs.internal;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.jobs.InsufficientCreditsException;
import dev.videosdk.jobs.LedgerEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The credits ledger's statements. Every balance change is one conditional {@code UPDATE} (so
 * concurrent reservations cannot overdraw) plus one audit row, in the caller's transaction. Not API.
 */
public final class LedgerSql {
    private LedgerSql() {
    }

    /** Adds credits, opening the account when new. */
    public static long credit(Connection c, String owner, long credits, String note, long now) throws SQLException {
        if (Db.update(c, "UPDATE vsdk_accounts SET balance = balance + ?, updated_at = ? WHERE owner = ?",
                credits, now, owner) == 0) {
            Db.update(c, "INSERT INTO vsdk_accounts (owner, balance, updated_at) VALUES (?, ?, ?)", owner, credits, now);
        }
        return audit(c, owner, null, "CREDIT", credits, note, now);
    }

    /**
     * Takes {@code price} off the balance, or refuses.
     *
     * @throws InvalidRequestException      when the owner has no account
     * @throws InsufficientCreditsException when the balance is below the price
     */
    public static void reserve(Connection c, String owner, String jobId, long price, long now) throws SQLException {
        int changed = Db.update(c, "UPDATE vsdk_accounts SET balance = balance - ?, updated_at = ? "
                + "WHERE owner = ? AND balance >= ?", price, now, owner, price);
        if (changed == 1) {
            audit(c, owner, jobId, "RESERVE", -price, null, now);
            return;
        }
        Optional<Long> balance = balance(c, owner);
        if (balance.isEmpty()) {
            throw InvalidRequestException.local("sdk", "owner", "unknown owner \"" + owner
                    + "\"; open an account with ledger().credit(owner, credits, note) first");
        }
        throw new InsufficientCreditsException(owner, balance.get(), price);
    }

    /** Gives a reservation back. */
    public static void refund(Connection c, String owner, String jobId, long amount, String note, long now)
            throws SQLException {
        if (amount > 0) {
            Db.update(c, "UPDATE vsdk_accounts SET balance = balance + ?, updated_at = ? WHERE owner = ?",
                    amount, now, owner);
        }
        audit(c, owner, jobId, "REFUND", amount, note, now);
    }

    /** Settles a reservation at the actual cost: the difference is given back (or charged, if higher). */
    public static void settle(Connection c, String owner, String jobId, long reserved, long actual, long now)
            throws SQLException {
        long diff = reserved - actual;
        if (diff != 0) {
            Db.update(c, "UPDATE vsdk_accounts SET balance = balance + ?, updated_at = ? WHERE owner = ?",
                    diff, now, owner);
        }
        audit(c, owner, jobId, "SETTLE", diff, "cost " + actual, now);
    }

    /** The balance, if the account exists. */
    public static Optional<Long> balance(Connection c, String owner) throws SQLException {
        return Db.queryOne(c, "SELECT balance FROM vsdk_accounts WHERE owner = ?", rs -> rs.getLong(1), owner);
    }

    /** Every entry of an owner, oldest first. */
    public static List<LedgerEntry> entries(Connection c, String owner) throws SQLException {
        return Db.query(c, "SELECT id, owner, job_id, kind, amount, balance_after, at, note FROM vsdk_ledger "
                + "WHERE owner = ? ORDER BY id", rs -> new LedgerEntry(rs.getLong("id"), rs.getString("owner"),
                rs.getString("job_id"), rs.getString("kind"), rs.getLong("amount"), rs.getLong("balance_after"),
                Instant.ofEpochMilli(rs.getLong("at")), rs.getString("note")), owner);
    }

    private static long audit(Connection c, String owner, String jobId, String kind, long amount, String note,
                              long now) throws SQLException {
        Db.update(c, "INSERT INTO vsdk_ledger (owner, job_id, kind, amount, balance_after, at, note) "
                + "SELECT owner, ?, ?, ?, balance, ?, ? FROM vsdk_accounts WHERE owner = ?",
                jobId, kind, amount, now, note, owner);
        return kind.equals("CREDIT") ? balance(c, owner).orElse(0L) : 0L;
    }
}
