package dev.unmanaged.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.instance.TpmDescriptor;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.kvm.AllDomainStats.BlockSizes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Storage and state beyond the definition, on libvirt's test driver")
class KvmStorageStateTest {
    private static final Host HOST = TestDriverHosts.host("storage-state.xml");
    private static final UUID APP_A = UUID.fromString("5c1d0e6a-0000-4000-8000-000000000001");
    private static final UUID APP_B = UUID.fromString("5c1d0e6a-0000-4000-8000-000000000002");
    private static final UUID CLUSTER_A = UUID.fromString("5c1d0e6a-0000-4000-8000-000000000003");
    private static final UUID CLUSTER_B = UUID.fromString("5c1d0e6a-0000-4000-8000-000000000004");

    private static KvmInstanceProvider provider;

    @BeforeAll
    static void open() {
        provider = new KvmInstanceProvider(TestDriverHosts.OPTIONS);
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    private static InstanceDescriptor named(List<InstanceDescriptor> listed, String name) {
        return listed.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static DiskDescriptor firstDisk(InstanceDescriptor d) {
        return d.disks().get(0);
    }

    @Test
    @DisplayName("a listing finds the domains writing one file among its own definitions, and whether they declare"
            + " it shareable; read-only users are no sharing")
    void sharingInListing() {
        List<InstanceDescriptor> listed = provider.listInstances(HOST);

        assertThat(firstDisk(named(listed, "app-a")).sharedWith()).containsExactly(new DiskUser("app-b", APP_B, false));
        assertThat(firstDisk(named(listed, "app-b")).sharedWith()).containsExactly(new DiskUser("app-a", APP_A, false));
        assertThat(firstDisk(named(listed, "cluster-a")).sharedWith())
                .containsExactly(new DiskUser("cluster-b", CLUSTER_B, true));
        assertThat(firstDisk(named(listed, "cluster-a")).sharedUnsafely()).isFalse();
        assertThat(firstDisk(named(listed, "reader-a")).sharedWith()).isEmpty();
    }

    @Test
    @DisplayName("describe finds the other users of a shut-off domain's disk too")
    void sharingInDescribe() {
        assertThat(firstDisk(provider.describeInstance(HOST, "app-b")).sharedWith())
                .containsExactly(new DiskUser("app-a", APP_A, false));
        assertThat(firstDisk(provider.describeInstance(HOST, CLUSTER_B.toString())).sharedWith())
                .containsExactly(new DiskUser("cluster-a", CLUSTER_A, true));
    }

    @Test
    @DisplayName("a shut-off overlay's base comes from its storage volume: in describe and a storage listing, not in"
            + " a default one")
    void chainFromVolumes() {
        BackingLayer base = new BackingLayer("file", "/var/lib/libvirt/images/base.qcow2", "qcow2", "images");

        DiskDescriptor described = firstDisk(provider.describeInstance(HOST, "overlay-off"));
        InstanceDescriptor plain = named(provider.listInstances(HOST), "overlay-off");
        InstanceDescriptor storage = named(provider.listInstances(HOST, Set.of(ListingDetail.STORAGE)), "overlay-off");

        assertThat(described.backingChain()).containsExactly(base);
        assertThat(described.hostPool()).isEqualTo("images");
        assertThat(firstDisk(plain).backingChain()).isEmpty();
        assertThat(firstDisk(plain).hostPool()).isNull();
        assertThat(plain.snapshots()).isNull();
        assertThat(firstDisk(storage).backingChain()).containsExactly(base);
        assertThat(storage.snapshots()).isEqualTo(Snapshots.NONE);
    }

    @Test
    @DisplayName("a UEFI domain's loader, variable store and TPM, and the host devices passed through")
    void firmwareAndDevices() {
        InstanceDescriptor gpu = provider.describeInstance(HOST, "gpu-uefi");

        assertThat(gpu.firmwareState()).isEqualTo(new FirmwareState("/usr/share/OVMF/OVMF_CODE_4M.fd",
                "/var/lib/libvirt/qemu/nvram/gpu-uefi_VARS.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd",
                new TpmDescriptor("tpm-crb", "emulator", "2.0", null)));
        assertThat(gpu.hostDevices()).containsExactly(new HostDeviceDescriptor("pci", "0000:65:00.0", true),
                new HostDeviceDescriptor("usb", "0781:5581", false));
    }

    @Test
    @DisplayName("the bulk stats' entries of one disk are its image first, then its backing layers in order")
    void bulkStatsBackingEntries() {
        Map<Integer, String[]> names = Map.of(0, new String[] {"vda", "/img/top.qcow2"},
                1, new String[] {"vda", "/img/mid.qcow2"}, 2, new String[] {"vda", "/img/base.qcow2"},
                3, new String[] {"vdb", "/img/data.raw"});
        Map<Integer, Long[]> sizes = Map.of(0, new Long[] {10L, 2L, 3L}, 1, new Long[] {10L, 9L, 9L});

        List<BlockSizes> blocks = AllDomainStats.blocksOf(names, sizes);

        assertThat(blocks).containsExactly(
                new BlockSizes("vda", "/img/top.qcow2", 10L, 2L, 3L, List.of("/img/mid.qcow2", "/img/base.qcow2")),
                new BlockSizes("vdb", "/img/data.raw", null, null, null, List.of()));
    }
}
