package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.Placement;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.instance.ResourceAllocation;
import dev.unmanaged.tck.InstanceSpec;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing and describing VMs on the vCenter simulator")
class VsphereLiveListingTest {
    @Test
    @DisplayName("every generated VM is listed with its instance UUID, power state, hardware, disk key, NIC and where it runs")
    void generatedVms() {
        Simulator simulator = Simulator.shared();
        try (VsphereInstanceProvider provider = new VsphereInstanceProvider(
                VsphereProviderOptions.of((server, user) -> "secret".toCharArray()))) {
            List<InstanceDescriptor> listing = provider.listInstances(simulator.host());
            assertThat(listing).isNotEmpty().allSatisfy(d -> {
                assertThat(d.uuid()).isNotNull();
                assertThat(d.powerState()).isIn(PowerState.RUNNING, PowerState.STOPPED, PowerState.SUSPENDED);
                assertThat(d.cpu().vcpus()).isPositive();
                assertThat(d.memory().maxBytes()).isPositive();
            });
            InstanceDescriptor first = listing.stream().filter(d -> d.name().equals("DC0_H0_VM0")).findFirst()
                    .orElseThrow();
            assertThat(first.disks()).extracting(disk -> disk.deviceName()).contains("scsi0:0");
            assertThat(first.nics()).hasSize(1);
            assertThat(first.placement()).isEqualTo(new Placement("DC0_H0", null, "DC0"));
            assertThat(listing).filteredOn(d -> d.name().startsWith("DC0_C0_")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.placement().cluster()).isEqualTo("DC0_C0"));
        }
    }

    @Test
    @DisplayName("a VM created with a BIOS uuid, CPU and memory allocations, thin and eager disks and an independent "
            + "disk reports them")
    void allocationsAndDiskBackings() {
        Simulator simulator = Simulator.shared();
        UUID biosUuid = UUID.randomUUID();
        String settings = "<uuid>" + biosUuid + "</uuid>"
                + "<cpuAllocation><reservation>2000</reservation><limit>3000</limit><shares><shares>4000</shares>"
                + "<level>custom</level></shares></cpuAllocation>"
                + "<memoryAllocation><reservation>256</reservation><limit>-1</limit><shares><shares>5120</shares>"
                + "<level>normal</level></shares></memoryAllocation>";
        InstanceSpec spec = InstanceSpec.running("sized-" + System.nanoTime() % 100000).stopped().withVcpus(2)
                .withMemoryMib(512).plusDisk("vdb", 16).plusDisk("vdc", 16);
        try (VsphereInstanceProvider provider = new VsphereInstanceProvider(
                VsphereProviderOptions.of((server, user) -> "secret".toCharArray()));
             SimulatorBed bed = new SimulatorBed(simulator, simulator.host())) {
            UUID uuid = bed.create(spec, settings, List.of(SimulatorBed.DiskBacking.THIN,
                    new SimulatorBed.DiskBacking("persistent", false, true),
                    new SimulatorBed.DiskBacking("independent_persistent", false, false)));

            InstanceDescriptor d = provider.describeInstance(bed.host(), uuid.toString());

            assertThat(d.uuid()).isEqualTo(uuid);
            assertThat(d.biosUuid()).isEqualTo(biosUuid);
            assertThat(d.cpuAllocation()).isEqualTo(new ResourceAllocation(2000L, 3000L, 4000L));
            assertThat(d.memoryAllocation()).isEqualTo(new ResourceAllocation(256L << 20, null, 5120L));
            assertThat(d.cpu().speedMhz()).isEqualTo(1000);
            assertThat(d.cpu().cap()).isNull();
            assertThat(d.disks()).extracting(DiskDescriptor::deviceName, DiskDescriptor::provisioning,
                    DiskDescriptor::mode).containsExactly(tuple("scsi0:0", "thin", "persistent"),
                    tuple("scsi0:1", "thick-eager-zeroed", "persistent"),
                    tuple("scsi0:2", "thick-lazy-zeroed", "independent_persistent"));
        }
    }
}
