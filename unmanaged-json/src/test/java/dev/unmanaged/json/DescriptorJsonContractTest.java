package dev.unmanaged.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.instance.BackingLayer;
import dev.unmanaged.api.instance.BlockJob;
import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.DiskUser;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.FirmwareState;
import dev.unmanaged.api.instance.GraphicsDescriptor;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.HostDeviceDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.OsDescriptor;
import dev.unmanaged.api.instance.Placement;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.ResourceAllocation;
import dev.unmanaged.api.instance.SnapshotDescriptor;
import dev.unmanaged.api.instance.SnapshotKind;
import dev.unmanaged.api.instance.Snapshots;
import dev.unmanaged.api.instance.TpmDescriptor;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DescriptorJsonContractTest {
    private static final UUID ID = UUID.fromString("4DEA22B3-1D52-D8F3-2516-782E98AB3FA0");
    private static final UUID BIOS_ID = UUID.fromString("420C1D2E-3F4A-5B6C-7D8E-9F0A1B2C3D4E");

    private static InstanceDescriptor sample() {
        return new InstanceDescriptor(ID, "web-01", "h1", "kvm", "kvm", PowerState.RUNNING, true,
                new CpuDescriptor(2, 4, "host-passthrough", null, 1, 1, 2, 2, new CpuTune(1024L, 100000L, null, true)),
                new MemoryDescriptor(2L << 30, 1L << 30),
                new OsDescriptor("hvm", "x86_64", "pc-q35-7.2", Firmware.EFI, true, List.of("hd", "network")),
                List.of(new DiskDescriptor("disk", "file", "qcow2", "none", "/var/lib/libvirt/images/web.qcow2", null,
                        List.of(), "vda", "virtio", "S1", false, false, 1, 10L << 30, 1L << 30, "thin",
                        "independent_persistent")),
                List.of(new NicDescriptor("bridge", "52:54:00:AA:BB:CC", "virtio", "br0", List.of(42), null, "vnet0",
                        null).withGuestAddresses(List.of(new GuestAddress("10.0.0.5", 24, GuestAddress.Source.LEASE),
                        new GuestAddress("fe80::5054:ff:feaa:bbcc", 64, GuestAddress.Source.AGENT)))),
                List.of(new GraphicsDescriptor("vnc", 5900, "127.0.0.1", true)),
                List.of(DescriptorWarning.info("UNMODELLED", "unknown device <foo>")),
                new Placement("esxi-01", "cluster-a", "dc-1"), BIOS_ID, new ResourceAllocation(1000L, null, 4000L),
                new ResourceAllocation(1L << 30, 2L << 30, null));
    }

    /** The sample with what its host keeps about its storage and state. */
    private static InstanceDescriptor withHostState() {
        InstanceDescriptor plain = sample();
        DiskDescriptor disk = plain.disks().get(0).toBuilder()
                .backingChain(List.of(new BackingLayer("file", "/var/lib/libvirt/images/base.qcow2", "qcow2", "images")))
                .hostPool("images").sharedWith(List.of(new DiskUser("web-02", BIOS_ID, true)))
                .blockJob(new BlockJob("copy", 512, 1024)).build();
        return plain.toBuilder().disks(List.of(disk))
                .snapshots(new Snapshots(List.of(new SnapshotDescriptor("before-upgrade", SnapshotKind.INTERNAL, true)),
                        List.of("backup-1")))
                .firmwareState(new FirmwareState("/usr/share/OVMF/OVMF_CODE.fd", "/var/lib/libvirt/qemu/nvram/web.fd",
                        "/usr/share/OVMF/OVMF_VARS.fd", new TpmDescriptor("tpm-crb", "emulator", "2.0", null)))
                .hostDevices(List.of(new HostDeviceDescriptor("pci", "0000:06:02.0", true))).build();
    }

    @Test
    @DisplayName("storage and host state serialise with the documented keys, and read back")
    void hostStateKeys() throws Exception {
        JsonNode json = UnmanagedJson.mapper().valueToTree(withHostState());

        assertThat(keys(json)).contains("snapshots", "firmwareState", "hostDevices");
        assertThat(keys(json.at("/disks/0"))).contains("backingChain", "hostPool", "sharedWith", "blockJob");
        assertThat(json.at("/disks/0/backingChain/0").toString()).isEqualTo("{\"type\":\"file\","
                + "\"source\":\"/var/lib/libvirt/images/base.qcow2\",\"format\":\"qcow2\",\"hostPool\":\"images\"}");
        assertThat(keys(json.at("/disks/0/sharedWith/0"))).containsExactly("instanceName", "uuid", "shareable");
        assertThat(keys(json.at("/disks/0/blockJob"))).containsExactly("type", "cursor", "end");
        assertThat(keys(json.get("snapshots"))).containsExactly("snapshots", "checkpoints");
        assertThat(keys(json.at("/snapshots/snapshots/0"))).containsExactly("name", "kind", "current");
        assertThat(json.at("/snapshots/snapshots/0/kind").asText()).isEqualTo("INTERNAL");
        assertThat(keys(json.get("firmwareState"))).containsExactly("loader", "nvram", "nvramTemplate", "tpm");
        assertThat(keys(json.at("/firmwareState/tpm"))).containsExactly("model", "backend", "version", "statePath");
        assertThat(keys(json.at("/hostDevices/0"))).containsExactly("type", "address", "managed");
        assertThat(UnmanagedJson.mapper().treeToValue(json, InstanceDescriptor.class)).isEqualTo(withHostState());
    }

    @Test
    @DisplayName("snapshots not read are null, no firmware state and no host devices are empty")
    void hostStateUnread() {
        JsonNode json = UnmanagedJson.mapper().valueToTree(sample());

        assertThat(json.get("snapshots").isNull()).isTrue();
        assertThat(json.at("/disks/0/backingChain").isEmpty()).isTrue();
        assertThat(json.at("/disks/0/blockJob").isNull()).isTrue();
        assertThat(json.at("/firmwareState/nvram").isNull()).isTrue();
        assertThat(json.get("hostDevices").isEmpty()).isTrue();
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    @DisplayName("a descriptor serialises with every key of the documented contract")
    void contractKeys() {
        JsonNode json = UnmanagedJson.mapper().valueToTree(sample());

        assertThat(keys(json)).contains("name", "uuid", "virtualizationType", "powerState", "persistent", "memory",
                "cpu", "os", "disks", "nics", "graphics", "warnings", "placement", "biosUuid", "cpuAllocation",
                "memoryAllocation").doesNotContain("domainType");
        assertThat(keys(json.get("cpuAllocation"))).containsExactly("reservation", "limit", "shares");
        assertThat(keys(json.get("memoryAllocation"))).containsExactly("reservation", "limit", "shares");
        assertThat(keys(json.get("placement"))).containsExactly("hypervisorHost", "cluster", "datacenter");
        assertThat(keys(json.get("memory"))).contains("maxBytes", "currentBytes");
        assertThat(keys(json.get("cpu"))).contains("vcpus", "maxVcpus", "mode", "model", "sockets", "dies", "cores",
                "threads", "tune");
        assertThat(keys(json.get("cpu").get("tune"))).contains("shares", "periodMicros", "quotaMicros");
        assertThat(keys(json.get("os"))).contains("type", "arch", "machine", "firmware", "secureBoot");
        assertThat(keys(json.get("disks").get(0))).contains("device", "type", "driverType", "source", "protocol",
                "hosts", "deviceName", "bus", "serial", "readOnly", "shareable", "bootOrder", "capacityBytes",
                "allocationBytes", "provisioning", "mode").doesNotContain("disk", "targetDev");
        assertThat(keys(json.get("nics").get(0))).contains("type", "mac", "model", "source", "vlanTags",
                "switchPortType", "hostDeviceName", "bootOrder", "guestAddresses")
                .doesNotContain("virtualPortType", "targetDev", "guestIpv4Addresses");
        assertThat(keys(json.get("nics").get(0).get("guestAddresses").get(0)))
                .containsExactlyInAnyOrder("address", "prefix", "source");
        assertThat(keys(json.get("graphics").get(0))).containsExactlyInAnyOrder("type", "port", "listen",
                "passwordSet");
        assertThat(keys(json.get("warnings").get(0))).contains("code", "message");
    }

    @Test
    @DisplayName("values follow the contract: lower-case UUID and MAC, enums by name, unset values as null")
    void contractValues() {
        JsonNode json = UnmanagedJson.mapper().valueToTree(sample());

        assertThat(json.get("uuid").asText()).isEqualTo("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
        assertThat(json.get("powerState").asText()).isEqualTo("RUNNING");
        assertThat(json.get("os").get("firmware").asText()).isEqualTo("EFI");
        assertThat(json.get("memory").get("maxBytes").asLong()).isEqualTo(2L << 30);
        assertThat(json.get("cpu").get("tune").get("quotaMicros").isNull()).isTrue();
        assertThat(json.get("cpu").get("model").isNull()).isTrue();
        assertThat(json.get("nics").get(0).get("mac").asText()).isEqualTo("52:54:00:aa:bb:cc");
        assertThat(json.get("nics").get(0).get("vlanTags").get(0).asInt()).isEqualTo(42);
        assertThat(json.at("/nics/0/guestAddresses/1").toString())
                .isEqualTo("{\"address\":\"fe80::5054:ff:feaa:bbcc\",\"prefix\":64,\"source\":\"AGENT\"}");
        assertThat(json.get("graphics").get(0).get("passwordSet").asBoolean()).isTrue();
        assertThat(json.get("biosUuid").asText()).isEqualTo("420c1d2e-3f4a-5b6c-7d8e-9f0a1b2c3d4e");
        assertThat(json.get("cpuAllocation").toString())
                .isEqualTo("{\"reservation\":1000,\"limit\":null,\"shares\":4000}");
        assertThat(json.at("/memoryAllocation/limit").asLong()).isEqualTo(2L << 30);
        assertThat(json.at("/disks/0/provisioning").asText()).isEqualTo("thin");
        assertThat(json.at("/disks/0/mode").asText()).isEqualTo("independent_persistent");
    }

    @Test
    @DisplayName("a typed error is written as its code and message only")
    void errors() {
        JsonNode json = UnmanagedJson.mapper().valueToTree(
                new HostFailure("h9", new InstanceNotFoundException("vm-x", "host h9")));

        assertThat(keys(json.get("error"))).containsExactly("code", "message");
        assertThat(json.get("error").get("code").asText()).isEqualTo("INSTANCE_NOT_FOUND");
    }

    @Test
    @DisplayName("an import request reads back from JSON, with 'auto', 'current' and fixed addresses")
    void importRequestRoundTrip() throws Exception {
        ImportRequest request = ImportRequest.builder(Host.kvm("test:///default"), "web-01")
                .owner("acme").offering("small").network("52:54:00:AA:BB:CC", "net1")
                .ip("52:54:00:aa:bb:cc", IpAssignment.auto()).ip("52:54:00:aa:bb:cd", IpAssignment.current())
                .ip("52:54:00:aa:bb:ce", IpAssignment.fixed("10.0.0.7")).pool("vda", "pool1").build();

        String json = UnmanagedJson.toJson(request);
        ImportRequest back = UnmanagedJson.mapper().readValue(json, ImportRequest.class);

        assertThat(back).isEqualTo(request);
        assertThat(json).contains("\"52:54:00:aa:bb:cc\":\"auto\"", "\"52:54:00:aa:bb:cd\":\"current\"",
                "\"52:54:00:aa:bb:ce\":\"10.0.0.7\"");
    }

    @Test
    @DisplayName("an import plan says whether it is importable, and reads back")
    void importPlan() throws Exception {
        ImportRequest request = ImportRequest.builder(Host.kvm("test:///default"), "web-01").owner("acme").build();
        ImportPlan blocked = new ImportPlan(request, sample(),
                List.of(Problem.block(ProblemCode.NIC_UNMAPPED, "nic 52:54:00:aa:bb:cc", "mapped to no network")),
                null);

        JsonNode json = UnmanagedJson.mapper().valueToTree(blocked);

        assertThat(json.get("importable").asBoolean()).isFalse();
        assertThat(json.get("problems").get(0).get("code").asText()).isEqualTo("NIC_UNMAPPED");
        assertThat(UnmanagedJson.mapper().treeToValue(json, ImportPlan.class)).isEqualTo(blocked);
    }

    @Test
    @DisplayName("a descriptor reads back equal to itself")
    void descriptorRoundTrip() throws Exception {
        String json = UnmanagedJson.toJson(sample());

        assertThat(UnmanagedJson.mapper().readValue(json, InstanceDescriptor.class)).isEqualTo(sample());
    }
}
