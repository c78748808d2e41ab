package dev.videosdk.jobs;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** The queue's contract on the default database: an embedded H2 file. */
class H2QueueTest extends QueueContractTest {
    private JdbcConnectionPool pool;

    @Override
    DataSource newDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + tmp.resolve("db-" + UUID.randomUUID()).toAbsolutePath(),
                "sa", "");
        pool.setMaxConnections(40);
        return pool;
    }

    @Override
    void closeDatabase() {
        pool.dispose();
    }

    @Override
    int manyJobs() {
        return 50;
    }
}
