package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.unmanaged.tck.LiveServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool on a PostgreSQL store ({@code --store}), the server {@code scripts/postgres.sh} starts or the one
 * {@code UNMANAGED_PG_URL} names. A live test ({@link LiveServices}): it runs unless {@code -Dlive.skip=true}
 * (ignored when {@code CI=true}) and fails when the server does not answer.
 */
@DisplayName("The tool on a PostgreSQL store, run as a separate process")
class PostgresStoreIT {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/unmanaged?user=postgres";

    @TempDir
    Path temp;
    private String serverUrl;
    private String schema;

    @BeforeEach
    void freshSchema() {
        LiveServices.skipIfAsked();
        String configured = System.getenv("UNMANAGED_PG_URL");
        serverUrl = configured != null ? configured : DEFAULT_URL;
        try (Connection probe = DriverManager.getConnection(serverUrl)) {
            assertThat(probe.isValid(5)).as("PostgreSQL at %s answers", serverUrl).isTrue();
        } catch (SQLException e) {
            throw LiveServices.unavailable("PostgreSQL at " + serverUrl, e.getMessage(), "bash scripts/postgres.sh start");
        }
        schema = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    @DisplayName("load the demo catalog, import, see it in the inventory and gone from the list, unmanage")
    void walkthroughOnPostgres() throws Exception {
        String store = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var cli = new CliProcess(temp.resolve("home"));

        var empty = cli.run("catalog", "--store", store);
        assertThat(empty.exitCode()).as(empty.toString()).isZero();
        assertThat(empty.out()).doesNotContain("acme");

        var loaded = cli.run("catalog", "--store", store, "--load-demo");
        assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
        assertThat(loaded.err()).contains("Loaded the demo catalog: 3 owners");
        assertThat(loaded.out()).contains("acme", "prod", "local-images");

        var imported = cli.run("import", "web-02", "--store", store, "--owner", "acme", "--offering", "medium",
                "--network", "prod", "--ip", "10.20.0.42", "--pool", "local-images");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        assertThat(cli.run("inventory", "--store", store).out()).contains("web-02", "prod:10.20.0.42");
        assertThat(cli.run("list", "--store", store).out()).doesNotContain("web-02")
                .contains("11 unmanaged instances");
        // The embedded store of the same home knows nothing of it.
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var released = cli.run("unmanage", "web-02", "--store", store);
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(cli.run("inventory", "--store", store).out()).contains("0 managed instances");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            fail("PostgreSQL is required here but " + sql + " failed at " + serverUrl
                    + " (start it with `bash scripts/postgres.sh start`): " + e.getMessage(), e);
        }
    }
}
