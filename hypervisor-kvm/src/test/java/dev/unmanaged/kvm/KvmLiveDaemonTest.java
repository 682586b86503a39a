package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.tck.LibvirtSocketProxy;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provider against a real libvirt daemon running QEMU ({@code scripts/libvirt-live.sh start}). Domains are
 * created with {@code virsh}, independently of the provider, and removed afterwards.
 */
@DisplayName("The KVM provider on a live libvirt daemon with QEMU")
class KvmLiveDaemonTest {
    private static final long MIB = 1024L * 1024;
    private static final String VNC_PASSWORD = "l1ve-pw";
    private static final Host HOST = new Host("live-qemu", "kvm", LiveDaemon.URI);

    /** Domains the round-trip test defines. */
    private static final int ROUND_TRIP_DOMAINS = 12;
    /** listAllDomains, the bulk stats, and the transient domains: the calls a listing makes once per host. */
    private static final int CALLS_PER_HOST = 3;

    private static KvmInstanceProvider provider;
    private LiveDaemon daemon;

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
    void requireDaemon() {
        daemon = LiveDaemon.require();
    }

    @AfterEach
    void removeDomains() throws Exception {
        if (daemon != null) {
            daemon.cleanUp();
        }
    }

    private InstanceDescriptor listed(UUID uuid) {
        return provider.listInstances(HOST).stream().filter(i -> uuid.equals(i.uuid())).findFirst()
                .orElseThrow(() -> new AssertionError("domain " + uuid + " is not listed"));
    }

    @Test
    @DisplayName("lists a running transient VM, makes it persistent while it keeps running, and it survives destroy")
    void transientRunningVm() throws Exception {
        String name = daemon.newName("transient");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "create");

        InstanceDescriptor before = listed(uuid);
        assertThat(before.name()).isEqualTo(name);
        assertThat(before.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(before.persistent()).isFalse();
        assertThat(before.virtualizationType()).isEqualTo(LiveDaemon.domainType());
        assertThat(before.memory().maxBytes()).isEqualTo(64 * MIB);
        assertThat(before.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.driverType()).isEqualTo("qcow2");
            assertThat(disk.capacityBytes()).isEqualTo(64 * MIB);
            assertThat(disk.allocationBytes()).isPositive();
        });
        assertThat(before.toString()).doesNotContain(VNC_PASSWORD);

        UnmanagePreparation preparation = provider.prepareForUnmanage(HOST, uuid);

        assertThat(preparation.definedPersistently()).isTrue();
        InstanceDescriptor after = provider.describeInstance(HOST, uuid.toString());
        assertThat(after.persistent()).isTrue();
        assertThat(after.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(daemon.virsh("dumpxml", "--inactive", "--security-info", name))
                .as("the persistent definition keeps the VNC password").contains("passwd='" + VNC_PASSWORD + "'");
        assertThat(provider.prepareForUnmanage(HOST, uuid).definedPersistently()).isFalse();

        daemon.virsh("destroy", name);

        InstanceDescriptor destroyed = provider.describeInstance(HOST, name);
        assertThat(destroyed.uuid()).isEqualTo(uuid);
        assertThat(destroyed.persistent()).isTrue();
        assertThat(destroyed.powerState()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    @DisplayName("imports a running transient VM into a store and unmanages it: it is then persistent and running")
    void importAndUnmanage() throws Exception {
        String name = daemon.newName("adopt");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "create");
        InMemoryInventoryStore store = new InMemoryInventoryStore(LiveDaemon.catalog());
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            assertThat(instances.list(ListQuery.of(HOST)).instances()).anySatisfy(i -> {
                assertThat(i.uuid()).isEqualTo(uuid);
                assertThat(i.persistent()).isFalse();
            });

            ImportResult imported = instances.importInstance(ImportRequest.builder(HOST, uuid.toString())
                    .owner("ops").offering("any-size").pool("vda", "live-images").build());
            assertThat(imported.instance().uuid()).isEqualTo(uuid);
            assertThat(store.find(uuid)).isPresent();

            UnmanageResult released = instances.unmanage(new UnmanageRequest(uuid.toString()));

            assertThat(released.preparation().definedPersistently()).isTrue();
            assertThat(store.find(uuid)).isEmpty();
        }
        InstanceDescriptor after = provider.describeInstance(HOST, uuid.toString());
        assertThat(after.persistent()).isTrue();
        assertThat(after.powerState()).isEqualTo(PowerState.RUNNING);
        daemon.virsh("destroy", name);
        assertThat(provider.describeInstance(HOST, name).powerState()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    @DisplayName("lists a shut-off persistent VM with its disk size and leaves it as it is when preparing")
    void shutOffPersistentVm() throws Exception {
        String name = daemon.newName("off");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "define");

        InstanceDescriptor off = listed(uuid);
        assertThat(off.powerState()).isEqualTo(PowerState.STOPPED);
        assertThat(off.persistent()).isTrue();
        assertThat(off.disks()).extracting(DiskDescriptor::capacityBytes).containsExactly(64 * MIB);
        assertThat(off.warnings()).noneMatch(w -> w.code().equals(WarningCodes.DISK_SIZE_UNKNOWN));

        assertThat(provider.prepareForUnmanage(HOST, uuid))
                .isEqualTo(new UnmanagePreparation(uuid, false, PowerState.STOPPED));
        assertThat(provider.describeInstance(HOST, uuid.toString()).powerState()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    @DisplayName("keeps a shut-off VM whose disk image is gone, with its disk and a disk-size warning")
    void missingImage() throws Exception {
        String name = daemon.newName("noimage");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "define");
        Files.delete(daemon.imageOf(name));

        InstanceDescriptor off = listed(uuid);

        assertThat(off.powerState()).isEqualTo(PowerState.STOPPED);
        assertThat(off.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.source()).isEqualTo(daemon.imageOf(name).toString());
            assertThat(disk.capacityBytes()).isNull();
        });
        assertThat(off.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCodes.DISK_SIZE_UNKNOWN);
            assertThat(w.message()).contains("vda");
        });
    }

    @Test
    @DisplayName("a shut-off VM with <cputune> shares and quota lists its derived speed and cap; it imports onto a"
            + " capped offering of that speed with its topology, and onto a smaller one with a resize at next start")
    void cputuneSizing() throws Exception {
        String name = daemon.newName("cputune");
        UUID uuid = UUID.randomUUID();
        // Only <topology> under <cpu>: a CPU mode or model may not be available under nested virtualisation.
        String xml = daemon.definition(name, uuid, VNC_PASSWORD).replace("<vcpu>1</vcpu>", """
                <vcpu>2</vcpu>
                <cputune><shares>2048</shares><period>100000</period><quota>50000</quota></cputune>
                <cpu><topology sockets='1' dies='1' cores='2' threads='1'/></cpu>""");
        daemon.virshWithFile(xml, "define");

        InstanceDescriptor off = listed(uuid);
        assertThat(off.cpu().speedMhz()).isEqualTo(1024);
        assertThat(off.cpu().cap()).isEqualTo(0.5);
        assertThat(off.cpu().cores()).isEqualTo(2);

        Catalog catalog = LiveDaemon.catalog();
        InMemoryInventoryStore store = new InMemoryInventoryStore(new Catalog(catalog.owners(), List.of(
                ComputeOffering.fixed("capped", "2 x 1024 MHz, capped", 2, 64 * MIB).withCpuSpeed(1024, 1024)
                        .withCpuCapped(true),
                ComputeOffering.fixed("one", "1 vCPU", 1, 64 * MIB)), catalog.networks(), catalog.pools(),
                catalog.diskOfferings(), catalog.templates()));
        try (UnmanagedInstances instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            ImportRequest.Builder request = ImportRequest.builder(HOST, uuid.toString()).owner("ops")
                    .pool("vda", "live-images");
            // The image lies in no storage pool, so the chain of the shut-off domain cannot be read: a warning.
            assertThat(instances.plan(request.offering("one").build()).problems())
                    .filteredOn(p -> !p.subject().endsWith(WarningCodes.BACKING_CHAIN_UNREADABLE)).singleElement()
                    .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.OFFERING_RESIZE_ON_START));

            ImportResult imported = instances.importInstance(request.offering("capped").build());

            assertThat(imported.plan().problems()).extracting(Problem::subject)
                    .containsExactly("instance warning " + WarningCodes.BACKING_CHAIN_UNREADABLE);
            // libvirt may fill in a CPU mode and model (custom, qemu64 for TCG): they are kept as it lists them.
            assertThat(imported.instance().cpu()).isEqualTo(new ManagedCpu(1, 1, 2, 1, off.cpu().mode(),
                    off.cpu().model(), 1024, 0.5));
            assertThat(instances.unmanage(new UnmanageRequest(uuid.toString())).released().cpu())
                    .isEqualTo(imported.instance().cpu());
        }
    }

    @Test
    @DisplayName("lists a paused transient VM and makes it persistent without resuming it")
    void pausedVm() throws Exception {
        String name = daemon.newName("paused");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "create", "--paused");

        InstanceDescriptor paused = listed(uuid);
        assertThat(paused.powerState()).isEqualTo(PowerState.PAUSED);
        assertThat(paused.persistent()).isFalse();

        assertThat(provider.prepareForUnmanage(HOST, uuid).definedPersistently()).isTrue();

        InstanceDescriptor prepared = provider.describeInstance(HOST, name);
        assertThat(prepared.persistent()).isTrue();
        assertThat(prepared.powerState()).isEqualTo(PowerState.PAUSED);
    }

    @Test
    @DisplayName("lists through a read-only connection, which may not define a transient VM")
    void readOnlyConnection() throws Exception {
        String name = daemon.newName("readonly");
        UUID uuid = UUID.randomUUID();
        daemon.virshWithFile(daemon.definition(name, uuid, VNC_PASSWORD), "create");

        try (KvmInstanceProvider viewer = new KvmInstanceProvider(
                KvmProviderOptions.builder().readOnly(true).build())) {
            assertThat(viewer.describeInstance(HOST, name).powerState()).isEqualTo(PowerState.RUNNING);
            assertThatThrownBy(() -> viewer.prepareForUnmanage(HOST, uuid)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(provider.describeInstance(HOST, uuid.toString()).persistent()).isFalse();
    }

    @Test
    @DisplayName("lists through a proxy that counts libvirt's RPC calls at no more than 1.1 calls per listed domain plus a constant per host, with state, persistence and"
            + " disk sizes")
    void oneCallPerDomain() throws Exception {
        List<UUID> ours = new ArrayList<>();
        for (int i = 0; i < ROUND_TRIP_DOMAINS; i++) {
            UUID uuid = UUID.randomUUID();
            daemon.virshWithFile(daemon.definition(daemon.newName("rounds"), uuid, "pw"), "define");
            ours.add(uuid);
        }
        try (LibvirtSocketProxy proxy = LibvirtSocketProxy.start(LibvirtSocketProxy.SYSTEM_SOCKET, 0);
             KvmInstanceProvider provider = new KvmInstanceProvider()) {
            Host host = new Host("counted", "kvm", proxy.systemUri());
            provider.listInstances(host);
            proxy.resetCounts();

            List<InstanceDescriptor> listed = provider.listInstances(host);

            long calls = proxy.calls();
            assertThat(listed).extracting(InstanceDescriptor::uuid).containsAll(ours);
            assertThat(listed).filteredOn(d -> ours.contains(d.uuid())).allSatisfy(d -> {
                assertThat(d.powerState()).isEqualTo(PowerState.STOPPED);
                assertThat(d.persistent()).isTrue();
                assertThat(d.disks()).extracting(DiskDescriptor::capacityBytes).containsExactly(64L * 1024 * 1024);
                assertThat(d.disks()).extracting(DiskDescriptor::allocationBytes).doesNotContainNull();
            });
            assertThat((double) calls).as("calls for %d listed domains: %s", listed.size(), proxy.callsByProcedure())
                    .isLessThanOrEqualTo(1.1 * listed.size() + CALLS_PER_HOST);
        }
    }
}
