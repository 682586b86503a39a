package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.unmanaged.api.error.StoreFailureException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Opening a store")
class OpeningTest {
    @Test
    @DisplayName("a database that cannot be reached is a store failure whose message hides the password")
    void unreachable() {
        assertThatThrownBy(() -> JdbcInventoryStore.open(
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=s3cret&connectTimeout=2"))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=s3cret&connectTimeout=2",
            "jdbc:nosuchdriver://db.example/inventory?user=u&password=s3cret",
            "jdbc:h2:mem:x;PASSWORD=s3cret;NO_SUCH_SETTING=1"})
    @DisplayName("a store that cannot open shows the password in no message, cause or stack trace")
    void failureChainHidesThePassword(String url) {
        Throwable failure = catchThrowable(() -> JdbcInventoryStore.open(url));
        assertThat(failure).isInstanceOf(StoreFailureException.class).hasMessageContaining("***");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("Caused by").doesNotContain("s3cret");
    }

    @Test
    @DisplayName("a directory that cannot be created is a store failure naming it")
    void directoryInTheWay(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(file.resolve("inventory")))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("over the caller's data source it works in transactions, gives connections back as they came"
            + " and leaves the data source open")
    void callersDataSource(@TempDir Path dir) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("orchestrator"));
        config.setMaximumPoolSize(2); // the schema migration holds two connections at once
        try (HikariDataSource orchestratorPool = new HikariDataSource(config)) {
            UUID uuid = UUID.randomUUID();
            try (JdbcInventoryStore store = JdbcInventoryStore.open(orchestratorPool, "the orchestrator's pool")) {
                store.upsertCatalog(TestData.catalog());
                assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                    w.insertInstance(TestData.instance(uuid, "rolled-back", TestData.mac(1), null));
                    throw new IllegalStateException("undo");
                })).hasMessage("undo");
                store.inUnitOfWork(w -> {
                    w.insertInstance(TestData.instance(uuid, "kept", TestData.mac(1), null));
                    return w.reserveFreeIp(TestData.NET_A, uuid);
                });
                assertThat(store.find(uuid)).map(m -> m.name()).contains("kept");
            }
            assertThat(orchestratorPool.isClosed()).isFalse();
            try (Connection c = orchestratorPool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM managed_instances")) {
                assertThat(c.getAutoCommit()).as("auto-commit as the pool hands it out").isTrue();
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("a store names its database without the password")
    void describesItself(@TempDir Path dir) {
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(dir)) {
            assertThat(store.toString()).contains("jdbc:h2:file:").contains(dir.toString());
        }
    }
}
