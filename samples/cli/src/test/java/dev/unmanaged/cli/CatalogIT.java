package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Showing and loading the catalog, run as a separate process. */
@DisplayName("The catalog, run as a separate process")
class CatalogIT {
    @TempDir
    Path temp;

    @Test
    @DisplayName("a fresh embedded store shows the demo catalog; --load adds entries an import can then use")
    void loadsEntriesThatImportsUse() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        var shown = cli.run("catalog");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("Owners:", "acme", "Compute offerings:", "medium", "Networks:",
                "10.20.0.10-10.20.0.250", "Storage pools:", "/var/lib/libvirt/images", "Disk offerings:", "Templates:");

        Path file = temp.resolve("dmz.json");
        Files.writeString(file, """
                {"networks": [{"id": "dmz", "name": "DMZ (VLAN 300)", "range": "172.16.0.10-172.16.0.20", "vlan": 300}]}
                """);
        var loaded = cli.run("catalog", "--load", file.toString());
        assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
        assertThat(loaded.err()).contains("Loaded " + file + ": 0 owners, 0 compute offerings, 1 network");
        assertThat(loaded.out()).contains("dmz", "172.16.0.10-172.16.0.20", "300", "prod");

        var imported = cli.run("import", "web-02", "--owner", "globex", "--offering", "medium", "--network", "dmz",
                "--ip", "172.16.0.15", "--pool", "local-images");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("network dmz, IP 172.16.0.15");

        var taken = cli.run("import", "web-01", "--owner", "globex", "--offering", "medium", "--network", "dmz",
                "--ip", "172.16.0.15", "--pool", "local-images", "--dry-run");
        assertThat(taken.exitCode()).as(taken.toString()).isEqualTo(1);
        assertThat(taken.out()).contains("IP_IN_USE");
    }

    @Test
    @DisplayName("a catalog file with a bad value is refused naming it, and nothing is loaded")
    void refusesABadCatalog() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        Path file = temp.resolve("bad.json");
        Files.writeString(file, """
                {"networks": [{"id": "dmz", "name": "DMZ", "range": "172.16.0.30-172.16.0.20"}]}
                """);

        var result = cli.run("catalog", "--load", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: ").contains("172.16.0.30");
        assertThat(cli.run("catalog").out()).doesNotContain("dmz");
    }
}
