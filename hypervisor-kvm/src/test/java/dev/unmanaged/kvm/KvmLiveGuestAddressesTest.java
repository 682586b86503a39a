package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guest addresses on the live daemon. Its domains have no guest OS, so no guest ever gets an address: this is where
 * an empty answer and an unsupported source (no guest agent) are seen as they really come.
 */
@DisplayName("Guest addresses on a live libvirt daemon with QEMU (no guest OS)")
class KvmLiveGuestAddressesTest {
    private static final long MIB = 1024L * 1024;
    private static final Host HOST = new Host("live-qemu", "kvm", LiveDaemon.URI);
    private static final String MAC = "52:54:00:6a:00:01";

    private LiveDaemon daemon;
    private KvmInstanceProvider provider;

    @BeforeEach
    void requireDaemon() {
        daemon = LiveDaemon.require();
        provider = new KvmInstanceProvider();
    }

    @AfterEach
    void removeDomains() throws Exception {
        if (provider != null) {
            provider.close();
        }
        if (daemon != null) {
            daemon.cleanUp();
        }
    }

    @Test
    @DisplayName("a running guest without address: empty addresses, the missing agent a warning, current refused")
    void noAddressAndNoAgent() throws Exception {
        String name = daemon.newName("addresses");
        UUID uuid = UUID.randomUUID();
        String definition = daemon.definition(name, uuid, "pw").replace("</devices>",
                "<interface type='user'><mac address='" + MAC + "'/><model type='virtio'/></interface></devices>");
        daemon.virshWithFile(definition, "create");

        InstanceDescriptor described = provider.describeInstance(HOST, uuid.toString());
        InstanceDescriptor listed = provider.listInstances(HOST, Set.of(ListingDetail.GUEST_ADDRESSES)).stream()
                .filter(d -> uuid.equals(d.uuid())).findFirst().orElseThrow();

        for (InstanceDescriptor d : List.of(described, listed)) {
            assertThat(d.nics()).singleElement().satisfies(nic -> assertThat(nic.guestAddresses()).isEmpty());
            assertThat(d.warnings()).filteredOn(w -> w.code().equals(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE))
                    .extracting(DescriptorWarning::message)
                    .anySatisfy(m -> assertThat(m).contains("guest agent").contains("not configured"));
            assertThat(d.warnings()).noneMatch(DescriptorWarning::blocksImport);
        }

        InMemoryInventoryStore store = new InMemoryInventoryStore(new Catalog(List.of(new Owner("ops", "Ops")),
                List.of(ComputeOffering.custom("any", "Any", 1, 8, 32 * MIB, 8192 * MIB)),
                List.of(new Network("lan", "LAN", new AddressRange("10.0.2.2", "10.0.2.250"), null, Set.of())),
                List.of(), List.of(), List.of()));
        try (UnmanagedInstances library = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            ImportPlan plan = library.plan(ImportRequest.builder(HOST, uuid.toString()).owner("ops").offering("any")
                    .network(MAC, "lan").ip(MAC, IpAssignment.current()).build());

            assertThat(plan.blockingProblems()).filteredOn(p -> p.code() == ProblemCode.IP_GUEST_UNKNOWN)
                    .singleElement().extracting(Problem::message).asString()
                    .contains("no IPv4 address").contains("not configured");
        }
    }
}
