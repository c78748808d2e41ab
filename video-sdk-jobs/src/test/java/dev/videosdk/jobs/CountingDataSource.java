package dev.videosdk.jobs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Counts the SQL statements executed through a data source (every {@code execute*} call). */
final class CountingDataSource {
    final AtomicLong statements = new AtomicLong();

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                    Object r = invoke(target, m, a);
                    return r instanceof Connection c ? connection(c) : r;
                });
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    Object r = invoke(c, m, a);
                    if (r instanceof Statement s) {
                        return statement(s, m.getReturnType());
                    }
                    return r;
                });
    }

    private Object statement(Statement s, Class<?> type) {
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            return invoke(s, m, a);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
