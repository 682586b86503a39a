package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Inserts that another transaction may have made first, inside the caller's transaction. */
final class RowInserts {
    private RowInserts() {
    }

    /**
     * Runs the insert {@code sql} with {@code values} in a savepoint. When a unique constraint refuses the row
     * (it is there already, e.g. written by another transaction meanwhile), the savepoint is rolled back and the
     * transaction goes on.
     *
     * @return true when the row was inserted, false when it was there already
     */
    static boolean insertIfAbsent(Connection c, String sql, Object... values) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            c.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            return false;
        }
    }
}
