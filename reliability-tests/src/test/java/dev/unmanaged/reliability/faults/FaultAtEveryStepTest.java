package dev.unmanaged.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.reliability.support.FaultyStore;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.World;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure injected at each step of an import and of an unmanage in turn, over the reference fakes and over
 * the JDBC store on H2 (behind a fault-injecting decorator of the store SPI; on H2 the commit fault fails the
 * real JDBC commit). After each: the store is exactly on the side each step states — as before for every
 * failure up to and including the commit, as after for a lost acknowledgement — (full snapshots: every row of
 * every table on H2), the VM is untouched or persistent, and a retry of the same request converges on the
 * state a fault-free run produces.
 */
@DisplayName("A fault at any step of import or unmanage leaves all or nothing, and a retry converges")
class FaultAtEveryStepTest {
    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static final AtomicInteger ENDED_BEFORE = new AtomicInteger();
    private static final AtomicInteger ENDED_AFTER = new AtomicInteger();

    /** Which state the store must be left in by a failure: the one before the call, or the one after it. */
    enum Side {
        /** Nothing was committed: every failure before the commit, and the commit itself. */
        BEFORE,
        /** The change was committed and only its acknowledgement was lost. */
        AFTER
    }

    /** A failure at one step, how to arm it, and the side the store must end on. */
    enum ImportFault {
        PROVIDER_READ(Side.BEFORE, w -> w.provider.failOnce(w.host.id(), Operation.DESCRIBE,
                new HostUnavailableException(w.host.id(), "injected: connection reset while describing", null))),
        STORE_READ(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.READ)),
        VALIDATION_CATALOG_READ(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.CATALOG_READ)),
        RESERVE_MAC(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.RESERVE_MAC)),
        RESERVE_FIXED_IP(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.RESERVE_IP)),
        RESERVE_AUTOMATIC_IP(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.RESERVE_FREE_IP)),
        INSERT_INSTANCE(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.INSERT_INSTANCE)),
        /** On H2 the real JDBC commit fails; the in-memory store has none, so the end of the unit fails. */
        COMMIT(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.COMMIT)),
        ACKNOWLEDGEMENT_LOST_AFTER_COMMIT(Side.AFTER, w -> w.store.failOnce(FaultyStore.Step.AFTER_COMMIT));

        final Side expected;
        final Consumer<World> arm;

        ImportFault(Side expected, Consumer<World> arm) {
            this.expected = expected;
            this.arm = arm;
        }
    }

    /** A failure at one step of unmanage, and the side the store must end on. */
    enum UnmanageFault {
        STORE_READ(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.READ)),
        PROVIDER_PREPARE_BEFORE_CHANGE(Side.BEFORE, w -> w.provider.failOnce(w.host.id(), Operation.PREPARE,
                new HostUnavailableException(w.host.id(), "injected: connection refused", null))),
        /** The VM was made persistent but the provider's answer was lost: the record stays, the VM is safe. */
        PROVIDER_PREPARE_AFTER_CHANGE(Side.BEFORE, w -> w.provider.failOnce(w.host.id(), Operation.PREPARE_AFTER_CHANGE,
                new HostUnavailableException(w.host.id(), "injected: connection dropped before the answer", null))),
        STORE_REMOVAL(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.REMOVE_INSTANCE)),
        /** On H2 the real JDBC commit fails; the in-memory store has none, so the end of the unit fails. */
        COMMIT(Side.BEFORE, w -> w.store.failOnce(FaultyStore.Step.COMMIT)),
        ACKNOWLEDGEMENT_LOST_AFTER_COMMIT(Side.AFTER, w -> w.store.failOnce(FaultyStore.Step.AFTER_COMMIT));

        final Side expected;
        final Consumer<World> arm;

        UnmanageFault(Side expected, Consumer<World> arm) {
            this.expected = expected;
            this.arm = arm;
        }
    }

    static Stream<Arguments> importFaults() {
        return Stream.of(Stores.Kind.values())
                .flatMap(kind -> Stream.of(ImportFault.values()).map(fault -> Arguments.of(kind, fault)));
    }

    static Stream<Arguments> unmanageFaults() {
        return Stream.of(Stores.Kind.values())
                .flatMap(kind -> Stream.of(UnmanageFault.values()).map(fault -> Arguments.of(kind, fault)));
    }

    @AfterAll
    static void report() {
        System.out.printf("faults: %d injected; store ended as before %d times, as after %d times%n",
                INJECTED.get(), ENDED_BEFORE.get(), ENDED_AFTER.get());
    }

    /** A running, persistent VM with two NICs (fixed and automatic address) and two disks. */
    private static InstanceDescriptor importable() {
        return InstanceDescriptors.named("web-" + UUID.randomUUID().toString().substring(0, 6))
                .nic(InstanceDescriptors.freshMac(), "br0")
                .nic(InstanceDescriptors.freshMac(), "br0")
                .disk("vda", 10 * InstanceDescriptors.GIB)
                .disk("vdb", 5 * InstanceDescriptors.GIB)
                .build();
    }

    /** A running, transient VM: unmanage must define it persistently. */
    private static InstanceDescriptor transientVm() {
        return InstanceDescriptors.named("batch-" + UUID.randomUUID().toString().substring(0, 6))
                .transientInstance()
                .nic(InstanceDescriptors.freshMac(), "br0")
                .disk("vda", 10 * InstanceDescriptors.GIB)
                .build();
    }

    @ParameterizedTest(name = "{0}: import with a failure at {1}")
    @MethodSource("importFaults")
    void importFault(Stores.Kind kind, ImportFault fault) {
        InstanceDescriptor vm = importable();
        String expectedAfter = referenceAfterImport(kind, vm);

        try (World world = World.openWithFailingCommits(kind)) {
            InstanceDescriptor onHost = world.put(vm);
            ImportRequest request = world.importRequest(vm, 150);
            String before = world.snapshot();

            fault.arm.accept(world);
            Throwable failure = catchThrowable(() -> world.instances.importInstance(request));
            INJECTED.incrementAndGet();

            assertThat(failure).as("the failure reaches the caller typed").isInstanceOf(UnmanagedException.class);
            assertInjected(failure);
            assertRealCommitFailed(world, kind, fault == ImportFault.COMMIT);
            String during = world.snapshot();
            assertThat(during).as("the store after the failed import (%s expected)", fault.expected)
                    .isEqualTo(fault.expected == Side.BEFORE ? before : expectedAfter);
            (fault.expected == Side.BEFORE ? ENDED_BEFORE : ENDED_AFTER).incrementAndGet();
            assertThat(world.provider.instance(world.host.id(), vm.uuid())).as("the VM is untouched").contains(onHost);

            ImportResult retried = world.instances.importInstance(request);
            assertThat(retried.alreadyExisted()).isEqualTo(during.equals(expectedAfter));
            assertThat(world.snapshot()).as("the store after the retry").isEqualTo(expectedAfter);
            assertThat(world.provider.instance(world.host.id(), vm.uuid())).contains(onHost);
        }
    }

    /**
     * The failure is the one injected: its message says so, or — for a failure of the real database, which the
     * store words itself and keeps in the cause — one of its causes does.
     */
    private static void assertInjected(Throwable failure) {
        assertThat(java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull, Throwable::getCause)
                .map(Throwable::getMessage))
                .as("the messages of %s and its causes", failure)
                .anyMatch(message -> message != null && message.contains("injected"));
    }

    @ParameterizedTest(name = "{0}: unmanage with a failure at {1}")
    @MethodSource("unmanageFaults")
    void unmanageFault(Stores.Kind kind, UnmanageFault fault) {
        InstanceDescriptor vm = transientVm();
        String expectedAfter = referenceAfterUnmanage(kind, vm);

        try (World world = World.openWithFailingCommits(kind)) {
            world.put(vm);
            ImportResult imported = world.instances.importInstance(world.importRequest(vm, 151));
            var request = new UnmanageRequest(imported.instance().uuid().toString());
            String before = world.snapshot();

            fault.arm.accept(world);
            Throwable failure = catchThrowable(() -> world.instances.unmanage(request));
            INJECTED.incrementAndGet();

            assertThat(failure).isInstanceOf(UnmanagedException.class);
            assertInjected(failure);
            assertRealCommitFailed(world, kind, fault == UnmanageFault.COMMIT);
            String during = world.snapshot();
            assertThat(during).as("the store after the failed unmanage (%s expected)", fault.expected)
                    .isEqualTo(fault.expected == Side.BEFORE ? before : expectedAfter);
            (fault.expected == Side.BEFORE ? ENDED_BEFORE : ENDED_AFTER).incrementAndGet();
            InstanceDescriptor vmDuring = world.provider.instance(world.host.id(), vm.uuid()).orElseThrow(
                    () -> new AssertionError("the VM was lost"));
            assertThat(vmDuring.powerState()).isEqualTo(PowerState.RUNNING);
            if (during.equals(expectedAfter)) {
                assertThat(vmDuring.persistent()).as("released from the inventory, so it must survive alone").isTrue();
            }

            Throwable retry = catchThrowable(() -> {
                UnmanageResult result = world.instances.unmanage(request);
                assertThat(result.released().uuid()).isEqualTo(vm.uuid());
            });
            if (during.equals(expectedAfter)) {
                assertThat(retry).as("already released: the retry finds nothing to release")
                        .isInstanceOf(InstanceNotFoundException.class);
            } else {
                assertThat(retry).isNull();
            }
            assertThat(world.snapshot()).isEqualTo(expectedAfter);
            InstanceDescriptor vmAfter = world.provider.instance(world.host.id(), vm.uuid()).orElseThrow();
            assertThat(vmAfter.persistent()).isTrue();
            assertThat(vmAfter.powerState()).isEqualTo(PowerState.RUNNING);
            // The VM survives being shut down now that it is defined persistently.
            assertThat(world.provider.shutDown(world.host.id(), vm.uuid())).isPresent();
        }
    }

    /** On H2 a COMMIT fault is a real JDBC commit that failed; no other fault touches the commit. */
    private static void assertRealCommitFailed(World world, Stores.Kind kind, boolean commitFault) {
        assertThat(world.realCommitsFailed()).as("real JDBC commits that failed")
                .isEqualTo(commitFault && kind == Stores.Kind.H2 ? 1 : 0);
    }

    private static String referenceAfterImport(Stores.Kind kind, InstanceDescriptor vm) {
        try (World reference = World.openWithFailingCommits(kind)) {
            reference.put(vm);
            reference.instances.importInstance(reference.importRequest(vm, 150));
            return reference.snapshot();
        }
    }

    private static String referenceAfterUnmanage(Stores.Kind kind, InstanceDescriptor vm) {
        try (World reference = World.openWithFailingCommits(kind)) {
            reference.put(vm);
            var imported = reference.instances.importInstance(reference.importRequest(vm, 151));
            reference.instances.unmanage(new UnmanageRequest(imported.instance().uuid().toString()));
            return reference.snapshot();
        }
    }
}
