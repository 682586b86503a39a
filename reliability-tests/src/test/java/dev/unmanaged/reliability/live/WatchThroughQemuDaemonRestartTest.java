package dev.unmanaged.reliability.live;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.reliability.support.CatalogFixtureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 200 changes of real QEMU domains made by {@code virsh} on the live libvirt daemon at {@code qemu:///system}
 * while the KVM provider's watch looks on, with libvirtd killed (SIGKILL) and started again in the middle through
 * {@code scripts/libvirt-live.sh} ({@link WatchedChangeRun}, as {@link WatchThroughDaemonRestartTest} does on a
 * private daemon): every change must be reported once, as its event and power state. The domains are tiny (32 MiB,
 * no disk, the default CPU model, so that they start under nested KVM), named {@code unmanaged-live-restart-*},
 * and removed at the end. The daemon is left running even when the test fails ({@link SystemLibvirtDaemon}).
 *
 * <p>Restarting the shared daemon is safe within the project's build: Maven builds the modules one after another
 * ({@code scripts/test.sh} runs {@code mvn verify} without {@code -T}), so the live tests of hypervisor-kvm and
 * samples/cli that use {@code qemu:///system} have finished before this module starts; in this module surefire
 * runs the test classes one after another in one JVM (no parallel execution is configured), this is the only
 * class that uses {@code qemu:///system}, and the fuzzing execution that follows uses no daemon. A build of
 * someone else on the same machine at that moment sees the daemon away for about four seconds; its running
 * domains keep running. Prints the figures quoted in docs/reliability.md and docs/performance.md.
 */
@DisplayName("A watch through a restart of the QEMU libvirt daemon: 200 virsh changes, none missed, none repeated")
class WatchThroughQemuDaemonRestartTest {
    private static final int CHANGES = 200;

    @Test
    @DisplayName("200 changes of QEMU domains including one restart of qemu:///system: missed 0, duplicated 0")
    void noneMissedNoneRepeated() throws Exception {
        String type = kvmUsable() ? "kvm" : "qemu";
        WatchedChangeRun.Result result;
        try (var daemon = SystemLibvirtDaemon.require();
             var provider = new KvmInstanceProvider();
             var store = CatalogFixtureStore.inMemory();
             var instances = UnmanagedInstances.builder().providers(provider).store(store)
                     .hostDeadline(Duration.ofSeconds(10)).build()) {
            var run = new WatchedChangeRun(new Host("live-qemu", "kvm", daemon.uri()), daemon,
                    (name, uuid) -> "<domain type='" + type + "'><name>" + name + "</name><uuid>" + uuid
                            + "</uuid><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                            + "<os><type arch='x86_64'>hvm</type></os></domain>");
            result = run.run(instances, CHANGES);
        }
        System.out.println("watch on " + SystemLibvirtDaemon.URI + " (" + type + " domains): " + result.summary());
        result.assertNoneMissedNoneRepeated();
    }

    /** {@code kvm} domains where /dev/kvm can be used, else {@code qemu} (software emulation). */
    private static boolean kvmUsable() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm);
    }
}
