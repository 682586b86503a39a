package dev.unmanaged.kvm;

import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.tck.HypervisorInstanceProviderContract;
import dev.unmanaged.tck.TestBed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The provider passes the conformance kit on a live libvirt daemon with QEMU ({@code scripts/libvirt-live.sh
 * start}); skipped with {@code -Dlive.skip=true}, failed in CI when the daemon is missing.
 */
@DisplayName("The KVM provider on a live libvirt daemon passes the provider contract")
class KvmLiveDaemonConformanceTest extends HypervisorInstanceProviderContract {
    /** Decided once for the class, so that a skipped class never reaches the kit's per-test set-up. */
    @BeforeAll
    static void requireDaemon() {
        LiveDaemon.require();
    }

    @Override
    protected HypervisorInstanceProvider createProvider() {
        return new KvmInstanceProvider();
    }

    @Override
    protected TestBed createTestBed(HypervisorInstanceProvider provider) {
        return new LiveDaemonBed();
    }
}
