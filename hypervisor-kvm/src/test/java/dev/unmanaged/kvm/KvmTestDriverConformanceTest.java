package dev.unmanaged.kvm;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.tck.HypervisorInstanceProviderContract;
import dev.unmanaged.tck.TestBed;
import org.junit.jupiter.api.DisplayName;

/** The provider passes the conformance kit on libvirt's in-process test driver. */
@DisplayName("The KVM provider on libvirt's test driver passes the provider contract")
class KvmTestDriverConformanceTest extends HypervisorInstanceProviderContract {
    @Override
    protected HypervisorInstanceProvider createProvider() {
        return new KvmInstanceProvider(TestDriverHosts.OPTIONS);
    }

    @Override
    protected TestBed createTestBed(HypervisorInstanceProvider provider) {
        return new TestDriverBed();
    }
}
