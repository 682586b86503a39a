package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.tck.InstanceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guest addresses on the vCenter simulator, whose stand-in for VMware Tools reports each NIC in {@code guest.net}
 * without addresses until {@code guest.ipAddress} is set, and then that one bare address on the first NIC.
 */
@DisplayName("Guest addresses of the vCenter simulator's VMs")
class VsphereGuestAddressesLiveTest {
    private SimulatorBed bed;
    private VsphereInstanceProvider provider;

    @BeforeEach
    void open() {
        Simulator simulator = Simulator.shared();
        bed = new SimulatorBed(simulator, simulator.host());
        provider = new VsphereInstanceProvider(VsphereProviderOptions.of((server, user) -> "pw".toCharArray())
                .withCallTimeout(Duration.ofSeconds(20)));
    }

    @AfterEach
    void close() {
        if (bed == null) {
            return; // the simulator is skipped (-Dlive.skip=true)
        }
        bed.created().forEach(bed::remove);
        provider.close();
        bed.close();
    }

    private static List<List<GuestAddress>> addresses(InstanceDescriptor descriptor) {
        return descriptor.nics().stream().map(NicDescriptor::guestAddresses).toList();
    }

    private InstanceDescriptor listed(UUID uuid, Set<ListingDetail> details) {
        return provider.listInstances(bed.host(), details).stream().filter(d -> uuid.equals(d.uuid())).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("the address Tools report is on the NIC of its MAC in describe and an asked listing, not in a plain one")
    void reported() {
        UUID uuid = bed.create(InstanceSpec.running("tools-" + System.nanoTime() % 100000).plusNic());
        bed.reportGuestAddress(uuid, "10.40.0.7");
        GuestAddress tools = new GuestAddress("10.40.0.7", 32, GuestAddress.Source.AGENT);

        assertThat(addresses(provider.describeInstance(bed.host(), uuid.toString())))
                .containsExactly(List.of(tools), List.of());
        assertThat(addresses(listed(uuid, Set.of(ListingDetail.GUEST_ADDRESSES))))
                .containsExactly(List.of(tools), List.of());
        assertThat(addresses(listed(uuid, Set.of()))).containsExactly(List.of(), List.of());
    }

    @Test
    @DisplayName("a running VM whose Tools report NICs without addresses has none and no warning; a stopped one none")
    void none() {
        UUID running = bed.create(InstanceSpec.running("tools-none-" + System.nanoTime() % 100000));
        UUID stopped = bed.create(InstanceSpec.running("tools-off-" + System.nanoTime() % 100000).stopped());
        InstanceDescriptor described = provider.describeInstance(bed.host(), running.toString());
        assertThat(described.nics()).isNotEmpty().allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
        assertThat(described.warnings()).isEmpty();
        assertThat(provider.describeInstance(bed.host(), stopped.toString()).nics())
                .allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
    }
}
