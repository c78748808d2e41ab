package dev.videosdk.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the queue's tables: versioned SQL files {@code schema/V<n>__*.sql}, applied in
 * order, each recorded in {@code vsdk_schema_version}. On PostgreSQL a migration runs in one
 * transaction under an advisory lock, so instances starting together apply it once. Not API.
 */
public final class Schema {
    /** The migrations, in order. A new version is a new file added at the end, never an edit. */
    static final List<String> MIGRATIONS = List.of("V1__queue.sql");
    private static final long ADVISORY_LOCK = 0x7664736b6a6f6273L; // "vdskjobs"

    private Schema() {
    }

    /** Brings the schema up to the newest version; returns the version now in place. */
    public static int migrate(Db db) {
        synchronized (Schema.class) {
            return db.inTx(c -> {
                if (db.dialect() == Db.Dialect.POSTGRESQL) {
                    Db.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> 0, ADVISORY_LOCK);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS vsdk_schema_version (version INT PRIMARY KEY, "
                            + "script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
                }
                int current = Db.queryOne(c, "SELECT MAX(version) FROM vsdk_schema_version", rs -> rs.getInt(1))
                        .orElse(0);
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    apply(c, db.dialect(), MIGRATIONS.get(v - 1));
                    Db.update(c, "INSERT INTO vsdk_schema_version (version, script, applied_at) VALUES (?, ?, ?)",
                            v, MIGRATIONS.get(v - 1), System.currentTimeMillis());
                }
                return MIGRATIONS.size();
            });
        }
    }

    private static void apply(Connection c, Db.Dialect dialect, String script) throws SQLException {
        String sql = read(script).replace("${binary}", dialect == Db.Dialect.POSTGRESQL ? "BYTEA" : "VARBINARY");
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split("(?m)^;\\s*$")) {
                String body = stripComments(statement);
                if (!body.isBlank()) {
                    s.execute(body);
                }
            }
        }
    }

    private static String stripComments(String statement) {
        StringBuilder out = new StringBuilder();
        for (String line : statement.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String read(String script) {
        try (InputStream in = Schema.class.getResourceAsStream("/dev/videosdk/jobs/schema/" + script)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + script + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
