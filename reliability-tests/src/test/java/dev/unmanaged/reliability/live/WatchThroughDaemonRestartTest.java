package dev.unmanaged.reliability.live;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.reliability.support.CatalogFixtureStore;
import dev.unmanaged.reliability.support.TestDriverNode;
import dev.unmanaged.tck.LiveServices;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 changes of domains made by {@code virsh} on a libvirt daemon while the KVM provider's watch looks on, with
 * the daemon killed and restarted in the middle ({@link WatchedChangeRun}): every change must be reported exactly
 * once, in order. The daemon is one the test starts itself ({@link PrivateLibvirtDaemon}, serving libvirt's test
 * driver), so killing it touches no one else; {@link WatchThroughQemuDaemonRestartTest} does the same on the
 * QEMU daemon. Prints the figure quoted in docs/reliability.md and the event latency.
 */
@DisplayName("A watch through a libvirt daemon restart: 200 changes, none missed, none repeated")
class WatchThroughDaemonRestartTest {
    private static final int CHANGES = 200;

    @Test
    @DisplayName("200 changes including one daemon restart: missed 0, duplicated 0")
    void noneMissedNoneRepeated(@TempDir Path dir) throws Exception {
        LiveServices.skipIfAsked();
        if (!PrivateLibvirtDaemon.installed()) {
            throw LiveServices.unavailable("libvirtd (for a daemon of the test's own)", "not installed",
                    "apt-get install libvirt-daemon");
        }
        WatchedChangeRun.Result result;
        try (var daemon = new PrivateLibvirtDaemon(dir.resolve("daemon"));
             var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS);
             var store = CatalogFixtureStore.inMemory();
             var instances = UnmanagedInstances.builder().providers(provider).store(store)
                     .hostDeadline(Duration.ofSeconds(5)).build()) {
            daemon.start();
            var run = new WatchedChangeRun(new Host("private", "kvm", daemon.uri()), daemon,
                    (name, uuid) -> "<domain type='test'><name>" + name + "</name><uuid>" + uuid
                            + "</uuid><memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>");
            result = run.run(instances, CHANGES);
        }
        System.out.println("watch on the test driver behind a private daemon: " + result.summary());
        result.assertNoneMissedNoneRepeated();
    }
}
