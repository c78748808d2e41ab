package dev.videosdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.jobs.QueueEvent;
import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements on {@code vsdk_jobs}, {@code vsdk_job_events}, {@code vsdk_job_steps} and slots. Not API. */
public final class JobStore {

    /** A record plus the columns only workers need. */
    public record StoredJob(QueueRecord record, String requestJson, boolean holdsSlot, boolean cancelSent) {
        public String id() {
            return record.id();
        }

        public QueueState state() {
            return record.state();
        }
    }

    private JobStore() {
    }

    /** Inserts a new QUEUED job and its first event. */
    public static void insert(Connection c, String id, String owner, String provider, String model, String requestJson,
                              String metadataJson, long reserved, long now) throws SQLException {
        Db.update(c, "INSERT INTO vsdk_jobs (id, owner, state, provider, model, request_json, metadata_json, attempts, "
                        + "reserved, holds_slot, cancel_requested, cancel_sent, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE, FALSE, FALSE, ?, ?)",
                id, owner, QueueState.QUEUED.name(), provider, model, requestJson, metadataJson, reserved, now, now);
    }

    /** The job, if stored. */
    public static Optional<StoredJob> load(Connection c, String id) throws SQLException {
        return Db.queryOne(c, "SELECT * FROM vsdk_jobs WHERE id = ?", JobStore::map, id);
    }

    /** Jobs of a provider with that provider job id (normally one). */
    public static List<String> idsByProviderJob(Connection c, String provider, String providerJobId)
            throws SQLException {
        return Db.query(c, "SELECT id FROM vsdk_jobs WHERE provider = ? AND provider_job_id = ?",
                rs -> rs.getString(1), provider, providerJobId);
    }

    /**
     * Moves a job from {@code from} to {@code to} and sets the given columns, only if it is still in
     * {@code from}; records an event when it moved.
     *
     * @return true when this call moved it
     */
    public static boolean move(Connection c, String id, QueueState from, QueueState to, Map<String, Object> sets,
                               String detail, long now) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE vsdk_jobs SET state = ?, updated_at = ?");
        List<Object> params = new ArrayList<>(List.of(to.name(), now));
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            sql.append(", ").append(e.getKey()).append(" = ?");
            params.add(e.getValue());
        }
        if (to.isFinal()) {
            sql.append(", finished_at = ?");
            params.add(now);
        }
        sql.append(" WHERE id = ? AND state = ?");
        params.add(id);
        params.add(from.name());
        if (Db.update(c, sql.toString(), params.toArray()) == 0) {
            return false;
        }
        if (from != to || detail != null) {
            event(c, id, to, detail, now);
        }
        return true;
    }

    /** Records an event. */
    public static void event(Connection c, String id, QueueState state, String detail, long now) throws SQLException {
        Db.update(c, "INSERT INTO vsdk_job_events (job_id, at, state, detail) VALUES (?, ?, ?, ?)",
                id, now, state.name(), detail == null ? null : truncate(detail, 2000));
    }

    /** A job's history, oldest first; the first entry (enqueued) comes from the job row itself. */
    public static List<QueueEvent> history(Connection c, String id) throws SQLException {
        List<QueueEvent> out = new ArrayList<>();
        Db.queryOne(c, "SELECT created_at FROM vsdk_jobs WHERE id = ?", rs -> rs.getLong(1), id)
                .ifPresent(at -> out.add(new QueueEvent(Instant.ofEpochMilli(at), QueueState.QUEUED, "enqueued")));
        out.addAll(Db.query(c, "SELECT at, state, detail FROM vsdk_job_events WHERE job_id = ? ORDER BY id",
                rs -> new QueueEvent(Instant.ofEpochMilli(rs.getLong(1)), QueueState.valueOf(rs.getString(2)),
                        rs.getString(3)), id));
        return out;
    }

    /** Outputs of the finished steps of a job, by step. */
    public static Map<String, Map<String, String>> steps(Connection c, String id) throws SQLException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String[] row : Db.query(c, "SELECT step, outputs_json FROM vsdk_job_steps WHERE job_id = ? "
                + "ORDER BY finished_at", rs -> new String[] {rs.getString(1), rs.getString(2)}, id)) {
            out.put(row[0], RequestCodec.readMap(row[1]));
        }
        return out;
    }

    /** Records a finished step; false when it was recorded before (another instance finished it). */
    public static boolean stepDone(Connection c, String id, String step, Map<String, String> outputs, long now)
            throws SQLException {
        if (Db.queryOne(c, "SELECT 1 FROM vsdk_job_steps WHERE job_id = ? AND step = ?", rs -> 1, id, step)
                .isPresent()) {
            return false;
        }
        Db.update(c, "INSERT INTO vsdk_job_steps (job_id, step, outputs_json, finished_at) VALUES (?, ?, ?, ?)",
                id, step, RequestCodec.writeMap(outputs), now);
        return true;
    }

    /** Sets or creates a provider's cluster-wide limit. */
    public static void setLimit(Connection c, String provider, int max) throws SQLException {
        if (Db.update(c, "UPDATE vsdk_provider_slots SET max_in_flight = ? WHERE provider = ?", max, provider) == 0) {
            Db.update(c, "INSERT INTO vsdk_provider_slots (provider, in_flight, max_in_flight) VALUES (?, 0, ?)",
                    provider, max);
        }
    }

    /** Takes a slot of a limited provider; true when taken or when the provider has no limit. */
    public static boolean acquireSlot(Connection c, String provider) throws SQLException {
        if (Db.update(c, "UPDATE vsdk_provider_slots SET in_flight = in_flight + 1 "
                + "WHERE provider = ? AND in_flight < max_in_flight", provider) == 1) {
            return true;
        }
        return Db.queryOne(c, "SELECT 1 FROM vsdk_provider_slots WHERE provider = ?", rs -> 1, provider).isEmpty();
    }

    /** Gives a slot back (for a job that held one: see {@code holds_slot}). */
    public static void releaseSlot(Connection c, String provider) throws SQLException {
        Db.update(c, "UPDATE vsdk_provider_slots SET in_flight = in_flight - 1 WHERE provider = ? AND in_flight > 0",
                provider);
    }

    /** Ids of active jobs with no scheduled execution (a crash between commit and schedule). */
    public static List<String> orphans(Connection c, String taskName, int limit) throws SQLException {
        return Db.query(c, "SELECT j.id FROM vsdk_jobs j LEFT JOIN vsdk_scheduled_tasks t "
                        + "ON t.task_name = ? AND t.task_instance = j.id "
                        + "WHERE j.state IN ('QUEUED', 'SUBMITTING', 'WAITING', 'DOWNLOADING', 'POST_PROCESSING') "
                        + "AND t.task_instance IS NULL ORDER BY j.created_at FETCH FIRST " + limit + " ROWS ONLY",
                rs -> rs.getString(1), taskName);
    }

    /** Deletes final jobs finished before {@code cutoff}, with their events and steps; returns how many. */
    public static int deleteFinishedBefore(Connection c, long cutoff) throws SQLException {
        String old = "SELECT id FROM vsdk_jobs WHERE finished_at IS NOT NULL AND finished_at < ?";
        Db.update(c, "DELETE FROM vsdk_job_events WHERE job_id IN (" + old + ")", cutoff);
        Db.update(c, "DELETE FROM vsdk_job_steps WHERE job_id IN (" + old + ")", cutoff);
        return Db.update(c, "DELETE FROM vsdk_jobs WHERE finished_at IS NOT NULL AND finished_at < ?", cutoff);
    }

    /** Deletes ledger entries older than {@code cutoff} (balances are kept); returns how many. */
    public static int deleteLedgerBefore(Connection c, long cutoff) throws SQLException {
        return Db.update(c, "DELETE FROM vsdk_ledger WHERE at < ?", cutoff);
    }

    private static StoredJob map(ResultSet rs) throws SQLException {
        List<String> assets = new ArrayList<>();
        String assetsJson = rs.getString("assets_json");
        if (assetsJson != null) {
            for (JsonNode a : RequestCodec.tree(assetsJson)) {
                assets.add(a.path("uri").asText());
            }
        }
        QueueRecord r = new QueueRecord(rs.getString("id"), rs.getString("owner"),
                QueueState.valueOf(rs.getString("state")), rs.getString("provider"), rs.getString("model"),
                RequestCodec.readMap(rs.getString("metadata_json")), rs.getString("provider_job_id"),
                rs.getString("job_token"), Db.nullableInt(rs, "progress"), rs.getInt("attempts"), assets,
                RequestCodec.readMap(rs.getString("outputs_json")), rs.getLong("reserved"),
                Db.nullableLong(rs, "cost"), rs.getString("error"), rs.getString("error_code"),
                rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "accepted_at"), instant(rs, "finished_at"));
        return new StoredJob(r, rs.getString("request_json"), rs.getBoolean("holds_slot"),
                rs.getBoolean("cancel_sent"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = Db.nullableLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
