package dev.videosdk.jobs.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC helpers: short transactions, parameter binding, row mapping. Not API. */
public final class Db {

    /** The databases the queue supports. */
    public enum Dialect { POSTGRESQL, H2 }

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    /** Wraps {@code dataSource}, detecting its dialect with one connection. */
    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dialect = inTx(false, c -> {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return Dialect.POSTGRESQL;
            }
            if (product.contains("h2")) {
                return Dialect.H2;
            }
            throw new SQLException("the job queue supports PostgreSQL and H2, but the database is " + product);
        });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTx(TxWork<T> work) {
        return inTx(false, work);
    }

    /**
     * Like {@link #inTx(TxWork)}, but on PostgreSQL the commit waits for the WAL flush even where the
     * server runs with {@code synchronous_commit = off}: for the commits the create-at-most-once
     * promise rests on (a lost SUBMITTING mark after a server crash would let the job be sent again).
     */
    public <T> T inDurableTx(TxWork<T> work) {
        return inTx(dialect == Dialect.POSTGRESQL, work);
    }

    private <T> T inTx(boolean syncCommit, TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (syncCommit) {
                    update(c, "SET LOCAL synchronous_commit TO on");
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c, auto);
            }
        } catch (SQLException e) {
            throw new QueueStoreException("database call failed: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** Runs an update with parameters; returns the number of rows changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs a query and maps every row. */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** Runs a query and maps its first row, if any. */
    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A nullable INT column. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
