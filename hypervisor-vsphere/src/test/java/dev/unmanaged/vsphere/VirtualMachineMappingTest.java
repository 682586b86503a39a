package dev.unmanaged.vsphere;

import static dev.unmanaged.vsphere.HardenedSoapReaderTest.CLOSE;
import static dev.unmanaged.vsphere.HardenedSoapReaderTest.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Firmware;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.Placement;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.ResourceAllocation;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.vsphere.soap.HardenedSoapReader;
import dev.unmanaged.vsphere.soap.SoapLimits;
import dev.unmanaged.vsphere.vim.ObjectContent;
import dev.unmanaged.vsphere.vim.ResourceAllocationInfo;
import dev.unmanaged.vsphere.vim.Responses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping of vim25 properties, read from canned answers of the shape vCenter sends. */
@DisplayName("Mapping a vSphere VM to a descriptor")
class VirtualMachineMappingTest {
    private static final String XSI = "xmlns:X=\"http://www.w3.org/2001/XMLSchema-instance\" X:type=";
    private static final String INSTANCE_UUID = "5003a1b2-0c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String BIOS_UUID = "420c1d2e-3f4a-5b6c-7d8e-9f0a1b2c3d4e";

    private final HardenedSoapReader reader = new HardenedSoapReader(SoapLimits.DEFAULT);
    private final VirtualMachineMapper mapper = new VirtualMachineMapper("vsphere");

    private List<ObjectContent> objects(String objects) {
        String xml = OPEN + "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval>" + objects
                + "</returnval></RetrievePropertiesExResponse>" + CLOSE;
        return reader.read("RetrievePropertiesEx", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                Responses.RetrievePropertiesResponse.class).returnval.objects;
    }

    private static String property(String name, String type, String value) {
        return "<propSet><name>" + name + "</name><val " + XSI + "\"" + type + "\">" + value + "</val></propSet>";
    }

    private static String managed(String type, String id, String name, String parentType, String parent) {
        return "<objects><obj type=\"" + type + "\">" + id + "</obj>" + property("name", "xsd:string", name)
                + "<propSet><name>parent</name><val " + XSI + "\"ManagedObjectReference\" type=\"" + parentType + "\">"
                + parent + "</val></propSet></objects>";
    }

    private Inventory inventory() {
        return new Inventory(objects(managed("Datacenter", "dc-1", "Zurich", "Folder", "group-d1")
                + managed("Folder", "group-h4", "host", "Datacenter", "dc-1")
                + managed("ClusterComputeResource", "domain-c7", "gold", "Folder", "group-h4")
                + managed("HostSystem", "host-9", "esx-09.example.com", "ClusterComputeResource", "domain-c7")
                + "<objects><obj type=\"DistributedVirtualPortgroup\">dvportgroup-20</obj>"
                + property("name", "xsd:string", "prod-vlan-20") + property("key", "xsd:string", "dvportgroup-20")
                + "</objects><objects><obj type=\"VmwareDistributedVirtualSwitch\">dvs-5</obj>"
                + property("name", "xsd:string", "dvs-prod") + property("uuid", "xsd:string", "50 2a 11")
                + "</objects>"));
    }

    private static final String HARDWARE = "<numCPU>4</numCPU><numCoresPerSocket>2</numCoresPerSocket>"
            + "<memoryMB>8192</memoryMB>"
            + "<device " + "X:type=\"VirtualNVMEController\"><key>31000</key><busNumber>0</busNumber></device>"
            + "<device X:type=\"VirtualAHCIController\"><key>15000</key><busNumber>0</busNumber></device>"
            + "<device X:type=\"VirtualIDEController\"><key>200</key><busNumber>0</busNumber></device>"
            + "<device X:type=\"VirtualLsiLogicSASController\"><key>1000</key><busNumber>1</busNumber></device>"
            + "<device X:type=\"VirtualKeyboard\"><key>600</key></device>"
            + "<device X:type=\"VirtualDisk\"><key>2000</key><backing X:type=\"VirtualDiskFlatVer2BackingInfo\">"
            + "<fileName>[ssd-01] db/db.vmdk</fileName><diskMode>independent_persistent</diskMode>"
            + "<thinProvisioned>false</thinProvisioned><eagerlyScrub>true</eagerlyScrub></backing>"
            + "<controllerKey>1000</controllerKey><unitNumber>1</unitNumber><capacityInKB>1</capacityInKB>"
            + "<capacityInBytes>21474836480</capacityInBytes></device>"
            + "<device X:type=\"VirtualDisk\"><key>2001</key><backing X:type=\"VirtualDiskFlatVer2BackingInfo\">"
            + "<fileName>[ssd-01] db/db_1.vmdk</fileName><diskMode>persistent</diskMode>"
            + "<thinProvisioned>true</thinProvisioned></backing><controllerKey>31000</controllerKey>"
            + "<unitNumber>0</unitNumber><capacityInKB>1024</capacityInKB></device>"
            + "<device X:type=\"VirtualCdrom\"><key>3000</key><backing X:type=\"VirtualCdromIsoBackingInfo\">"
            + "<fileName>[iso] ubuntu.iso</fileName></backing><controllerKey>15000</controllerKey>"
            + "<unitNumber>0</unitNumber></device>"
            + "<device X:type=\"VirtualVmxnet3\"><key>4000</key><backing "
            + "X:type=\"VirtualEthernetCardDistributedVirtualPortBackingInfo\"><port><switchUuid>50 2a 11</switchUuid>"
            + "<portgroupKey>dvportgroup-20</portgroupKey></port></backing><macAddress>00:50:56:AA:BB:01"
            + "</macAddress></device>"
            + "<device X:type=\"VirtualE1000e\"><key>4001</key><backing "
            + "X:type=\"VirtualEthernetCardNetworkBackingInfo\"><deviceName>VM Network</deviceName></backing>"
            + "<macAddress>00:50:56:aa:bb:02</macAddress></device>"
            + "<device X:type=\"VirtualQuantumEntangler\"><key>9000</key><deviceInfo><label>Entangler 1</label>"
            + "</deviceInfo></device>";

    private String vm(String id, String template, String power) {
        return "<objects><obj type=\"VirtualMachine\">" + id + "</obj>"
                + property("name", "xsd:string", "db-01")
                + property("config.instanceUuid", "xsd:string", INSTANCE_UUID)
                + property("config.uuid", "xsd:string", BIOS_UUID)
                + property("config.template", "xsd:boolean", template)
                + "<propSet><name>config.hardware</name><val xmlns:X=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "X:type=\"VirtualHardware\">" + HARDWARE + "</val></propSet>"
                + property("config.cpuAllocation", "ResourceAllocationInfo", "<reservation>1000</reservation>"
                + "<limit>-1</limit><shares><shares>8000</shares><level>custom</level></shares>")
                + property("config.memoryAllocation", "ResourceAllocationInfo", "<reservation>2048</reservation>"
                + "<limit>4096</limit><shares><shares>81920</shares><level>normal</level></shares>")
                + property("config.firmware", "xsd:string", "efi")
                + property("config.bootOptions", "VirtualMachineBootOptions",
                "<efiSecureBootEnabled>true</efiSecureBootEnabled>")
                + property("config.guestId", "xsd:string", "ubuntu64Guest")
                + property("runtime.powerState", "VirtualMachinePowerState", power)
                + "<propSet><name>runtime.host</name><val " + XSI + "\"ManagedObjectReference\" type=\"HostSystem\">"
                + "host-9</val></propSet></objects>";
    }

    private InstanceDescriptor mapped(String power) {
        Optional<InstanceDescriptor> d = mapper.map(objects(vm("vm-1", "false", power)).get(0), inventory(), "vc1");
        assertThat(d).isPresent();
        return d.get();
    }

    @Test
    @DisplayName("identity, state, CPU topology and shares, memory, firmware, secure boot, guest id and placement")
    void instance() {
        InstanceDescriptor d = mapped("poweredOn");
        assertThat(d.uuid()).isEqualTo(UUID.fromString(INSTANCE_UUID));
        assertThat(d.name()).isEqualTo("db-01");
        assertThat(d.hostId()).isEqualTo("vc1");
        assertThat(d.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(d.persistent()).isTrue();
        assertThat(d.cpu().vcpus()).isEqualTo(4);
        assertThat(d.cpu().sockets()).isEqualTo(2);
        assertThat(d.cpu().cores()).isEqualTo(2);
        assertThat(d.cpu().tune().shares()).isEqualTo(8000L);
        assertThat(d.memory().maxBytes()).isEqualTo(8L << 30);
        assertThat(d.os().firmware()).isEqualTo(Firmware.EFI);
        assertThat(d.os().secureBoot()).isTrue();
        assertThat(d.os().type()).isEqualTo("ubuntu64Guest");
        assertThat(d.placement()).isEqualTo(new Placement("esx-09.example.com", "gold", "Zurich"));
    }

    @Test
    @DisplayName("the BIOS uuid beside the instance uuid, CPU and memory allocations, and a speed from the reservation")
    void allocations() {
        InstanceDescriptor d = mapped("poweredOn");
        assertThat(d.biosUuid()).isEqualTo(UUID.fromString(BIOS_UUID));
        assertThat(d.uuid()).isEqualTo(UUID.fromString(INSTANCE_UUID));
        assertThat(d.cpuAllocation()).isEqualTo(new ResourceAllocation(1000L, null, 8000L));
        assertThat(d.memoryAllocation()).isEqualTo(new ResourceAllocation(2048L << 20, 4096L << 20, 81920L));
        assertThat(d.cpu().speedMhz()).isEqualTo(250);
        assertThat(d.cpu().cap()).isNull();
    }

    @Test
    @DisplayName("no speed without a CPU reservation or when it is below 1 MHz per vCPU")
    void speedWithoutReservation() {
        ResourceAllocationInfo none = new ResourceAllocationInfo();
        ResourceAllocationInfo small = new ResourceAllocationInfo();
        small.reservation = 3L;

        assertThat(VirtualMachineMapper.speedMhz(4, null)).isNull();
        assertThat(VirtualMachineMapper.speedMhz(4, none)).isNull();
        assertThat(VirtualMachineMapper.speedMhz(4, small)).isNull();
        assertThat(VirtualMachineMapper.speedMhz(2, small)).isEqualTo(1);
    }

    @Test
    @DisplayName("poweredOff and suspended map to STOPPED and SUSPENDED")
    void powerStates() {
        assertThat(mapped("poweredOff").powerState()).isEqualTo(PowerState.STOPPED);
        assertThat(mapped("suspended").powerState()).isEqualTo(PowerState.SUSPENDED);
    }

    @Test
    @DisplayName("disks by device key with controller type, capacity in bytes and backing; the CD-ROM as a non-disk device")
    void disks() {
        List<DiskDescriptor> disks = mapped("poweredOn").disks();
        assertThat(disks).extracting(DiskDescriptor::deviceName).containsExactly("scsi1:1", "nvme0:0", "sata0:0");
        assertThat(disks).extracting(DiskDescriptor::bus).containsExactly("lsilogic-sas", "nvme", "ahci");
        assertThat(disks.get(0).capacityBytes()).isEqualTo(20L << 30);
        assertThat(disks.get(1).capacityBytes()).isEqualTo(1L << 20);
        assertThat(disks.get(0).source()).isEqualTo("[ssd-01] db/db.vmdk");
        assertThat(disks).extracting(DiskDescriptor::provisioning)
                .containsExactly("thick-eager-zeroed", "thin", null);
        assertThat(disks).extracting(DiskDescriptor::mode).containsExactly("independent_persistent", "persistent",
                null);
        assertThat(disks.get(2).isDisk()).isFalse();
        assertThat(disks.get(2).device()).isEqualTo("cdrom");
        assertThat(disks.get(2).source()).isEqualTo("[iso] ubuntu.iso");
    }

    @Test
    @DisplayName("NICs with MAC, adapter type, port group and distributed switch")
    void nics() {
        List<NicDescriptor> nics = mapped("poweredOn").nics();
        assertThat(nics).extracting(NicDescriptor::mac).containsExactly("00:50:56:aa:bb:01", "00:50:56:aa:bb:02");
        assertThat(nics).extracting(NicDescriptor::model).containsExactly("vmxnet3", "e1000e");
        assertThat(nics).extracting(NicDescriptor::source).containsExactly("prod-vlan-20", "VM Network");
        assertThat(nics).extracting(NicDescriptor::type).containsExactly("distributed-portgroup", "portgroup");
        assertThat(nics.get(0).switchPortType()).isEqualTo("dvs-prod");
    }

    @Test
    @DisplayName("a device of an unknown type is left out with an informational warning; known infrastructure devices quietly")
    void unknownDevice() {
        InstanceDescriptor d = mapped("poweredOn");
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(WarningCodes.UNMODELLED);
            assertThat(w.blocksImport()).isFalse();
            assertThat(w.message()).contains("Entangler 1");
        });
    }

    @Test
    @DisplayName("a template is not an instance")
    void template() {
        assertThat(mapper.map(objects(vm("vm-2", "true", "poweredOff")).get(0), inventory(), "vc1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"db-01", "DB-01", " db-01", INSTANCE_UUID, " 5003A1B2-0C4D-4E5F-8A9B-0C1D2E3F4A5B ",
        "5003a1b2-c4d-4e5f-8a9b-c1d2e3f4a5b", BIOS_UUID, "vm-1"})
    @DisplayName("the identity pre-filter names a VM exactly when its descriptor says it is named so")
    void identityAsDescriptor(String nameOrUuid) {
        ObjectContent vm = objects(vm("vm-1", "false", "poweredOn")).get(0);
        assertThat(VirtualMachineMapper.isIdentifiedBy(vm, nameOrUuid))
                .isEqualTo(mapped("poweredOn").isIdentifiedBy(nameOrUuid));
    }

    @Test
    @DisplayName("the identity pre-filter takes the name or instance UUID, never a template")
    void identity() {
        ObjectContent vm = objects(vm("vm-1", "false", "poweredOn")).get(0);
        assertThat(VirtualMachineMapper.isIdentifiedBy(vm, "db-01")).isTrue();
        assertThat(VirtualMachineMapper.isIdentifiedBy(vm, INSTANCE_UUID.toUpperCase())).isTrue();
        assertThat(VirtualMachineMapper.isIdentifiedBy(vm, "db-02")).isFalse();
        ObjectContent template = objects(vm("vm-2", "true", "poweredOff")).get(0);
        assertThat(VirtualMachineMapper.isIdentifiedBy(template, "db-01")).isFalse();
    }
}
