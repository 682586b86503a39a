package dev.unmanaged.vsphere;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.tck.HypervisorInstanceProviderContract;
import dev.unmanaged.tck.TestBed;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The vSphere provider on the vCenter simulator")
class VsphereConformanceTest extends HypervisorInstanceProviderContract {
    private Simulator simulator;

    @Override
    protected HypervisorInstanceProvider createProvider() {
        simulator = Simulator.shared();
        return new VsphereInstanceProvider(VsphereProviderOptions.of((server, user) -> "any-password".toCharArray())
                .withCallTimeout(Duration.ofSeconds(20)));
    }

    @Override
    protected TestBed createTestBed(HypervisorInstanceProvider provider) {
        return new SimulatorBed(simulator, simulator.host());
    }
}
