package dev.unmanaged.samples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.operation.ProblemCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
    @Test
    @DisplayName("the sample lists, plans, imports and unmanages a transient VM on a real libvirt test-driver host")
    void walksThroughTheWholeLifeCycle() throws Exception {
        var buffer = new ByteArrayOutputStream();
        String uri = "test://" + EmbeddingExample.extractSampleHost();

        EmbeddingExample.Walkthrough walk;
        try (var out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            walk = EmbeddingExample.run(uri, out);
        }

        assertThat(walk.unmanagedAtStart()).containsExactly("etl-worker", "old-reports", "shop-web");
        // The careless plan names both of its mistakes at once.
        assertThat(walk.firstPlanProblems())
                .contains(ProblemCode.NIC_UNMAPPED)
                .containsAnyOf(ProblemCode.OFFERING_CPU_MISMATCH, ProblemCode.OFFERING_MEMORY_MISMATCH);
        assertThat(walk.imported().name()).isEqualTo("etl-worker");
        assertThat(walk.imported().offeringId()).isEqualTo("custom");
        assertThat(walk.imported().vcpus()).isEqualTo(4);
        assertThat(walk.imported().memoryBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
        assertThat(walk.imported().nics()).singleElement().satisfies(nic -> {
            assertThat(nic.networkId()).isEqualTo("backend");
            assertThat(nic.ipAddress()).isEqualTo("10.50.0.10");
        });
        assertThat(walk.imported().disks()).extracting(d -> d.deviceName() + "@" + d.poolId())
                .containsExactly("vda@images", "vdb@images");
        assertThat(walk.unmanagedAfterImport()).containsExactly("old-reports", "shop-web");
        assertThat(walk.released().released().uuid()).isEqualTo(walk.imported().uuid());
        assertThat(walk.released().preparation().definedPersistently())
                .as("a transient domain is defined persistently before it is let go").isTrue();
        assertThat(walk.unmanagedAtEnd()).containsExactly("etl-worker", "old-reports", "shop-web");

        String told = buffer.toString(StandardCharsets.UTF_8);
        assertThat(told).contains("Providers found: [kvm]", "Imported etl-worker", "now defined persistently");
    }
}
