package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.tck.LiveServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the test PostgreSQL, dropped on close. The server is the one {@code scripts/postgres.sh}
 * starts ({@value #DEFAULT_URL}), or the one named by {@value #URL_VARIABLE}. Live tests follow
 * {@link LiveServices}: they run unless {@code -Dlive.skip=true} (ignored when {@code CI=true}) and fail when the
 * server does not answer.
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

    /** The server's URL; the test is skipped ({@code -Dlive.skip=true}) or failed (the server does not answer). */
    static String serverUrl() {
        LiveServices.skipIfAsked();
        String configured = System.getenv(URL_VARIABLE);
        String url = configured != null ? configured : DEFAULT_URL;
        String problem;
        try (Connection probe = DriverManager.getConnection(url)) {
            if (probe.isValid(5)) {
                return url;
            }
            problem = "it accepted a connection but does not answer";
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        throw LiveServices.unavailable("PostgreSQL at " + url, problem, configured != null
                ? "bash scripts/postgres.sh start (or correct " + URL_VARIABLE + ")" : "bash scripts/postgres.sh start");
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
