package dev.unmanaged.inventory.jdbc.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests run on the class path; this one checks that the module works on the module path too. */
@DisplayName("The store as a named module on the module path")
class ModulePathTest {
    @Test
    @DisplayName("migrates its schema from its own encapsulated scripts and serves a caller outside the module")
    void worksAsNamedModule(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        // Everything that can be a module: jars, and class folders holding a module-info.class (this module's own,
        // and in a reactor build those of the modules it depends on).
        String testClasses = Path.of(ModulePathMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String modulePath = entries.stream()
                .filter(e -> e.endsWith(".jar") || Files.isRegularFile(Path.of(e, "module-info.class")))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(modulePath).contains(Path.of(JdbcInventoryStore.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "--module-path", modulePath, "--add-modules", "dev.unmanaged.inventory.jdbc,dev.unmanaged.json",
                "-cp", testClasses, ModulePathMain.class.getName(), dir.resolve("db").toString()));
        Path log = dir.resolve("out.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("module dev.unmanaged.inventory.jdbc").contains("10.10.0.10");
    }
}
