package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The schema scripts")
class SchemaMigrationsTest {
    @Test
    @DisplayName("are all listed, in version order, for Flyway to read through the module")
    void listMatchesFolder() throws Exception {
        URL folder = SchemaMigrationsTest.class.getClassLoader().getResource(SchemaMigrations.FOLDER);
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(SchemaMigrations.SCRIPTS);
        }
        assertThat(SchemaMigrations.SCRIPTS).isSortedAccordingTo((a, b) -> Integer.compare(version(a), version(b)));
        assertThat(new SchemaMigrations().getResources("V", new String[] {".sql"})).hasSize(SchemaMigrations.SCRIPTS.size());
        assertThat(new SchemaMigrations().getResource("db/migration/V1__catalog.sql").read()).isNotNull();
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }
}
