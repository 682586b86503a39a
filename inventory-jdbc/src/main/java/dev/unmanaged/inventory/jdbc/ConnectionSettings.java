package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The auto-commit and isolation a connection had before a transaction of the store changed them, so that a
 * connection borrowed from the caller's pool goes back as it came. The store's own pool is configured with the
 * transaction settings already, so for its connections nothing changes.
 */
record ConnectionSettings(boolean autoCommit, int isolation) {
    /** Switches {@code connection} to auto-commit off and read committed, returning what it had. */
    static ConnectionSettings forTransaction(Connection connection) throws SQLException {
        ConnectionSettings before = new ConnectionSettings(connection.getAutoCommit(),
                connection.getTransactionIsolation());
        if (before.autoCommit) {
            connection.setAutoCommit(false);
        }
        if (before.isolation != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        return before;
    }

    /** Puts back what {@code connection} had; called after its transaction has ended. */
    void restore(Connection connection) throws SQLException {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(isolation);
        }
        if (autoCommit) {
            connection.setAutoCommit(true);
        }
    }
}
