package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.text.SecretRedaction;
import java.sql.SQLException;

/** Reads what an {@link SQLException} means, the same way for H2 and PostgreSQL. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's foreign-key violation; H2 reports a missing parent row as 23506. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String H2_PARENT_MISSING = "23506";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    /** H2: "Timeout trying to lock table". */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** H2: "Concurrent update ... another transaction has updated or deleted the same row". */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** H2: "Deadlock detected". */
    private static final int H2_DEADLOCK = 40001;

    private SqlErrors() {
    }

    /** True when a unique or primary-key constraint refused the row. */
    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** True when a foreign key refused the row because the row it refers to does not exist. */
    static boolean isMissingParent(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState()) || H2_PARENT_MISSING.equals(e.getSQLState());
    }

    /** True when the database aborted the statement because of a concurrent transaction. */
    static boolean isConcurrencyConflict(SQLException e) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)
                || (isH2(e) && (code == H2_LOCK_TIMEOUT || code == H2_CONCURRENT_UPDATE || code == H2_DEADLOCK));
    }

    /** The typed error for a failure that is no conflict the caller can act on. */
    static StoreFailureException failure(String what, SQLException e) {
        String reason = isConcurrencyConflict(e)
                ? "a concurrent transaction conflicted with this one and nothing was written; retry it"
                : "the database reported: " + SecretRedaction.messageOf(e);
        return new StoreFailureException(what + " failed: " + reason + " (SQLState " + e.getSQLState() + ")", e);
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }
}
