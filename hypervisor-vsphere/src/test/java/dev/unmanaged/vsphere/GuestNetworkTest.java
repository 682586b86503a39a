package dev.unmanaged.vsphere;

import static dev.unmanaged.vsphere.HardenedSoapReaderTest.CLOSE;
import static dev.unmanaged.vsphere.HardenedSoapReaderTest.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.vsphere.soap.HardenedSoapReader;
import dev.unmanaged.vsphere.soap.SoapLimits;
import dev.unmanaged.vsphere.soap.SoapRequest.PropertyPaths;
import dev.unmanaged.vsphere.vim.ObjectContent;
import dev.unmanaged.vsphere.vim.Responses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Guest addresses from {@code guest.net}, read from canned answers of the shape vCenter sends. */
@DisplayName("Guest addresses of a vSphere VM from VMware Tools")
class GuestNetworkTest {
    private static final GuestAddress.Source TOOLS = GuestAddress.Source.AGENT;

    private final HardenedSoapReader reader = new HardenedSoapReader(SoapLimits.DEFAULT);
    private final VirtualMachineMapper mapper = new VirtualMachineMapper("vsphere");

    /** Three NICs: ...:01 with ipConfig, ...:02 Tools say nothing about, ...:03 with older bare addresses. */
    private static final String HARDWARE = "<numCPU>2</numCPU><memoryMB>2048</memoryMB>"
            + nic("VirtualVmxnet3", 4000, "00:50:56:AA:BB:01") + nic("VirtualE1000e", 4001, "00:50:56:aa:bb:02")
            + nic("VirtualVmxnet3", 4002, "00:50:56:aa:bb:03");

    private static final String GUEST_NET = "<GuestNicInfo><network>prod</network>"
            + "<ipAddress>10.20.0.11</ipAddress><ipAddress>fe80::250:56ff:feaa:bb01</ipAddress>"
            + "<macAddress>00:50:56:aa:bb:01</macAddress><connected>true</connected>"
            + "<deviceConfigId>4000</deviceConfigId><dnsConfig><hostName>db-01</hostName></dnsConfig><ipConfig>"
            + address("10.20.0.11", 24) + address("fe80::250:56ff:feaa:bb01", 64) + address("2001:0DB8:0:0::11", 64)
            + address("10.20.0.12", 99) + address("not-an-address", 8)
            + "</ipConfig></GuestNicInfo>"
            + "<GuestNicInfo><ipAddress>10.30.0.5</ipAddress><ipAddress>fd00::5</ipAddress>"
            + "<macAddress>00:50:56:aa:bb:03</macAddress><connected>true</connected>"
            + "<deviceConfigId>4002</deviceConfigId></GuestNicInfo>"
            + "<GuestNicInfo><network>docker0</network><macAddress>02:42:ac:11:00:01</macAddress>"
            + "<connected>true</connected><deviceConfigId>-1</deviceConfigId><ipConfig>"
            + address("172.17.0.1", 16) + "</ipConfig></GuestNicInfo>"
            + "<GuestNicInfo><connected>false</connected><deviceConfigId>-1</deviceConfigId></GuestNicInfo>";

    private static String nic(String type, int key, String mac) {
        return "<device xsi:type=\"" + type + "\"><key>" + key + "</key><backing "
                + "xsi:type=\"VirtualEthernetCardNetworkBackingInfo\"><deviceName>VM Network</deviceName></backing>"
                + "<macAddress>" + mac + "</macAddress></device>";
    }

    private static String address(String address, int prefix) {
        return "<ipAddress><ipAddress>" + address + "</ipAddress><prefixLength>" + prefix + "</prefixLength>"
                + "<state>preferred</state></ipAddress>";
    }

    private static String property(String name, String type, String value) {
        return "<propSet><name>" + name + "</name><val xsi:type=\"" + type + "\">" + value + "</val></propSet>";
    }

    private ObjectContent vm(String power, String guestNet) {
        String xml = OPEN + "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><objects>"
                + "<obj type=\"VirtualMachine\">vm-1</obj>" + property("name", "xsd:string", "db-01")
                + property("config.instanceUuid", "xsd:string", "5003a1b2-0c4d-4e5f-8a9b-0c1d2e3f4a5b")
                + property("config.hardware", "VirtualHardware", HARDWARE)
                + property("runtime.powerState", "VirtualMachinePowerState", power) + guestNet
                + "</objects></returnval></RetrievePropertiesExResponse>" + CLOSE;
        return reader.read("RetrievePropertiesEx", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                Responses.RetrievePropertiesResponse.class).returnval.objects.get(0);
    }

    private InstanceDescriptor attached(ObjectContent vm) {
        return GuestNetwork.attach(mapper.map(vm, new Inventory(List.of()), "vc1").orElseThrow(), vm);
    }

    private static List<List<GuestAddress>> addresses(InstanceDescriptor descriptor) {
        return descriptor.nics().stream().map(NicDescriptor::guestAddresses).toList();
    }

    @Test
    @DisplayName("each NIC gets the IPv4 and IPv6 addresses Tools report for its MAC, with their prefixes")
    void byMac() {
        InstanceDescriptor d = attached(vm("poweredOn", property("guest.net", "ArrayOfGuestNicInfo", GUEST_NET)));
        assertThat(addresses(d).get(0)).containsExactly(new GuestAddress("10.20.0.11", 24, TOOLS),
                new GuestAddress("fe80::250:56ff:feaa:bb01", 64, TOOLS), new GuestAddress("2001:db8::11", 64, TOOLS));
        assertThat(d.nics().get(0).guestIpv4Addresses()).containsExactly("10.20.0.11");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    @DisplayName("a NIC Tools say nothing about has no address; a MAC of no NIC (the guest's own bridge) is dropped")
    void unmatched() {
        InstanceDescriptor d = attached(vm("poweredOn", property("guest.net", "ArrayOfGuestNicInfo", GUEST_NET)));
        assertThat(addresses(d).get(1)).isEmpty();
        assertThat(addresses(d)).flatExtracting(list -> list).extracting(GuestAddress::address)
                .doesNotContain("172.17.0.1");
    }

    @Test
    @DisplayName("older Tools' bare addresses get a host prefix, 32 for IPv4 and 128 for IPv6")
    void bareAddresses() {
        InstanceDescriptor d = attached(vm("poweredOn", property("guest.net", "ArrayOfGuestNicInfo", GUEST_NET)));
        assertThat(addresses(d).get(2)).containsExactly(new GuestAddress("10.30.0.5", 32, TOOLS),
                new GuestAddress("fd00::5", 128, TOOLS));
    }

    @Test
    @DisplayName("a VM that is not powered on has no guest address and no warning, whatever Tools last reported")
    void poweredOff() {
        for (String power : List.of("poweredOff", "suspended")) {
            InstanceDescriptor d = attached(vm(power, property("guest.net", "ArrayOfGuestNicInfo", GUEST_NET)));
            assertThat(addresses(d)).as(power).allSatisfy(list -> assertThat(list).isEmpty());
            assertThat(d.warnings()).as(power).isEmpty();
        }
    }

    @Test
    @DisplayName("a powered-on VM whose Tools report no NIC, or a guest.net of a type not read, gets an informational warning")
    void noTools() {
        for (String guestNet : List.of("", property("guest.net", "ArrayOfGuestNicInfo", ""),
                property("guest.net", "ArrayOfGuestNicInfoFromTheFuture", GUEST_NET))) {
            InstanceDescriptor d = attached(vm("poweredOn", guestNet));
            assertThat(addresses(d)).as(guestNet).allSatisfy(list -> assertThat(list).isEmpty());
            assertThat(d.warnings()).as(guestNet).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(WarningCodes.GUEST_ADDRESSES_UNAVAILABLE);
                assertThat(w.blocksImport()).isFalse();
                assertThat(w.message()).contains("db-01");
            });
        }
    }

    @Test
    @DisplayName("guest.net is added to the VirtualMachine paths only")
    void paths() {
        List<PropertyPaths> paths = GuestNetwork.withGuestNet(List.of(new PropertyPaths("VirtualMachine",
                List.of("name")), new PropertyPaths("HostSystem", List.of("name"))));
        assertThat(paths).containsExactly(new PropertyPaths("VirtualMachine", List.of("name", "guest.net")),
                new PropertyPaths("HostSystem", List.of("name")));
        assertThat(VirtualMachineMapper.PATHS).flatExtracting(PropertyPaths::paths).doesNotContain("guest.net");
    }
}
