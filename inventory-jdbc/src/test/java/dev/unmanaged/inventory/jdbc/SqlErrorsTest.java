package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.unmanaged.api.error.StoreFailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Database errors in the store's own words")
class SqlErrorsTest {
    @Test
    @DisplayName("a connection failure names its network cause, without the password the driver quoted in it")
    void networkCauseRedacted() {
        var failure = new SQLException("The connection attempt failed.", "08001",
                new java.net.UnknownHostException("u:SENTINEL-pw@db.example"));
        String reason = SqlErrors.reason(failure);
        assertThat(reason).contains("db.example", "08001").doesNotContain("SENTINEL-pw");
    }

    @Test
    @DisplayName("a constraint violation is described without the SQL, the row's values or H2's error text")
    void constraintViolation() throws Exception {
        SQLException violation = realError("CREATE TABLE t (id INT PRIMARY KEY, secret VARCHAR(20));"
                + "INSERT INTO t VALUES (1, 'row-value');INSERT INTO t VALUES (1, 'row-value')");

        String reason = SqlErrors.reason(violation);

        assertThat(violation.getMessage()).contains("INSERT", "row-value");
        assertThat(reason).isEqualTo("the database refused the change: it breaks a constraint of the schema"
                + " (SQLState 23505)");
    }

    @Test
    @DisplayName("a statement the schema does not fit is described by its SQLState class, with the codes")
    void unknownTable() throws Exception {
        String reason = SqlErrors.reason(realError("SELECT secret FROM no_such_table"));

        assertThat(reason).startsWith("the database does not have the expected schema")
                .containsPattern("\\(SQLState 42S\\d\\d, error 42\\d{3}\\)$").doesNotContain("SELECT", "no_such_table");
    }

    @Test
    @DisplayName("a failure keeps the database's own message in its cause, for --debug and logs")
    void causeKept() throws Exception {
        SQLException violation = realError("SELECT 1 FROM no_such_table");

        StoreFailureException failure = SqlErrors.failure("reading things", violation);

        assertThat(failure).hasMessageStartingWith("reading things failed: the database does not have")
                .hasMessageNotContaining("no_such_table").hasCause(violation);
    }

    @Test
    @DisplayName("an H2 file of random bytes cannot be opened: 'damaged', not H2's internal text")
    void damagedFile(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("inventory.mv.db"), noise);

        StoreFailureException failure = catchThrowableOfType(
                () -> JdbcInventoryStore.open("jdbc:h2:file:" + dir.resolve("inventory") + ";TRACE_LEVEL_FILE=0"),
                StoreFailureException.class);

        assertThat(failure).hasMessageContaining("the database file is damaged (SQLState 90030)")
                .hasMessageNotContaining("Store header").hasMessageNotContaining("[90030-");
    }

    private static SQLException realError(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
             Statement statement = connection.createStatement()) {
            for (String one : sql.split(";")) {
                statement.execute(one);
            }
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("no error from " + sql);
    }
}
