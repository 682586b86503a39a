package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Adopting the address a guest uses now (ip current)")
class CurrentAddressTest {
    private final Workbench bench = new Workbench();
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("the guest's one IPv4 address on the NIC is planned, imported and reserved; IPv6 ones are ignored")
    void adoptsTheGuestsAddress() {
        put(guestVm(1, PowerState.RUNNING, lease("10.0.0.15"), agent("fe80::5054:ff:fe00:1", 64)));

        ImportResult result = instances.importInstance(currentRequest(1).build());

        assertThat(result.plan().problems()).isEmpty();
        assertThat(result.instance().nics()).singleElement()
                .satisfies(nic -> assertThat(nic.ipAddress()).isEqualTo("10.0.0.15"));
        assertThat(store.catalog().isIpInUse("net1", "10.0.0.15")).isTrue();
    }

    @Test
    @DisplayName("a repeat of a current import that succeeded is reported as done, not as a conflict")
    void repeatIsDone() {
        put(guestVm(1, PowerState.RUNNING, lease("10.0.0.15")));
        instances.importInstance(currentRequest(1).build());

        ImportResult again = instances.importInstance(currentRequest(1).build());

        assertThat(again.alreadyExisted()).isTrue();
        assertThat(again.instance().nics().get(0).ipAddress()).isEqualTo("10.0.0.15");
    }

    @Test
    @DisplayName("an address outside the mapped network's range is IP_GUEST_OUT_OF_RANGE, naming address and range")
    void outOfRange() {
        put(guestVm(1, PowerState.RUNNING, lease("192.168.122.7")));

        ImportPlan plan = instances.plan(currentRequest(1).build());

        assertThat(plan.blockingProblems()).extracting(Problem::code).containsExactly(ProblemCode.IP_GUEST_OUT_OF_RANGE);
        assertThat(plan.blockingProblems().get(0).message()).contains("192.168.122.7").contains("10.0.0.10-10.0.0.20");
    }

    @Test
    @DisplayName("an address another instance holds is IP_IN_USE")
    void inUse() {
        put(guestVm(1, PowerState.RUNNING, lease("10.0.0.15")));
        store.inUnitOfWork(w -> {
            w.reserveIp("net1", "10.0.0.15", uuid(99));
            return null;
        });

        ImportPlan plan = instances.plan(currentRequest(1).build());

        assertThat(plan.blockingProblems()).extracting(Problem::code).containsExactly(ProblemCode.IP_IN_USE);
        assertThat(plan.blockingProblems().get(0).message()).contains("10.0.0.15");
    }

    @Test
    @DisplayName("several IPv4 addresses on the NIC are IP_GUEST_AMBIGUOUS, listing them; naming one imports it")
    void ambiguous() {
        put(guestVm(1, PowerState.RUNNING, lease("10.0.0.15"), agent("10.0.0.16", 24), agent("10.0.0.15", 24)));

        ImportPlan plan = instances.plan(currentRequest(1).build());

        assertThat(plan.blockingProblems()).extracting(Problem::code).containsExactly(ProblemCode.IP_GUEST_AMBIGUOUS);
        assertThat(plan.blockingProblems().get(0).message()).contains("[10.0.0.15, 10.0.0.16]");
        ImportRequest named = currentRequest(1).ip(mac(1), IpAssignment.fixed("10.0.0.16")).build();
        assertThat(instances.importInstance(named).instance().nics().get(0).ipAddress()).isEqualTo("10.0.0.16");
    }

    @Test
    @DisplayName("a stopped instance is IP_GUEST_UNKNOWN, saying it is stopped")
    void stoppedIsUnknown() {
        put(guestVm(1, PowerState.STOPPED, lease("10.0.0.15")));

        assertThatThrownBy(() -> instances.importInstance(currentRequest(1).build()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .filteredOn(Problem::blocks).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo(ProblemCode.IP_GUEST_UNKNOWN);
                            assertThat(p.message()).contains("stopped");
                        }));
        assertThat(store.list()).isEmpty();
    }

    @Test
    @DisplayName("a running guest without an address is IP_GUEST_UNKNOWN, quoting why the sources said nothing")
    void noAddressIsUnknown() {
        put(guestVm(1, PowerState.RUNNING).toBuilder().warning(DescriptorWarning.info(
                WarningCodes.GUEST_ADDRESSES_UNAVAILABLE, "agent: the guest agent is not configured")).build());

        ImportPlan plan = instances.plan(currentRequest(1).build());

        assertThat(plan.blockingProblems()).extracting(Problem::code).containsExactly(ProblemCode.IP_GUEST_UNKNOWN);
        assertThat(plan.blockingProblems().get(0).message()).contains("no IPv4 address")
                .contains("the guest agent is not configured");
    }

    @Test
    @DisplayName("auto on another NIC never plans the address a NIC adopts with current")
    void autoSkipsTheCurrentAddress() {
        InstanceDescriptor vm = Fixtures.vm("two", uuid(2), List.of(mac(21), mac(22)), List.of(
                "/var/lib/libvirt/images/two.qcow2"));
        List<NicDescriptor> nics = List.of(vm.nics().get(0), vm.nics().get(1).withGuestAddresses(List.of(
                lease("10.0.0.10"))));
        put(vm.toBuilder().nics(nics).build());
        ImportRequest request = ImportRequest.builder(H1, "two").owner("alice").offering("small")
                .network(mac(21), "net1").ip(mac(21), IpAssignment.auto())
                .network(mac(22), "net1").ip(mac(22), IpAssignment.current())
                .pool("vda", "images").build();

        ImportResult result = instances.importInstance(request);

        assertThat(result.instance().nics()).extracting(n -> n.ipAddress()).containsExactly("10.0.0.11", "10.0.0.10");
    }

    @Test
    @DisplayName("a listing reads guest addresses only when the query asks for them")
    void listingReadsAddressesOnlyWhenAsked() {
        put(guestVm(1, PowerState.RUNNING, lease("10.0.0.15")));

        List<InstanceDescriptor> plain = instances.list(ListQuery.of(H1)).instances();
        List<InstanceDescriptor> withAddresses = instances.list(ListQuery.of(H1).withGuestAddresses(true)).instances();

        assertThat(plain).singleElement().satisfies(d -> assertThat(d.nics().get(0).guestAddresses()).isEmpty());
        assertThat(withAddresses).singleElement().satisfies(d -> assertThat(d.nics().get(0).guestAddresses())
                .containsExactly(lease("10.0.0.15")));
        assertThat(instances.describe(H1, "web").nics().get(0).guestAddresses()).containsExactly(lease("10.0.0.15"));
    }

    private void put(InstanceDescriptor instance) {
        Fixtures.put(provider, H1, instance);
    }

    private static InstanceDescriptor guestVm(int n, PowerState state, GuestAddress... addresses) {
        InstanceDescriptor vm = Fixtures.simpleVm("web", n);
        return vm.toBuilder().powerState(state)
                .nics(List.of(vm.nics().get(0).withGuestAddresses(List.of(addresses)))).build();
    }

    private static ImportRequest.Builder currentRequest(int n) {
        return Fixtures.cleanRequest(H1, n).ip(mac(n), IpAssignment.current());
    }

    private static GuestAddress lease(String address) {
        return new GuestAddress(address, 24, GuestAddress.Source.LEASE);
    }

    private static GuestAddress agent(String address, int prefix) {
        return new GuestAddress(address, prefix, GuestAddress.Source.AGENT);
    }
}
