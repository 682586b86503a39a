package dev.unmanaged.inventory.jdbc;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the schema scripts through this module's own class, instead of letting Flyway scan the class
 * path: on the module path the scripts are encapsulated in this module, where Flyway can list but not read them.
 */
final class SchemaMigrations implements ResourceProvider {
    /** The folder of the scripts, in this module's jar. */
    static final String FOLDER = "db/migration/";
    /** Every script, in order. A test checks that this list and the folder agree. */
    static final List<String> SCRIPTS = List.of(
            "V1__catalog.sql",
            "V2__inventory.sql",
            "V3__long_instance_names.sql",
            "V4__long_display_names.sql",
            "V5__cpu_sizing.sql",
            "V6__address_allocation.sql",
            "V7__redo_journal.sql");

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return SCRIPTS.contains(fileName) ? new Script(fileName) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return SCRIPTS.stream()
                .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .<LoadableResource>map(Script::new)
                .toList();
    }

    /** One script of {@link #SCRIPTS}. */
    private static final class Script extends LoadableResource {
        private final String fileName;

        Script(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = SchemaMigrations.class.getResourceAsStream("/" + FOLDER + fileName);
            if (in == null) {
                throw new FlywayException("the schema script " + FOLDER + fileName + " is missing from the jar");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        // Relative to the scripts' folder, as Flyway's own class-path scanning records a script.
        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
