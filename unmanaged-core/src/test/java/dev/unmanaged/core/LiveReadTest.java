package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider.Operation;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A listing is a snapshot; plan and import judge the instance as its host has it now. */
@DisplayName("Plan and import read the instance live")
class LiveReadTest {
    private final Workbench bench = new Workbench();
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("an instance resized after it was listed is planned with its new size, read from the provider")
    void planReadsAfterListing() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        InstanceDescriptor listed = instances.list(ListQuery.of(H1)).instances().get(0);
        resize(4, 4 * GIB);
        long describesBefore = provider.calls(H1.id(), Operation.DESCRIBE);

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).build());

        assertThat(listed.cpu().vcpus()).isEqualTo(2);
        assertThat(provider.calls(H1.id(), Operation.DESCRIBE)).isEqualTo(describesBefore + 1);
        assertThat(plan.instance().cpu().vcpus()).isEqualTo(4);
        assertThat(plan.blockingProblems()).extracting(Problem::code).containsExactlyInAnyOrder(
                ProblemCode.OFFERING_CPU_MISMATCH, ProblemCode.OFFERING_MEMORY_MISMATCH);
    }

    @Test
    @DisplayName("an import whose plan was clean is refused when the instance changed before the import, and nothing is written")
    void importReadsAfterPlanning() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        ImportRequest request = Fixtures.cleanRequest(H1, 1).build();
        assertThat(instances.plan(request).importable()).isTrue();
        // The NIC is replaced on the host: the request's mapping now names a MAC the instance no longer has.
        provider.putInstance(H1.id(), Fixtures.vm("web", uuid(1), List.of(mac(99)),
                List.of("/var/lib/libvirt/images/web.qcow2")));

        assertThatThrownBy(() -> instances.importInstance(request)).isInstanceOfSatisfying(
                ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .extracting(Problem::code, Problem::subject).contains(
                                tuple(ProblemCode.NIC_UNMAPPED, "nic " + mac(99)),
                                tuple(ProblemCode.MAPPING_UNKNOWN_DEVICE, "nic " + mac(1))));
        assertThat(store.list()).isEmpty();
        assertThat(store.catalog().isMacInUse("net1", mac(1))).isFalse();
    }

    private void resize(int vcpus, long memory) {
        provider.putInstance(H1.id(), Fixtures.vm("web", uuid(1), vcpus, memory, List.of(mac(1)),
                List.of("/var/lib/libvirt/images/web.qcow2"), List.of()));
    }
}
