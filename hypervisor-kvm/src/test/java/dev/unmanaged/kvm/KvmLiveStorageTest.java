package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.SnapshotDescriptor;
import dev.unmanaged.api.instance.SnapshotKind;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.Severity;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the provider reports about a live domain's storage and state, and what an import plan makes of it: backing
 * chains, snapshots, disks two domains share, UEFI variable stores and block jobs, on real QEMU domains made with
 * {@code qemu-img} and {@code virsh} in a storage pool of the test's own.
 */
@DisplayName("The KVM provider on a live daemon: storage and state beyond the definition")
class KvmLiveStorageTest {
    private static final Host HOST = new Host("live-qemu", "kvm", LiveDaemon.URI);
    private static final String OS = "<os><type arch='x86_64'>hvm</type></os>";

    private static KvmInstanceProvider provider;
    private LiveDaemon daemon;
    private LiveStoragePool pool;

    @BeforeAll
    static void openProvider() {
        provider = new KvmInstanceProvider();
    }

    @AfterAll
    static void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void requireDaemon() throws Exception {
        daemon = LiveDaemon.require();
        pool = LiveStoragePool.create(daemon);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (daemon != null) {
            try {
                daemon.cleanUp();
            } finally {
                pool.close();
            }
        }
    }

    private static String domain(String name, UUID uuid, String os, String devices) {
        return """
                <domain type='%s'><name>%s</name><uuid>%s</uuid><memory unit='MiB'>128</memory><vcpu>1</vcpu>
                %s<devices>%s</devices></domain>""".formatted(LiveDaemon.domainType(), name, uuid, os, devices);
    }

    private static String disk(Path image, String format, String target, String extra) {
        return """
                <disk type='file' device='disk'><driver name='qemu' type='%s' cache='none'/><source file='%s'/>
                <target dev='%s' bus='virtio'/>%s</disk>""".formatted(format, image, target, extra);
    }

    /** A catalog with the images directory's pool, and a pool elsewhere that holds none of the test's files. */
    private static Catalog catalog() {
        Catalog live = LiveDaemon.catalog();
        List<StoragePool> pools = new ArrayList<>(live.pools());
        pools.add(new StoragePool("elsewhere", "Elsewhere", "/srv/unmanaged-elsewhere", null, Set.of()));
        return new Catalog(live.owners(), live.offerings(), live.networks(), pools, live.diskOfferings(),
                live.templates());
    }

    private static ImportPlan plan(UUID uuid, String poolId) {
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider)
                .store(new InMemoryInventoryStore(catalog())).build()) {
            return instances.plan(ImportRequest.builder(HOST, uuid.toString()).owner("ops").offering("any-size")
                    .pool("vda", poolId).build());
        }
    }

    private static InstanceDescriptor listed(UUID uuid, Set<ListingDetail> details) {
        return provider.listInstances(HOST, details).stream().filter(d -> uuid.equals(d.uuid())).findFirst()
                .orElseThrow(() -> new AssertionError("domain " + uuid + " is not listed"));
    }

    /** A domain named after {@code role} on a qcow2 overlay of a base image, both in the test's pool. */
    private record Overlay(String name, UUID uuid, Path base) {
    }

    /** Makes an {@link Overlay} domain with {@code virsh COMMAND} ({@code define} or {@code create}). */
    private Overlay overlay(String role, String command) throws Exception {
        String name = daemon.newName(role);
        UUID uuid = UUID.randomUUID();
        Path base = pool.qcow2(name + "-base.qcow2", null);
        Path top = pool.qcow2(name + ".qcow2", base);
        daemon.virshWithFile(domain(name, uuid, OS, disk(top, "qcow2", "vda", "")), command);
        return new Overlay(name, uuid, base);
    }

    private static DiskDescriptor vda(InstanceDescriptor instance) {
        return instance.disks().stream().filter(d -> "vda".equals(d.deviceName())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a stopped qcow2 overlay: describe reads its base from the storage volumes, a listing only with"
            + " storage details; the plan warns of the chain")
    void stoppedOverlay() throws Exception {
        Overlay overlay = overlay("overlay-off", "define");
        UUID uuid = overlay.uuid();
        Path base = overlay.base();
        BackingLayer expected = new BackingLayer("file", base.toString(), "qcow2", pool.name());

        DiskDescriptor described = vda(provider.describeInstance(HOST, uuid.toString()));

        assertThat(described.backingChain()).containsExactly(expected);
        assertThat(described.hostPool()).isEqualTo(pool.name());
        InstanceDescriptor plain = listed(uuid, Set.of());
        assertThat(vda(plain).backingChain()).isEmpty();
        assertThat(plain.snapshots()).isNull();
        assertThat(vda(listed(uuid, Set.of(ListingDetail.STORAGE))).backingChain()).containsExactly(expected);
        assertThat(plan(uuid, "live-images").problems()).extracting(Problem::code, Problem::severity)
                .contains(tuple(ProblemCode.DISK_BACKING_CHAIN, Severity.WARN))
                .doesNotContain(tuple(ProblemCode.DISK_BACKING_UNMAPPED, Severity.BLOCK));
    }

    @Test
    @DisplayName("a running qcow2 overlay: every listing has its chain from the live definition; a plan mapping the"
            + " disk elsewhere finds the base unmapped")
    void runningOverlay() throws Exception {
        Overlay overlay = overlay("overlay-on", "create");
        UUID uuid = overlay.uuid();
        Path base = overlay.base();

        assertThat(vda(listed(uuid, Set.of())).backingChain()).extracting(BackingLayer::source, BackingLayer::format)
                .containsExactly(tuple(base.toString(), "qcow2"));
        assertThat(vda(provider.describeInstance(HOST, overlay.name())).backingChain())
                .containsExactly(new BackingLayer("file", base.toString(), "qcow2", pool.name()));
        assertThat(plan(uuid, "elsewhere").problems()).filteredOn(p -> p.code() == ProblemCode.DISK_BACKING_UNMAPPED)
                .singleElement().satisfies(p -> assertThat(p.message()).contains(base.toString(), "[elsewhere]"));
    }

    @Test
    @DisplayName("an internal snapshot of a stopped qcow2 domain is listed by name as internal and current, and"
            + " the plan names it")
    void internalSnapshot() throws Exception {
        String name = daemon.newName("snap-int");
        UUID uuid = UUID.randomUUID();
        Path image = pool.qcow2(name + ".qcow2", null);
        daemon.virshWithFile(domain(name, uuid, OS, disk(image, "qcow2", "vda", "")), "define");
        daemon.virsh("snapshot-create-as", name, "before-upgrade");

        InstanceDescriptor described = provider.describeInstance(HOST, name);

        assertThat(described.snapshots().snapshots()).containsExactly(
                new SnapshotDescriptor("before-upgrade", SnapshotKind.INTERNAL, true));
        assertThat(plan(uuid, "live-images").problems()).filteredOn(p -> p.code() == ProblemCode.INSTANCE_HAS_SNAPSHOTS)
                .singleElement().satisfies(p -> assertThat(p.message()).contains("'before-upgrade' (internal, current)"));
    }

    @Test
    @DisplayName("an external disk-only snapshot of a running domain grows the chain: the disk now writes to the"
            + " overlay, the old image is its base")
    void externalSnapshot() throws Exception {
        String name = daemon.newName("snap-ext");
        UUID uuid = UUID.randomUUID();
        Path image = pool.qcow2(name + ".qcow2", null);
        Path overlay = pool.path(name + "-nightly.qcow2");
        daemon.virshWithFile(domain(name, uuid, OS, disk(image, "qcow2", "vda", "")), "define");
        daemon.virsh("start", name);
        daemon.virsh("snapshot-create-as", name, "nightly", "--disk-only", "--atomic", "--diskspec",
                "vda,file=" + overlay);
        pool.refresh();

        InstanceDescriptor described = provider.describeInstance(HOST, name);

        assertThat(vda(described).source()).isEqualTo(overlay.toString());
        assertThat(vda(described).backingChain()).containsExactly(
                new BackingLayer("file", image.toString(), "qcow2", pool.name()));
        assertThat(described.snapshots().snapshots()).containsExactly(
                new SnapshotDescriptor("nightly", SnapshotKind.EXTERNAL, true));
        assertThat(plan(uuid, "live-images").problems()).extracting(Problem::code)
                .contains(ProblemCode.DISK_BACKING_CHAIN, ProblemCode.INSTANCE_HAS_SNAPSHOTS);
    }

    @Test
    @DisplayName("two domains on one raw file: each names the other; the plan blocks, unless both declare"
            + " <shareable/>, when it warns")
    void sharedRawFile() throws Exception {
        String first = daemon.newName("shared-a");
        String second = daemon.newName("shared-b");
        UUID firstUuid = UUID.randomUUID();
        UUID secondUuid = UUID.randomUUID();
        Path raw = pool.raw(first + ".raw");
        daemon.virshWithFile(domain(first, firstUuid, OS, disk(raw, "raw", "vda", "")), "define");
        daemon.virshWithFile(domain(second, secondUuid, OS, disk(raw, "raw", "vda", "")), "define");

        assertThat(vda(provider.describeInstance(HOST, first)).sharedWith())
                .containsExactly(new DiskUser(second, secondUuid, false));
        assertThat(vda(listed(secondUuid, Set.of())).sharedWith()).containsExactly(new DiskUser(first, firstUuid, false));
        assertThat(plan(firstUuid, "live-images").problems()).extracting(Problem::code, Problem::severity)
                .contains(tuple(ProblemCode.DISK_SHARED, Severity.BLOCK));

        String third = daemon.newName("shareable-a");
        String fourth = daemon.newName("shareable-b");
        UUID thirdUuid = UUID.randomUUID();
        Path quorum = pool.raw(third + ".raw");
        daemon.virshWithFile(domain(third, thirdUuid, OS, disk(quorum, "raw", "vda", "<shareable/>")), "define");
        daemon.virshWithFile(domain(fourth, UUID.randomUUID(), OS, disk(quorum, "raw", "vda", "<shareable/>")),
                "define");

        assertThat(plan(thirdUuid, "live-images").problems()).filteredOn(p -> p.code() == ProblemCode.DISK_SHARED)
                .extracting(Problem::severity).containsExactly(Severity.WARN);
    }

    @Test
    @DisplayName("a transient UEFI domain is imported and unmanaged: defined persistently, it keeps its loader,"
            + " its variable store and the store's file")
    void transientUefi() throws Exception {
        String name = daemon.newName("uefi");
        UUID uuid = UUID.randomUUID();
        Path image = pool.qcow2(name + ".qcow2", null);
        String os = "<os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type><firmware>"
                + "<feature enabled='no' name='secure-boot'/></firmware></os><features><acpi/></features>";
        daemon.virshWithFile(domain(name, uuid, os, disk(image, "qcow2", "vda", "")), "create");

        InstanceDescriptor before = provider.describeInstance(HOST, name);
        FirmwareState firmware = before.firmwareState();
        assertThat(before.os().firmware()).isEqualTo(Firmware.EFI);
        assertThat(firmware.loader()).isNotNull();
        assertThat(firmware.nvram()).isNotNull();
        Path nvram = Path.of(firmware.nvram());
        assertThat(nvram).exists();
        long nvramSize = Files.size(nvram);

        InMemoryInventoryStore store = new InMemoryInventoryStore(catalog());
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            instances.importInstance(ImportRequest.builder(HOST, uuid.toString()).owner("ops").offering("any-size")
                    .pool("vda", "live-images").build());
            assertThat(instances.unmanage(new UnmanageRequest(uuid.toString())).preparation().definedPersistently())
                    .isTrue();
        }

        String persistent = daemon.virsh("dumpxml", "--inactive", name);
        assertThat(persistent).contains(firmware.nvram(), firmware.loader());
        assertThat(nvram).exists();
        assertThat(Files.size(nvram)).isEqualTo(nvramSize);
        InstanceDescriptor after = provider.describeInstance(HOST, name);
        assertThat(after.persistent()).isTrue();
        assertThat(after.firmwareState()).isEqualTo(firmware);
    }

    @Test
    @DisplayName("a block copy started without waiting is reported on its disk, and the plan blocks while it runs")
    void blockCopy() throws Exception {
        String name = daemon.newName("blockcopy");
        UUID uuid = UUID.randomUUID();
        Path image = pool.qcow2(name + ".qcow2", null);
        daemon.virshWithFile(domain(name, uuid, OS, disk(image, "qcow2", "vda", "")), "create");
        daemon.virsh("blockcopy", name, "vda", pool.path(name + "-copy.qcow2").toString());
        try {
            assertThat(vda(provider.describeInstance(HOST, name)).blockJob())
                    .satisfies(job -> assertThat(job.type()).isEqualTo("copy"));
            assertThat(plan(uuid, "live-images").problems()).extracting(Problem::code, Problem::severity)
                    .contains(tuple(ProblemCode.BLOCK_JOB_ACTIVE, Severity.BLOCK));
        } finally {
            daemon.virsh("blockjob", name, "vda", "--abort");
        }
        assertThat(vda(provider.describeInstance(HOST, name)).blockJob()).isNull();
    }
}
