package dev.videosdk.jobs;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can be cut off at once, as if its process had died: after {@link #kill()},
 * every new connection and every call on a connection handed out before fails. The instance using it
 * can no longer heartbeat, record or complete anything.
 */
final class KillableDataSource implements DataSource {
    private final DataSource target;
    private volatile boolean killed;

    KillableDataSource(DataSource target) {
        this.target = target;
    }

    void kill() {
        killed = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        check();
        return wrap(target.getConnection(user, password));
    }

    private void check() throws SQLException {
        if (killed) {
            throw new SQLException("this instance is dead", "08006");
        }
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (killed && !method.getName().equals("close")) {
                        throw new SQLException("this instance is dead", "08006");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
