/**
 * Video SDK durable job queue: {@code VideoQueue} and its values in {@code dev.videosdk.jobs}; the
 * db-scheduler tasks and the SQL schema stay inside ({@code dev.videosdk.jobs.internal}).
 *
 * <p>{@code requires transitive java.sql}: the builder takes a {@code javax.sql.DataSource}. db-scheduler
 * ({@code com.github.kagkarlsson.scheduler}) and H2 ({@code com.h2database}, the default database) are
 * used only inside and have stable {@code Automatic-Module-Name}s but no descriptor, hence the suppressed
 * warning (ADR 0016).
 */
@SuppressWarnings("requires-automatic")
module dev.videosdk.jobs {
    requires transitive dev.videosdk;
    requires transitive java.sql;
    requires com.github.kagkarlsson.scheduler;
    requires com.h2database;
    requires org.slf4j;

    exports dev.videosdk.jobs;
}
