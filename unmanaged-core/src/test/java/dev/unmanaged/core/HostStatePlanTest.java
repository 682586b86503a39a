package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.BlockJob;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.SnapshotDescriptor;
import dev.unmanaged.api.instance.SnapshotKind;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Planning an import of an instance whose host keeps more than its definition")
class HostStatePlanTest {
    private static final String BASE = "/var/lib/libvirt/images/templates/debian.qcow2";
    private static final ImportMap BY_HOST_POOL = new ImportMap(NetworkMap.EMPTY, StorageMap.BY_HOST_POOL,
            OfferingPolicy.CUSTOM);

    private final Workbench bench = new Workbench();

    @AfterEach
    void tearDown() {
        bench.close();
    }

    /** Plans the clean request of simple VM 1 after {@code change} was made to it on the host. */
    private ImportPlan planWith(UnaryOperator<InstanceDescriptor> change) {
        Fixtures.put(bench.provider, H1, change.apply(Fixtures.simpleVm("web", 1)));
        return bench.instances.plan(Fixtures.cleanRequest(H1, 1).build());
    }

    private static UnaryOperator<InstanceDescriptor> firstDisk(UnaryOperator<DiskDescriptor.Builder> change) {
        return vm -> {
            List<DiskDescriptor> disks = new ArrayList<>(vm.disks());
            disks.set(0, change.apply(disks.get(0).toBuilder()).build());
            return vm.withDisks(disks);
        };
    }

    private static List<Problem> ofCode(ImportPlan plan, ProblemCode code) {
        return plan.problems().stream().filter(p -> p.code() == code).toList();
    }

    @Test
    @DisplayName("DISK_BACKING_CHAIN warns and lists the chain; a base inside a mapped pool is not unmapped")
    void backingChainInMappedPool() {
        ImportPlan plan = planWith(firstDisk(d -> d.backingChain(List.of(BackingLayer.of("file", BASE, "qcow2")))));

        assertThat(ofCode(plan, ProblemCode.DISK_BACKING_CHAIN)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARN);
            assertThat(p.subject()).isEqualTo("disk vda");
            assertThat(p.message()).contains("1 backing file", "'" + BASE + "' (qcow2)");
        });
        assertThat(ofCode(plan, ProblemCode.DISK_BACKING_UNMAPPED)).isEmpty();
        assertThat(plan.importable()).isTrue();
    }

    @Test
    @DisplayName("DISK_BACKING_UNMAPPED blocks a backing file outside every mapped pool, naming it and the pools")
    void backingChainOutsideMappedPools() {
        ImportPlan plan = planWith(firstDisk(d -> d.backingChain(List.of(
                BackingLayer.of("file", "/var/lib/libvirt/images/mid.qcow2", "qcow2"),
                BackingLayer.of("file", "/srv/fast/base.qcow2", "raw")))));

        assertThat(ofCode(plan, ProblemCode.DISK_BACKING_UNMAPPED)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.BLOCK);
            assertThat(p.message()).contains("'/srv/fast/base.qcow2'", "[images]");
        });
        assertThat(ofCode(plan, ProblemCode.DISK_BACKING_CHAIN).get(0).message())
                .contains("2 backing files", "'/var/lib/libvirt/images/mid.qcow2' (qcow2) <- '/srv/fast/base.qcow2' (raw)");
        assertThat(plan.importable()).isFalse();
    }

    @Test
    @DisplayName("a backing file whose host pool is the mapped pool's host pool name is held by it, wherever its path")
    void backingChainByHostPool() {
        ImportPlan plan = planWith(firstDisk(d -> d.backingChain(List.of(
                new BackingLayer("file", "/mnt/default/base.qcow2", "qcow2", "default")))));

        assertThat(ofCode(plan, ProblemCode.DISK_BACKING_UNMAPPED)).isEmpty();
    }

    @Test
    @DisplayName("INSTANCE_HAS_SNAPSHOTS warns with every snapshot's name and kind and the checkpoints")
    void snapshots() {
        ImportPlan plan = planWith(vm -> vm.toBuilder().snapshots(new Snapshots(List.of(
                new SnapshotDescriptor("before-upgrade", SnapshotKind.INTERNAL, false),
                new SnapshotDescriptor("nightly", SnapshotKind.EXTERNAL, true)), List.of("backup-1"))).build());

        assertThat(ofCode(plan, ProblemCode.INSTANCE_HAS_SNAPSHOTS)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARN);
            assertThat(p.message()).contains("2 snapshots", "'before-upgrade' (internal)",
                    "'nightly' (external, current)", "1 checkpoint 'backup-1'");
        });
        assertThat(plan.importable()).isTrue();
    }

    @Test
    @DisplayName("no snapshot, or snapshots not read, is no problem")
    void noSnapshots() {
        assertThat(ofCode(planWith(vm -> vm.toBuilder().snapshots(Snapshots.NONE).build()),
                ProblemCode.INSTANCE_HAS_SNAPSHOTS)).isEmpty();
    }

    @Test
    @DisplayName("DISK_SHARED blocks a disk another instance uses when either side is not shareable")
    void sharedUnsafely() {
        ImportPlan plan = planWith(firstDisk(d -> d.shareable(true)
                .sharedWith(List.of(new DiskUser("db", uuid(9), false)))));

        assertThat(ofCode(plan, ProblemCode.DISK_SHARED)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.BLOCK);
            assertThat(p.message()).contains("'db' (not shareable)");
        });
        assertThat(plan.importable()).isFalse();
    }

    @Test
    @DisplayName("DISK_SHARED only warns when both instances declare the disk shareable")
    void sharedSafely() {
        ImportPlan plan = planWith(firstDisk(d -> d.shareable(true)
                .sharedWith(List.of(new DiskUser("db", uuid(9), true)))));

        assertThat(ofCode(plan, ProblemCode.DISK_SHARED)).extracting(Problem::severity).containsExactly(Severity.WARN);
        assertThat(plan.importable()).isTrue();
    }

    @Test
    @DisplayName("HOST_DEVICE_ATTACHED warns about host devices and passed-through NICs")
    void hostDevices() {
        ImportPlan plan = planWith(vm -> vm.toBuilder()
                .hostDevices(List.of(new HostDeviceDescriptor("pci", "0000:06:02.0", true),
                        new HostDeviceDescriptor("mdev", "53764d0e-85a0-42b4-af5c-2046b460b1dc", false)))
                .nic(new NicDescriptor("hostdev", "52:54:00:99:99:99", null, "0000:03:07.1", List.of(), null, null,
                        null))
                .build());

        assertThat(ofCode(plan, ProblemCode.HOST_DEVICE_ATTACHED)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARN);
            assertThat(p.message()).contains("pci 0000:06:02.0", "mdev 53764d0e", "NIC 0000:03:07.1");
        });
    }

    @Test
    @DisplayName("BLOCK_JOB_ACTIVE blocks while a block job runs on a disk")
    void blockJob() {
        ImportPlan plan = planWith(firstDisk(d -> d.blockJob(new BlockJob("copy", 100, 400))));

        assertThat(ofCode(plan, ProblemCode.BLOCK_JOB_ACTIVE)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.BLOCK);
            assertThat(p.message()).contains("copy block job", "100 of 400 bytes");
        });
        assertThat(plan.importable()).isFalse();
    }

    @Test
    @DisplayName("every finding about the host's state is reported at once, beside the request's own problems")
    void everyCodeAtOnce() {
        ImportPlan plan = planWith(vm -> firstDisk(d -> d
                .backingChain(List.of(BackingLayer.of("file", "/elsewhere/base.qcow2", "qcow2")))
                .sharedWith(List.of(new DiskUser("db", uuid(9), false)))
                .blockJob(new BlockJob("commit", 0, 0))).apply(vm).toBuilder()
                .snapshots(new Snapshots(List.of(new SnapshotDescriptor("s1", SnapshotKind.INTERNAL, true)),
                        List.of()))
                .hostDevices(List.of(new HostDeviceDescriptor("usb", "046d:c52b", false))).build());

        assertThat(plan.problems()).extracting(Problem::code, Problem::severity).contains(
                tuple(ProblemCode.DISK_BACKING_CHAIN, Severity.WARN),
                tuple(ProblemCode.DISK_BACKING_UNMAPPED, Severity.BLOCK),
                tuple(ProblemCode.INSTANCE_HAS_SNAPSHOTS, Severity.WARN),
                tuple(ProblemCode.DISK_SHARED, Severity.BLOCK),
                tuple(ProblemCode.HOST_DEVICE_ATTACHED, Severity.WARN),
                tuple(ProblemCode.BLOCK_JOB_ACTIVE, Severity.BLOCK));
    }

    @Test
    @DisplayName("a listing carries snapshots, disk pools and block jobs only when it asks for storage details")
    void listingReadsStorageOnlyWhenAsked() {
        Fixtures.put(bench.provider, H1, firstDisk(d -> d.hostPool("default").blockJob(new BlockJob("pull", 1, 2)))
                .apply(Fixtures.simpleVm("web", 1)).toBuilder().snapshots(Snapshots.NONE).build());

        InstanceDescriptor plain = bench.instances.list(ListQuery.of(H1)).instances().get(0);
        InstanceDescriptor asked = bench.instances.list(ListQuery.of(H1).withStorage(true)).instances().get(0);

        assertThat(plain.snapshots()).isNull();
        assertThat(plain.disks().get(0).hostPool()).isNull();
        assertThat(plain.disks().get(0).blockJob()).isNull();
        assertThat(asked.snapshots()).isEqualTo(Snapshots.NONE);
        assertThat(asked.disks().get(0).hostPool()).isEqualTo("default");
        assertThat(asked.disks().get(0).blockJob()).isEqualTo(new BlockJob("pull", 1, 2));
    }

    @Test
    @DisplayName("a map by host pool puts each disk onto the catalog pool of the host pool it lies in")
    void poolsByHostPool() {
        Fixtures.put(bench.provider, H1, firstDisk(d -> d.source("/data/web.qcow2").hostPool("fast"))
                .apply(Fixtures.simpleVm("web", 1)));
        ImportRequest request = ImportRequest.builder(H1, uuid(1).toString()).owner("alice").offering("small")
                .network(Fixtures.mac(1), "net1").build();

        ImportPlan plan = bench.instances.plan(request, BY_HOST_POOL);

        assertThat(plan.request().poolByDisk()).containsExactly(Map.entry("vda", "fast"));
        assertThat(HostPools.poolByDisk(plan.instance(), Fixtures.CATALOG.pools()))
                .containsExactly(Map.entry("vda", "fast"));
    }

    @Test
    @DisplayName("a map by host pool leaves a disk in no catalog pool's host pool unmapped, naming its host pool")
    void poolsByHostPoolNone() {
        Fixtures.put(bench.provider, H1, firstDisk(d -> d.hostPool("scratch")).apply(Fixtures.simpleVm("web", 1)));
        ImportRequest request = ImportRequest.builder(H1, uuid(1).toString()).owner("alice").offering("small")
                .network(Fixtures.mac(1), "net1").build();

        ImportPlan plan = bench.instances.plan(request, BY_HOST_POOL);

        assertThat(ofCode(plan, ProblemCode.DISK_UNMAPPED)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("in host pool 'scratch'"));
    }
}
