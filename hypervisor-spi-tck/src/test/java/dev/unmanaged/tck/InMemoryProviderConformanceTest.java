package dev.unmanaged.tck;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryTestBed;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory reference provider passes the provider contract")
class InMemoryProviderConformanceTest extends HypervisorInstanceProviderContract {
    @Override
    protected HypervisorInstanceProvider createProvider() {
        return new InMemoryHypervisorProvider();
    }

    @Override
    protected TestBed createTestBed(HypervisorInstanceProvider provider) {
        return new InMemoryTestBed((InMemoryHypervisorProvider) provider, "host-1");
    }
}
