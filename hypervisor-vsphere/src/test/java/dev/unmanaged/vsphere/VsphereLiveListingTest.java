package dev.unmanaged.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.Placement;
import dev.unmanaged.api.instance.PowerState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing the vCenter simulator's generated VMs")
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
}
