package dev.unmanaged.reliability.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of H2 connections whose {@link Connection#commit()} can be made to fail once: the armed commit throws
 * and never reaches the database, as when the server aborts a transaction at commit or the connection drops
 * while committing. The database really does not commit; what the store does next (roll back, report) is its
 * own code. The connections are pooled as the store's own pool does (kept open: H2 2.4 evaluates a check
 * constraint's {@code IN} list with the session that created the table, and fails once that session closed).
 */
public final class CommitFailingDataSource implements DataSource, AutoCloseable {
    private final HikariDataSource pool;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger failed = new AtomicInteger();

    public CommitFailingDataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("commit-failing");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionInitSql("SET LOCK_TIMEOUT 5000");
        pool = new HikariDataSource(config);
    }

    /** The next {@code commit()} on any connection of this data source fails. */
    public void failNextCommit() {
        armed.set(true);
    }

    /** How many commits failed. */
    public int commitsFailed() {
        return failed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return failingCommits(pool.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return failingCommits(pool.getConnection(user, password));
    }

    @Override
    public void close() {
        pool.close();
    }

    private Connection failingCommits(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                        failed.incrementAndGet();
                        throw new SQLException("injected failure at COMMIT: the connection dropped while committing",
                                "08006");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
