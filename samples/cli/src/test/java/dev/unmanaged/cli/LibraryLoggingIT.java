package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libraries' log lines, as the tool shows them with {@code --debug} on a fresh home. */
@DisplayName("Library logging, run as a separate process")
class LibraryLoggingIT {
    @Test
    @DisplayName("Flyway's messages come through SLF4J, and Flyway does not warn that H2 is newer than it supports")
    void flywayLogsThroughSlf4j(@TempDir Path temp) throws Exception {
        var result = new CliProcess(temp.resolve("home")).run("list", "--debug");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // slf4j-simple's form, "[thread] LEVEL ShortName - message"; java.util.logging would write
        // "<date> org.flywaydb.core.internal.command.DbMigrate migrate" and "INFO: ..." on two lines.
        assertThat(result.err()).as(result.toString())
                .contains("INFO DbMigrate - Successfully applied")
                .doesNotContain("org.flywaydb.core.internal.command.DbMigrate")
                .doesNotContain("newer than this version of Flyway")
                .doesNotContainPattern("(?m)^(INFO|WARNING): ");
    }
}
