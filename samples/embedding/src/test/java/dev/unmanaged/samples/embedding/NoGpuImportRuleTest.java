package dev.unmanaged.samples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sample import rule")
class NoGpuImportRuleTest {
    private static final Catalog CATALOG = new Catalog(List.of(new Owner("acme", "ACME")),
            List.of(ComputeOffering.custom("custom", "Custom", 1, 64, 1L << 28, 1L << 40)),
            List.of(new Network("guest", "Guest", new AddressRange("10.0.0.10", "10.0.0.99"), null, Set.of())),
            List.of(new StoragePool("images", "Images", "/var/lib/fake/images", "default", Set.of())),
            List.of(), List.of());

    @Test
    @DisplayName("is found by the ServiceLoader without being named, blocks a GPU VM and warns about a missing"
            + " template, beside the built-in checks")
    void foundAndApplied() {
        var provider = new InMemoryHypervisorProvider();
        Host host = provider.addHost("h1");
        var gpu = provider.putInstance("h1", InstanceDescriptors.named("lab-gpu-01").build());
        var plain = provider.putInstance("h1", InstanceDescriptors.named("web-01").build());
        try (var instances = UnmanagedInstances.builder().providers(provider)
                .store(new InMemoryInventoryStore(CATALOG)).build()) {
            ImportPlan gpuPlan = instances.plan(request(host, gpu.uuid().toString(), gpu.nics().get(0).mac()));
            ImportPlan plainPlan = instances.plan(request(host, plain.uuid().toString(), plain.nics().get(0).mac()));

            assertThat(gpuPlan.importable()).isFalse();
            assertThat(gpuPlan.blockingProblems()).extracting(Problem::codeName)
                    .containsExactly(NoGpuImportRule.NO_GPU_IMPORT);
            assertThat(plainPlan.importable()).isTrue();
            assertThat(plainPlan.problems()).singleElement().satisfies(p -> {
                assertThat(p.codeName()).isEqualTo(NoGpuImportRule.NO_TEMPLATE);
                assertThat(p.severity()).isEqualTo(Severity.WARN);
            });
        }
    }

    private static ImportRequest request(Host host, String instance, String mac) {
        return ImportRequest.builder(host, instance).owner("acme").offering("custom").network(mac, "guest")
                .pool("vda", "images").build();
    }
}
