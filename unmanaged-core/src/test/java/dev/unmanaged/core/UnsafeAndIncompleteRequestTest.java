package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules a plan applies to an unsafe instance or an incomplete request, each with its own code. */
@DisplayName("Planning an unsafe instance or an incomplete request")
class UnsafeAndIncompleteRequestTest {
    private final Workbench bench = new Workbench();
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("two NICs sharing one MAC block the import even when the provider did not warn, and nothing is written")
    void duplicateMacWithoutWarning() {
        InstanceDescriptor twin = Fixtures.vm("twin", uuid(1), List.of(mac(1), mac(1)),
                List.of("/var/lib/libvirt/images/twin.qcow2"));
        Fixtures.put(provider, H1, twin);
        ImportRequest request = Fixtures.cleanRequest(H1, 1).build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.blockingProblems()).extracting(Problem::code, Problem::subject)
                .contains(tuple(ProblemCode.INSTANCE_UNSAFE, "nic " + mac(1)));
        assertThat(plan.blockingProblems()).filteredOn(p -> p.code() == ProblemCode.INSTANCE_UNSAFE).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(mac(1)).contains("2 NICs").contains("expected"));
        assertThatThrownBy(() -> instances.importInstance(request)).isInstanceOf(ImportRejectedException.class);
        assertThat(store.list()).isEmpty();
        assertThat(store.catalog().isMacInUse("net1", mac(1))).isFalse();
    }

    @Test
    @DisplayName("a duplicate-MAC or unreadable-definition warning blocks the import even when the provider marked it informational")
    void unsafeWarningsAlwaysBlock() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("odd", 1).withWarnings(List.of(
                DescriptorWarning.info(WarningCodes.DUPLICATE_MAC, "two interfaces carry 52:54:00:00:00:01"),
                DescriptorWarning.info(WarningCodes.DEFINITION_UNREADABLE, "the inactive definition could not be read"),
                DescriptorWarning.info(WarningCodes.UNMODELLED, "a <watchdog> was kept as a value"))));

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).build());

        assertThat(plan.problems()).extracting(Problem::code, Problem::severity, Problem::subject).contains(
                tuple(ProblemCode.INSTANCE_UNSAFE, Severity.BLOCK, "instance warning DUPLICATE_MAC"),
                tuple(ProblemCode.INSTANCE_UNSAFE, Severity.BLOCK, "instance warning DEFINITION_UNREADABLE"),
                tuple(ProblemCode.INSTANCE_UNSAFE, Severity.WARN, "instance warning UNMODELLED"));
        assertThat(plan.importable()).isFalse();
    }

    @Test
    @DisplayName("a request without owner or offering names each missing field")
    void missingOwnerAndOffering() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        ImportRequest request = ImportRequest.builder(H1, "web")
                .network(mac(1), "net1").ip(mac(1), IpAssignment.auto()).pool("vda", "images").build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.blockingProblems()).extracting(Problem::code, Problem::subject).contains(
                tuple(ProblemCode.REQUEST_INVALID, "owner"), tuple(ProblemCode.REQUEST_INVALID, "offering"));
        assertThat(plan.blockingProblems()).filteredOn(p -> p.subject().equals("offering")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no compute offering").contains("expected"));
        assertThat(plan.proposed()).isNull();
    }

    @Test
    @DisplayName("custom vCPUs and memory asked of a fixed offering are a warning that they are ignored")
    void customSizeOnFixedOffering() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).custom(4, 4 * GIB).build());

        assertThat(plan.problems()).extracting(Problem::code, Problem::severity, Problem::subject)
                .containsExactly(tuple(ProblemCode.REQUEST_INVALID, Severity.WARN, "offering"));
        assertThat(plan.problems().get(0).message()).contains("4/" + 4 * GIB).contains("is fixed");
        assertThat(plan.proposed().vcpus()).isEqualTo(2);
        assertThat(plan.proposed().memoryBytes()).isEqualTo(2 * GIB);
    }

    @Test
    @DisplayName("a disk mapped to no pool blocks, naming the disk and its source")
    void diskWithoutPool() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        ImportRequest request = ImportRequest.builder(H1, "web").owner("alice").offering("small")
                .network(mac(1), "net1").ip(mac(1), IpAssignment.auto()).build();

        ImportPlan plan = instances.plan(request);

        assertThat(plan.blockingProblems()).extracting(Problem::code, Problem::subject)
                .containsExactly(tuple(ProblemCode.DISK_UNMAPPED, "disk vda"));
        assertThat(plan.blockingProblems().get(0).message()).contains("/var/lib/libvirt/images/web.qcow2")
                .contains("no storage pool");
    }

    @Test
    @DisplayName("a NIC without a MAC blocks, as nothing can key its network")
    void nicWithoutMac() {
        InstanceDescriptor web = Fixtures.simpleVm("web", 1);
        Fixtures.put(provider, H1, web.toBuilder().hostId(null)
                .nic(new NicDescriptor("network", null, "virtio", "default", List.of(), null, null, null)).build());

        ImportPlan plan = instances.plan(Fixtures.cleanRequest(H1, 1).build());

        assertThat(plan.blockingProblems()).extracting(Problem::code, Problem::subject)
                .containsExactly(tuple(ProblemCode.NIC_MAC_MISSING, "nic #2"));
        assertThat(plan.blockingProblems().get(0).message()).contains("no MAC").contains("'default'");
    }

    @Test
    @DisplayName("a disk of unknown size against a fixed-size disk offering blocks; a custom disk offering accepts it")
    void diskOfUnknownSize() {
        InstanceDescriptor web = Fixtures.simpleVm("web", 1);
        List<DiskDescriptor> disks = web.disks().stream()
                .map(d -> d.isDisk() ? d.withSizes(null, null) : d).toList();
        Fixtures.put(provider, H1, web.withDisks(disks));

        ImportPlan fixedSize = instances.plan(Fixtures.cleanRequest(H1, 1).build());
        ImportPlan anySize = instances.plan(Fixtures.cleanRequest(H1, 1).diskOffering("vda", "dany").build());

        assertThat(fixedSize.blockingProblems()).extracting(Problem::code, Problem::subject)
                .containsExactly(tuple(ProblemCode.DISK_SIZE_UNKNOWN, "disk vda"));
        assertThat(fixedSize.blockingProblems().get(0).message()).contains("'d20'").contains("20480 MiB");
        assertThat(anySize.problems()).isEmpty();
    }
}
