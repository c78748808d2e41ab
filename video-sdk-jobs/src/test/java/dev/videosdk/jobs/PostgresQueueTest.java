package dev.videosdk.jobs;

import javax.sql.DataSource;

/** The queue's contract on a real PostgreSQL server started by the tests. */
class PostgresQueueTest extends QueueContractTest {
    @Override
    DataSource newDatabase() {
        return EmbeddedPostgres.shared().newDatabase();
    }

    @Override
    int manyJobs() {
        return 200;
    }
}
