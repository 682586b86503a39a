package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.StoreFailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    @DisplayName("a directory that cannot be created is a store failure naming it")
    void directoryInTheWay(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(file.resolve("inventory")))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("a store names its database without the password")
    void describesItself(@TempDir Path dir) {
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(dir)) {
            assertThat(store.toString()).contains("jdbc:h2:file:").contains(dir.toString());
        }
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/x?user=a&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
    }
}
