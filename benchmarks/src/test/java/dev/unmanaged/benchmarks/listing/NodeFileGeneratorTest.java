package dev.unmanaged.benchmarks.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;

class NodeFileGeneratorTest {
    @Test
    @DisplayName("a generated node loads in libvirt's test driver with every domain, in several states, and its pools")
    void generatedNodeLoadsInTheTestDriver(@TempDir Path dir) throws Exception {
        Path node = dir.resolve("node.xml");
        NodeFileGenerator.Stats stats = new NodeFileGenerator(40, 7).write(node);

        assertThat(stats.domains()).isEqualTo(40);
        assertThat(stats.disks()).isBetween(40, 160);
        assertThat(stats.nics()).isBetween(40, 120);
        assertThat(stats.volumes()).isEqualTo(stats.disks());
        Connect connect = new Connect("test://" + node, true);
        try {
            Domain[] domains = connect.listAllDomains(0);
            assertThat(domains).hasSize(40);
            long active = 0;
            for (Domain domain : domains) {
                active += domain.isActive();
                domain.free();
            }
            assertThat(active).isStrictlyBetween(0L, 40L);
            assertThat(connect.listStoragePools()).containsExactlyInAnyOrder("images", "fast");
        } finally {
            connect.close();
        }
    }

    @Test
    @DisplayName("the same size and seed always give the same file")
    void deterministic(@TempDir Path dir) throws Exception {
        new NodeFileGenerator(25, 3).write(dir.resolve("a.xml"));
        new NodeFileGenerator(25, 3).write(dir.resolve("b.xml"));
        assertThat(Files.readString(dir.resolve("a.xml"))).isEqualTo(Files.readString(dir.resolve("b.xml")));
    }
}
