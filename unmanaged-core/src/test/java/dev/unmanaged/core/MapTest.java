package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.GIB;
import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.KIND;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.MemoryDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.mapping.DiskMatch;
import dev.unmanaged.api.mapping.ImportMap;
import dev.unmanaged.api.mapping.IpPolicy;
import dev.unmanaged.api.mapping.NetworkMap;
import dev.unmanaged.api.mapping.NetworkRule;
import dev.unmanaged.api.mapping.NicMatch;
import dev.unmanaged.api.mapping.OfferingPolicy;
import dev.unmanaged.api.mapping.StorageMap;
import dev.unmanaged.api.mapping.StorageRule;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mapping an instance by a network map, a storage map and an offering policy")
class MapTest {
    private static final String BRIDGED = "52:54:00:00:00:01";
    private static final String NETWORKED = "52:54:00:00:00:02";
    private static final String DIRECT = "52:54:00:00:00:03";
    private static final String TAGGED = "52:54:00:00:00:04";
    private static final String PORT_GROUP = "52:54:00:00:00:05";
    private static final String LONELY = "52:54:00:00:00:06";

    private final Workbench bench = new Workbench();

    @AfterEach
    void tearDown() {
        bench.close();
    }

    /** One NIC of every attachment kind, and disks by path, by libvirt pool and by vSphere datastore. */
    private static InstanceDescriptor everyKind(int vcpus, long memory) {
        List<NicDescriptor> nics = List.of(
                nic("bridge", BRIDGED, "br0", List.of()),
                nic("network", NETWORKED, "default", List.of()),
                nic("direct", DIRECT, "eth0", List.of()),
                nic("bridge", TAGGED, "br-trunk", List.of(130)),
                nic("vmxnet3", PORT_GROUP, "DC0_DVPG0", List.of()),
                nic("user", LONELY, null, List.of()));
        List<DiskDescriptor> disks = List.of(
                disk("vda", "file", "/srv/fast/web.qcow2"),
                disk("vdb", "volume", "default/web-data.qcow2"),
                disk("vdc", "file", "[datastore1] web/web.vmdk"),
                disk("vdd", "file", "/elsewhere/web.raw"));
        return InstanceDescriptor.builder().uuid(uuid(1)).name("web").hypervisor(KIND).virtualizationType("kvm")
                .powerState(PowerState.RUNNING).persistent(true).cpu(CpuDescriptor.of(vcpus))
                .memory(MemoryDescriptor.ofBytes(memory)).disks(disks).nics(nics).build();
    }

    private static NicDescriptor nic(String type, String mac, String source, List<Integer> vlans) {
        return new NicDescriptor(type, mac, "virtio", source, vlans, null, null, null);
    }

    private static DiskDescriptor disk(String device, String type, String source) {
        return DiskDescriptor.builder().deviceName(device).type(type).source(source).capacityBytes(GIB).build();
    }

    private static ImportMap map(OfferingPolicy offering) {
        NetworkMap networks = new NetworkMap(List.of(
                NetworkRule.of(NicMatch.vlan(130), "tiny"),
                new NetworkRule(NicMatch.bridge("br0"), "net1", IpPolicy.NONE),
                NetworkRule.of(NicMatch.bridge("br-trunk"), "bobnet"),
                NetworkRule.of(NicMatch.network("default"), "net1"),
                NetworkRule.of(NicMatch.device("eth0"), "net1"),
                NetworkRule.of(NicMatch.portGroup("DC0_DVPG0"), "net1")), IpPolicy.AUTO);
        StorageMap storage = new StorageMap(List.of(
                new StorageRule(DiskMatch.pathPrefix("/srv/fast/"), "fast"),
                new StorageRule(DiskMatch.hostPool("default"), "images"),
                new StorageRule(DiskMatch.hostPool("datastore1"), "images")));
        return new ImportMap(networks, storage, offering);
    }

    @Test
    @DisplayName("a rule whose IP policy is current asks for the address the guest uses now on that NIC")
    void currentAddress() {
        NetworkMap networks = new NetworkMap(List.of(new NetworkRule(NicMatch.network("default"), "net1",
                IpPolicy.CURRENT)), IpPolicy.NONE);
        ImportRequest mapped = plan(request().build(), new ImportMap(networks, new StorageMap(List.of()),
                OfferingPolicy.CUSTOM)).request();

        assertThat(mapped.ipByMac()).containsOnly(java.util.Map.entry(NETWORKED, IpAssignment.current()));
    }

    private ImportPlan plan(ImportRequest request, ImportMap map) {
        Fixtures.put(bench.provider, H1, everyKind(2, 2 * GIB));
        return bench.instances.plan(request, map);
    }

    private static ImportRequest.Builder request() {
        return ImportRequest.builder(H1, uuid(1).toString()).owner("alice");
    }

    @Test
    @DisplayName("every NIC kind and disk kind finds its rule, the first matching rule wins, and the map's IP policy"
            + " applies unless the rule names its own")
    void everyKindFirstMatch() {
        ImportRequest mapped = plan(request().build(), map(OfferingPolicy.CUSTOM)).request();

        assertThat(mapped.networkByMac()).containsOnly(
                java.util.Map.entry(BRIDGED, "net1"), java.util.Map.entry(NETWORKED, "net1"),
                java.util.Map.entry(DIRECT, "net1"), java.util.Map.entry(TAGGED, "tiny"),
                java.util.Map.entry(PORT_GROUP, "net1"));
        assertThat(mapped.ipByMac()).doesNotContainKey(BRIDGED).containsEntry(NETWORKED, IpAssignment.auto());
        assertThat(mapped.poolByDisk()).containsOnly(java.util.Map.entry("vda", "fast"),
                java.util.Map.entry("vdb", "images"), java.util.Map.entry("vdc", "images"));
        assertThat(mapped.offeringId()).isEqualTo("flex");
    }

    @Test
    @DisplayName("a NIC or disk no rule matches is reported unmapped in the plan, beside every other problem")
    void noMatchIsUnmapped() {
        ImportPlan plan = plan(request().build(), map(OfferingPolicy.CUSTOM));

        assertThat(plan.problems()).extracting(Problem::code, Problem::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(ProblemCode.NIC_UNMAPPED, "nic " + LONELY),
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.DISK_UNMAPPED, "disk vdd"));
    }

    @Test
    @DisplayName("what the request names itself — a NIC's network and address, a disk's pool, the offering — wins"
            + " over the map")
    void explicitWins() {
        ImportRequest mapped = plan(request().offering("small").network(BRIDGED, "bobnet")
                .ip(BRIDGED, IpAssignment.fixed("10.2.0.7")).pool("vda", "images").build(),
                map(OfferingPolicy.CUSTOM)).request();

        assertThat(mapped.networkByMac()).containsEntry(BRIDGED, "bobnet");
        assertThat(mapped.ipByMac()).containsEntry(BRIDGED, IpAssignment.fixed("10.2.0.7"));
        assertThat(mapped.poolByDisk()).containsEntry("vda", "images");
        assertThat(mapped.offeringId()).isEqualTo("small");
    }

    @Test
    @DisplayName("the smallest-fixed policy picks the fixed offering that fits exactly among those the owner may use")
    void smallestFixed() {
        Fixtures.put(bench.provider, H1, everyKind(2, 2 * GIB));
        ImportMap map = map(OfferingPolicy.SMALLEST_FIXED);

        assertThat(bench.instances.plan(request().build(), map).request().offeringId()).isEqualTo("small");
        assertThat(bench.instances.plan(request().owner("bob").build(), map).request().offeringId())
                .isEqualTo("gold");
    }

    @Test
    @DisplayName("when no offering fits the policy the plan says so once, naming the size it looked for")
    void noOfferingFits() {
        Fixtures.put(bench.provider, H1, everyKind(4, 3 * GIB));

        ImportPlan plan = bench.instances.plan(request().build(), map(OfferingPolicy.SMALLEST_FIXED));

        assertThat(plan.problems()).filteredOn(p -> p.subject().equals("offering")).singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.OFFERING_NOT_FOUND);
                    assertThat(p.message()).contains("smallest-fixed", "exactly 4 vCPUs and 3072 MiB");
                });
    }

    @Test
    @DisplayName("a map naming a network or pool the catalog lacks is refused, naming the rule's place in the map")
    void unknownIdsRefused() {
        ImportMap map = new ImportMap(new NetworkMap(List.of(NetworkRule.of(NicMatch.bridge("br0"), "net1"),
                NetworkRule.of(NicMatch.bridge("br1"), "nowhere")), IpPolicy.NONE),
                new StorageMap(List.of(new StorageRule(DiskMatch.pathPrefix("/x/"), "lost"))),
                OfferingPolicy.CUSTOM);

        assertThatThrownBy(() -> ImportMaps.requireKnownIds(map, bench.store.catalog()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("/networks/1/network");
                    assertThat(e.getMessage()).contains("'nowhere'", "network", "also unknown: [/pools/0/pool 'lost']");
                });
    }

    @Test
    @DisplayName("a blank name or an impossible VLAN tag in a rule is refused with a typed error naming the field")
    void badRuleValues() {
        assertThatThrownBy(() -> NicMatch.bridge(" ")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("bridge"));
        assertThatThrownBy(() -> NicMatch.vlan(4096)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getMessage()).contains("4096", "0 to 4095"));
    }
}
