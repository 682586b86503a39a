package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import dev.unmanaged.tck.fake.InMemoryInventoryStore.Step;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure injected at each step of import and unmanage leaves the store exactly as before (or fully done), the
 * instance untouched or persistent, and a plain retry of the same request converges.
 */
@DisplayName("Faults at every step")
class FaultTest {
    private static final List<String> MACS = List.of(mac(11), mac(12), mac(1));

    private InMemoryHypervisorProvider provider;
    private InMemoryInventoryStore fake;
    private FailingCatalogStore store;
    private UnmanagedInstances instances;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider();
        fake = new InMemoryInventoryStore(Fixtures.CATALOG);
        store = new FailingCatalogStore(fake);
        instances = UnmanagedInstances.builder().providers(provider).store(store).build();
        // Transient and running: an unmanage that loses it would lose the VM.
        InstanceDescriptor vm = Fixtures.vm("app", uuid(10), 2, 2 * GIB, List.of(mac(11), mac(12)),
                List.of("/var/lib/libvirt/images/app.qcow2"), List.of());
        provider.putInstance(H1.id(), vm.onHost(H1.id(), PowerState.RUNNING, false));
        // Another managed instance whose state must survive every fault untouched.
        Fixtures.put(provider, H1, Fixtures.simpleVm("other", 1));
        instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
    }

    @AfterEach
    void tearDown() {
        instances.close();
    }

    /** Fixed address on one NIC, automatic on the other, so that every write of an import runs. */
    private static ImportRequest request() {
        return ImportRequest.builder(H1, "app").owner("alice").offering("small")
                .network(mac(11), "net1").ip(mac(11), IpAssignment.fixed("10.0.0.15"))
                .network(mac(12), "net1").ip(mac(12), IpAssignment.auto())
                .pool("vda", "images").diskOffering("vda", "d20")
                .build();
    }

    static Stream<Arguments> importFaults() {
        return Stream.of(
                Arguments.of("provider read", (Consumer<FaultTest>) t -> t.provider.failOnce(H1.id(),
                        Operation.DESCRIBE, new HostUnavailableException(H1.id(), "connection reset", null))),
                Arguments.of("catalog lookup during validation",
                        (Consumer<FaultTest>) t -> t.store.failNextCatalogLookup()),
                Arguments.of("reserveMac", storeFault(Step.RESERVE_MAC)),
                Arguments.of("reserveIp", storeFault(Step.RESERVE_IP)),
                Arguments.of("reserveFreeIp", storeFault(Step.RESERVE_FREE_IP)),
                Arguments.of("insertInstance", storeFault(Step.INSERT_INSTANCE)),
                Arguments.of("commit", storeFault(Step.COMMIT)));
    }

    private static Consumer<FaultTest> storeFault(Step step) {
        return t -> t.fake.failOnce(step);
    }

    @ParameterizedTest(name = "import fails at {0}: nothing is written and a retry imports")
    @MethodSource("importFaults")
    void importFaultLeavesNothingAndRetryConverges(String step, Consumer<FaultTest> inject) {
        StoreState before = StoreState.of(store, MACS);
        inject.accept(this);

        assertThatThrownBy(() -> instances.importInstance(request())).isInstanceOf(UnmanagedException.class)
                .isInstanceOfAny(HostUnavailableException.class, StoreFailureException.class);

        assertThat(StoreState.of(store, MACS)).isEqualTo(before);
        assertThat(provider.instance(H1.id(), uuid(10))).hasValueSatisfying(vm ->
                assertThat(vm.persistent()).isFalse());

        ImportResult retried = instances.importInstance(request());

        assertThat(retried.alreadyExisted()).isFalse();
        ManagedInstance record = fake.find(uuid(10)).orElseThrow();
        assertThat(record).isEqualTo(retried.instance());
        assertThat(record.nics()).containsExactly(new ManagedNic(mac(11), "net1", "10.0.0.15"),
                new ManagedNic(mac(12), "net1", "10.0.0.11"));
        StoreState after = StoreState.of(store, MACS);
        assertThat(after.reservedIps()).isEqualTo(before.reservedIps() + 2);
        assertThat(after.reservedMacs()).isEqualTo(before.reservedMacs() + 2);
        assertThat(instances.importInstance(request()).alreadyExisted()).isTrue();
    }

    @Test
    @DisplayName("import whose acknowledgement is lost after commit: the import is fully done and a retry reports it")
    void importAcknowledgementLost() {
        StoreState before = StoreState.of(store, MACS);
        fake.failOnce(Step.AFTER_COMMIT);

        assertThatThrownBy(() -> instances.importInstance(request())).isInstanceOf(StoreFailureException.class);

        ManagedInstance record = fake.find(uuid(10)).orElseThrow();
        StoreState done = StoreState.of(store, MACS);
        assertThat(done.reservedIps()).isEqualTo(before.reservedIps() + 2);
        assertThat(done.reservedMacs()).isEqualTo(before.reservedMacs() + 2);

        ImportResult retried = instances.importInstance(request());

        assertThat(retried.alreadyExisted()).isTrue();
        assertThat(retried.instance()).isEqualTo(record);
        assertThat(StoreState.of(store, MACS)).isEqualTo(done);
    }

    @Nested
    @DisplayName("unmanage")
    class Unmanage {
        private StoreState managed;

        @BeforeEach
        void importIt() {
            instances.importInstance(request());
            managed = StoreState.of(store, MACS);
        }

        @ParameterizedTest(name = "fails at provider step {0}: the record stays and a retry releases a living VM")
        @EnumSource(value = Operation.class, names = {"PREPARE", "PREPARE_AFTER_CHANGE"})
        void providerFault(Operation operation) {
            provider.failOnce(H1.id(), operation, new HostUnavailableException(H1.id(), "connection reset", null));

            assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("app")))
                    .isInstanceOf(HostUnavailableException.class);
            assertThat(StoreState.of(store, MACS)).isEqualTo(managed);
            assertThat(provider.instance(H1.id(), uuid(10))).isPresent();

            retryConverges();
        }

        @ParameterizedTest(name = "fails at store step {0}: the record stays, the VM is persistent, a retry releases")
        @EnumSource(value = Step.class, names = {"REMOVE_INSTANCE", "COMMIT"})
        void storeFault(Step step) {
            fake.failOnce(step);

            assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("app")))
                    .isInstanceOf(StoreFailureException.class);
            assertThat(StoreState.of(store, MACS)).isEqualTo(managed);
            assertThat(provider.instance(H1.id(), uuid(10))).hasValueSatisfying(vm ->
                    assertThat(vm.persistent()).isTrue());

            retryConverges();
        }

        @Test
        @DisplayName("acknowledgement lost after commit: the release is fully done, the VM lives, a retry says it is not managed")
        void acknowledgementLost() {
            fake.failOnce(Step.AFTER_COMMIT);

            assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest("app")))
                    .isInstanceOf(StoreFailureException.class);
            StoreState released = StoreState.of(store, MACS);
            assertThat(released.instances()).extracting(ManagedInstance::uuid).containsExactly(uuid(1));
            assertThat(released.reservedIps()).isEqualTo(managed.reservedIps() - 2);
            assertThat(released.reservedMacs()).isEqualTo(managed.reservedMacs() - 2);

            assertThatThrownBy(() -> instances.unmanage(new UnmanageRequest(uuid(10).toString())))
                    .isInstanceOf(InstanceNotFoundException.class).hasMessageContaining(uuid(10).toString());
            assertThat(StoreState.of(store, MACS)).isEqualTo(released);
            assertThat(provider.instance(H1.id(), uuid(10))).hasValueSatisfying(vm ->
                    assertThat(vm.persistent()).isTrue());
            assertThat(provider.shutDown(H1.id(), uuid(10))).as("the VM outlives a shutdown").isPresent();
        }

        @Test
        @DisplayName("without a fault, the transient VM is defined persistently and survives being shut down")
        void vmSurvives() {
            UnmanageResult result = instances.unmanage(new UnmanageRequest(uuid(10).toString()));

            assertThat(result.preparation().definedPersistently()).isTrue();
            assertThat(provider.shutDown(H1.id(), uuid(10))).isPresent();
        }

        private void retryConverges() {
            UnmanageResult result = instances.unmanage(new UnmanageRequest("app"));

            assertThat(result.released().uuid()).isEqualTo(uuid(10));
            assertThat(fake.find(uuid(10))).isEmpty();
            StoreState after = StoreState.of(store, MACS);
            assertThat(after.reservedIps()).isEqualTo(managed.reservedIps() - 2);
            assertThat(after.reservedMacs()).isEqualTo(managed.reservedMacs() - 2);
            assertThat(after.instances()).extracting(ManagedInstance::uuid).containsExactly(uuid(1));
            assertThat(provider.instance(H1.id(), uuid(10))).hasValueSatisfying(vm ->
                    assertThat(vm.persistent()).isTrue());
            assertThat(provider.shutDown(H1.id(), uuid(10))).as("the VM outlives a shutdown").isPresent();
        }
    }
}
