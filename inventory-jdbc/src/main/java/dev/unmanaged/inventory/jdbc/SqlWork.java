package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection that may fail with an {@link SQLException}. */
@FunctionalInterface
interface SqlWork<T> {
    /** Does the work on {@code connection}. */
    T run(Connection connection) throws SQLException;
}
