package dev.unmanaged.samples.jsondir;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.tck.HypervisorInstanceProviderContract;
import dev.unmanaged.tck.TestBed;
import org.junit.jupiter.api.DisplayName;

/** The whole provider contract, against a temporary directory playing the host. */
@DisplayName("The JSON-directory provider passes the provider contract")
class JsonDirectoryProviderConformanceTest extends HypervisorInstanceProviderContract {
    @Override
    protected HypervisorInstanceProvider createProvider() {
        return new JsonDirectoryProvider();
    }

    @Override
    protected TestBed createTestBed(HypervisorInstanceProvider provider) {
        return new JsonDirectoryTestBed();
    }
}
