package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.text.SecretRedaction;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

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

    /** H2's error codes (org.h2.api.ErrorCode) that a user of an embedded file database meets. */
    private static final Map<Integer, String> H2_REASONS = Map.of(
            90020, "the database file is in use by another process",
            90098, "the database was closed while in use",
            90121, "the database was closed while in use: the process is shutting down",
            90135, "the database is open exclusively (it may be closing)",
            90030, "the database file is damaged",
            90048, "the database file has a format or version this H2 cannot read",
            90028, "the database file could not be read or written",
            90013, "the database does not exist",
            90146, "the database does not exist");

    /** What a class of SQLState (its first two characters, SQL standard and PostgreSQL) means. */
    private static final Map<String, String> STATE_CLASS_REASONS = Map.of(
            "08", "the connection to the database failed",
            "28", "the database refused the user name or password",
            "3D", "the database does not exist",
            "23", "the database refused the change: it breaks a constraint of the schema",
            "42", "the database does not have the expected schema, or the user lacks a permission",
            "53", "the database server ran out of resources (disk, memory or connections)",
            "57", "the database server cancelled the statement or is shutting down",
            "XX", "the database reported an internal error");

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

    /**
     * The typed error for a failure that is no conflict the caller can act on. Its message says what failed in
     * words of its own ({@link #reason}); the database's message, which may hold SQL, row values and driver
     * internals, stays in the cause.
     */
    static StoreFailureException failure(String what, SQLException e) {
        return new StoreFailureException(what + " failed: " + reason(e), e);
    }

    /**
     * What went wrong, for a person: a description by error code or SQLState class, with the codes (for a search
     * in the database's manual), never the database's own message.
     */
    static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String code = String.valueOf(e.getErrorCode());
        String codes = " (SQLState " + (state.isEmpty() ? "none" : state)
                + (e.getErrorCode() != 0 && !code.equals(state) ? ", error " + code : "") + ")";
        if (isConcurrencyConflict(e)) {
            return "a concurrent transaction conflicted with this one and nothing was written; retry it" + codes;
        }
        String h2 = isH2(e) ? H2_REASONS.get(e.getErrorCode()) : null;
        if (h2 != null) {
            return h2 + codes;
        }
        String stateClass = state.length() >= 2 ? state.substring(0, 2) : "";
        String byClass = STATE_CLASS_REASONS.get(stateClass);
        if ("08".equals(stateClass)) {
            return byClass + networkCause(e).map(cause -> ": " + cause).orElse("") + codes;
        }
        return (byClass != null ? byClass : "the database reported an error") + codes;
    }

    /** The message of a network failure under a connection failure, e.g. {@code Connection refused}. */
    private static Optional<String> networkCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.io.IOException && cause.getMessage() != null) {
                // A driver quotes the URL it failed on, e.g. user:password@host in an UnknownHostException.
                return Optional.of(SecretRedaction.redact(cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }
}
