package dev.unmanaged.inventory.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the test PostgreSQL, dropped on close. The server is the one {@code scripts/postgres.sh}
 * starts, or the one named by {@value #URL_VARIABLE}. Locally the tests run when that variable is set; with
 * {@code CI=true} they always run and fail when the server is missing; {@code -Dlive.skip=true} skips them.
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String URL_VARIABLE = "UNMANAGED_PG_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/unmanaged?user=postgres";

    private final String serverUrl;
    private final String schema;

    private PostgresTestDatabase(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    /** The server's URL, or the test is skipped (not enabled) or failed (required but unreachable). */
    static String serverUrl() {
        if (Boolean.getBoolean("live.skip")) {
            abort("live tests are skipped (-Dlive.skip=true)");
        }
        String configured = System.getenv(URL_VARIABLE);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (configured == null && !ci) {
            abort("PostgreSQL tests run when " + URL_VARIABLE + " is set (e.g. to " + DEFAULT_URL
                    + " after `bash scripts/postgres.sh start`) or CI=true");
        }
        String url = configured != null ? configured : DEFAULT_URL;
        try (Connection probe = DriverManager.getConnection(url)) {
            if (!probe.isValid(5)) {
                fail("PostgreSQL at " + url + " accepted a connection but does not answer");
            }
            return url;
        } catch (SQLException e) {
            return fail("PostgreSQL is required here but not reachable at " + url
                    + " (start it with `bash scripts/postgres.sh start`): " + e.getMessage(), e);
        }
    }

    /** A new, empty schema on the server. */
    static PostgresTestDatabase create() {
        String server = serverUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE SCHEMA " + schema);
        return new PostgresTestDatabase(server, schema);
    }

    /** The URL whose connections work in this schema. */
    String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
