package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packaged tool as `java -jar` (and so the launcher) starts it. */
@DisplayName("The packaged tool's jar")
class PackagedJarIT {
    @Test
    @DisplayName("names its main class and libraries, and lets JNA reach libvirt without JDK 24+ warnings")
    void manifestStartsTheToolQuietly() throws Exception {
        try (JarFile jar = new JarFile(CliProcess.jar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();

            assertThat(main.getValue("Main-Class")).isEqualTo(UnmanagedCli.class.getName());
            assertThat(main.getValue("Class-Path")).contains("lib/hypervisor-kvm-", "lib/jna-");
            // Without it, every run on JDK 24 or later starts with four lines of restricted-method warnings.
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }
}
