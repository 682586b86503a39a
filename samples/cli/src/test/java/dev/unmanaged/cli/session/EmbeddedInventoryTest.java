package dev.unmanaged.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Which --store URLs name an embedded H2 file, and how the tool opens it")
class EmbeddedInventoryTest {
    @Test
    @DisplayName("jdbc:h2:file: names the file PATH.mv.db and gets DB_CLOSE_ON_EXIT=FALSE and TRACE_LEVEL_FILE=0")
    void fileUrl() {
        var inventory = EmbeddedInventory.named("jdbc:h2:file:/srv/unmanaged/inventory;LOCK_TIMEOUT=1000").orElseThrow();

        assertThat(inventory.dataFile()).isEqualTo(Path.of("/srv/unmanaged/inventory.mv.db"));
        assertThat(inventory.url()).isEqualTo("jdbc:h2:file:/srv/unmanaged/inventory;LOCK_TIMEOUT=1000"
                + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
    }

    @Test
    @DisplayName("a setting the URL names itself is kept, whatever its case")
    void ownSettingsKept() {
        var inventory = EmbeddedInventory.named("jdbc:h2:/srv/inv;trace_level_file=2").orElseThrow();

        assertThat(inventory.dataFile()).isEqualTo(Path.of("/srv/inv.mv.db"));
        assertThat(inventory.url()).isEqualTo("jdbc:h2:/srv/inv;trace_level_file=2;DB_CLOSE_ON_EXIT=FALSE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdbc:h2:mem:inventory", "jdbc:h2:tcp://db/inventory", "jdbc:h2:zip:/a.zip!/inventory",
            "jdbc:postgresql://db:5432/unmanaged?user=u"})
    @DisplayName("other databases are no embedded file: they are opened as they are")
    void otherDatabases(String url) {
        assertThat(EmbeddedInventory.named(url)).isEmpty();
    }

    @Test
    @DisplayName("the default inventory is inventory.mv.db in the directory given")
    void defaultInventory() {
        var inventory = EmbeddedInventory.in(Path.of("/home/me/.unmanaged/inventory"));

        assertThat(inventory.dataFile()).isEqualTo(Path.of("/home/me/.unmanaged/inventory/inventory.mv.db"));
        assertThat(inventory.url()).startsWith("jdbc:h2:file:/home/me/.unmanaged/inventory/inventory;");
    }
}
