package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
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
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Guest addresses read by the KVM provider on libvirt's test driver")
class KvmGuestAddressesTest {
    private static final long MIB = 1024L * 1024;
    private static final UUID APP_RUNNING = UUID.fromString("4e2b0c6d-1a2b-4c3d-8e4f-000000000001");
    private static final String DEFAULT_NIC = "52:54:00:20:00:01";
    private static final String BRIDGE_NIC = "52:54:00:20:00:03";

    private final Host host = TestDriverHosts.host("guest-addresses.xml");
    private KvmInstanceProvider provider;

    @BeforeEach
    void open() {
        provider = new KvmInstanceProvider(TestDriverHosts.OPTIONS);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    @DisplayName("describe gives each NIC of a running domain its guest addresses, IPv4 and IPv6, from the lease")
    void describeReadsAddresses() {
        InstanceDescriptor app = provider.describeInstance(host, "app-running");

        assertThat(provider.capabilities()).contains(ProviderCapability.GUEST_ADDRESSES);
        assertThat(app.nics()).extracting(NicDescriptor::guestAddresses).containsExactly(
                List.of(lease("10.0.0.3", 24)), List.of(lease("10.0.0.4", 24)), List.of(lease("192.168.0.3", 24)),
                List.of(lease("2001:db8::5", 64)));
        assertThat(app.warnings()).extracting(DescriptorWarning::code)
                .doesNotContain(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE);
    }

    @Test
    @DisplayName("a listing reads guest addresses only when asked, and then as describe gives them")
    void listingReadsAddressesOnlyWhenAsked() {
        InstanceDescriptor plain = named(provider.listInstances(host), "app-running");
        InstanceDescriptor asked = named(provider.listInstances(host,
                Set.of(ListingDetail.GUEST_ADDRESSES, ListingDetail.STORAGE)), "app-running");

        assertThat(plain.nics()).allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
        assertThat(asked).isEqualTo(provider.describeInstance(host, APP_RUNNING.toString()));
        assertThat(asked.nics().get(0).guestAddresses()).containsExactly(lease("10.0.0.3", 24));
    }

    @Test
    @DisplayName("a shut-off domain has no guest address, and no warning about it")
    void shutOffDomainHasNone() {
        InstanceDescriptor off = provider.describeInstance(host, "app-off");

        assertThat(off.nics()).singleElement().satisfies(nic -> assertThat(nic.guestAddresses()).isEmpty());
        assertThat(off.warnings()).isEmpty();
    }

    @Test
    @DisplayName("sources that fail are warnings naming each source, and the domain is still described and listed")
    void failingSourcesAreWarnings() {
        // The NICs of mixed-states' domains name a network 'default' that host does not have: every source fails.
        Host mixed = TestDriverHosts.mixedStates();
        InstanceDescriptor web = provider.describeInstance(mixed, "web-transient");

        assertThat(web.nics()).allSatisfy(nic -> assertThat(nic.guestAddresses()).isEmpty());
        assertThat(web.warnings()).filteredOn(w -> w.code().equals(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE))
                .extracting(DescriptorWarning::message).satisfiesExactly(
                        m -> assertThat(m).contains("DHCP lease").contains("default"),
                        m -> assertThat(m).contains("guest agent"),
                        m -> assertThat(m).contains("ARP table"));
        assertThat(web.warnings()).noneMatch(DescriptorWarning::blocksImport);
        assertThat(provider.listInstances(mixed, Set.of(ListingDetail.GUEST_ADDRESSES)))
                .extracting(InstanceDescriptor::name).contains("web-transient", "db-off");
    }

    @Test
    @DisplayName("ip current: imports the guest's address; out of range, in use and a shut-off guest are refused")
    void importCurrentAddress() {
        InMemoryInventoryStore store = new InMemoryInventoryStore(new Catalog(List.of(new Owner("ops", "Ops")),
                List.of(ComputeOffering.custom("any", "Any", 1, 8, 64 * MIB, 8192 * MIB)),
                List.of(new Network("lan", "LAN", new AddressRange("10.0.0.2", "10.0.0.50"), null, Set.of())),
                List.of(), List.of(), List.of()));
        try (UnmanagedInstances library = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            ImportPlan outOfRange = library.plan(request("app-running", BRIDGE_NIC).build());
            ImportPlan stopped = library.plan(request("app-off", "52:54:00:20:00:11").build());
            store.inUnitOfWork(w -> {
                w.reserveIp("lan", "10.0.0.3", UUID.randomUUID());
                return null;
            });
            ImportPlan inUse = library.plan(request("app-running", DEFAULT_NIC).build());

            assertThat(codes(outOfRange)).containsExactly(ProblemCode.IP_GUEST_OUT_OF_RANGE);
            assertThat(codes(stopped)).containsExactly(ProblemCode.IP_GUEST_UNKNOWN);
            assertThat(codes(inUse)).containsExactly(ProblemCode.IP_IN_USE);

            var imported = library.importInstance(request("app-running", "52:54:00:20:00:02")
                    .network(DEFAULT_NIC, "lan").ip(DEFAULT_NIC, IpAssignment.auto()).network(BRIDGE_NIC, "lan")
                    .network("52:54:00:20:00:04", "lan").build());
            assertThat(imported.instance().nics()).extracting(nic -> nic.ipAddress())
                    .containsExactly("10.0.0.2", "10.0.0.4", null, null);
        }
    }

    @Test
    @DisplayName("IPv6 addresses are written in their shortest form")
    void ipv6Text() throws Exception {
        assertThat(GuestAddresses.text(InetAddress.getByName("fe80:0:0:0:5054:ff:fe00:1"))).isEqualTo("fe80::5054:ff:fe00:1");
        assertThat(GuestAddresses.text(InetAddress.getByName("2001:db8:0:1:0:0:0:5"))).isEqualTo("2001:db8:0:1::5");
        assertThat(GuestAddresses.text(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(GuestAddresses.text(InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(GuestAddresses.text(InetAddress.getByName("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    private ImportRequest.Builder request(String instance, String mac) {
        return ImportRequest.builder(host, instance).owner("ops").offering("any")
                .network(mac, "lan").ip(mac, IpAssignment.current());
    }

    private static List<ProblemCode> codes(ImportPlan plan) {
        return plan.blockingProblems().stream().map(Problem::code).filter(code -> code.name().startsWith("IP_"))
                .toList();
    }

    private static InstanceDescriptor named(List<InstanceDescriptor> listing, String name) {
        return listing.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static GuestAddress lease(String address, int prefix) {
        return new GuestAddress(address, prefix, GuestAddress.Source.LEASE);
    }
}
