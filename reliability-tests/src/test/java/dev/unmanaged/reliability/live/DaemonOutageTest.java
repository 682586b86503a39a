package dev.unmanaged.reliability.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.reliability.support.CatalogFixtureStore;
import dev.unmanaged.reliability.support.TestDriverNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A libvirt daemon dies during a multi-host listing: that host is reported unavailable within its deadline and
 * the other hosts are still listed; once the daemon is back, the same provider reconnects by itself on the next
 * call. The daemon is one the test starts itself (see {@link PrivateLibvirtDaemon}). Runs in CI (where it must
 * not be skipped: {@code CI=true} and no libvirtd fails); {@code -Dlive.skip=true} skips it locally.
 */
@DisplayName("A libvirt daemon killed during a multi-host listing: reported, others listed, reconnected after restart")
class DaemonOutageTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void killAndRestartDuringListing(@TempDir Path dir) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(ci || !Boolean.getBoolean("live.skip"), "live tests skipped with -Dlive.skip=true");
        if (!PrivateLibvirtDaemon.installed()) {
            assertThat(ci).as("CI=true but libvirtd is not installed (libvirt-daemon)").isFalse();
            assumeTrue(false, "libvirtd is not installed");
        }
        String node = new TestDriverNode()
                .domain("steady-1", UUID.randomUUID().toString(), "/var/lib/fake/images/a.qcow2", "52:54:00:d0:00:01", "x", false)
                .domain("steady-2", UUID.randomUUID().toString(), "/var/lib/fake/images/b.qcow2", "52:54:00:d0:00:02", "x", false)
                .write(dir, "steady.xml");
        Host steadyA = new Host("steady-a", "kvm", node);
        Host steadyB = new Host("steady-b", "kvm", node);

        try (var daemon = new PrivateLibvirtDaemon(dir.resolve("daemon"));
             var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS);
             var store = CatalogFixtureStore.inMemory();
             var instances = UnmanagedInstances.builder().providers(provider).store(store).build()) {
            daemon.start();
            Host remote = new Host("remote", "kvm", daemon.uri());
            ListQuery query = ListQuery.of(remote, steadyA, steadyB).withHostDeadline(DEADLINE);

            InstanceListing before = instances.list(query);
            assertThat(before.complete()).as("failures: %s", before.failures()).isTrue();
            assertThat(before.instances()).extracting(InstanceDescriptor::hostId).contains("remote", "steady-a", "steady-b");

            // Kill the daemon while listings are running.
            var lister = java.util.concurrent.Executors.newSingleThreadExecutor();
            var during = lister.submit(() -> {
                InstanceListing last = null;
                for (int i = 0; i < 20; i++) {
                    long started = System.nanoTime();
                    last = instances.list(query);
                    assertThat(Duration.ofNanos(System.nanoTime() - started))
                            .isLessThan(DEADLINE.plusSeconds(5));
                }
                return last;
            });
            Thread.sleep(20);
            daemon.kill();
            during.get();
            lister.shutdown();

            long started = System.nanoTime();
            InstanceListing down = instances.list(query);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(down.failures()).extracting(HostFailure::hostId).containsExactly("remote");
            assertThat(down.failures().get(0).error()).isInstanceOf(HostUnavailableException.class);
            assertThat(down.instances()).extracting(InstanceDescriptor::hostId)
                    .containsOnly("steady-a", "steady-b").hasSize(4);
            assertThat(took).isLessThan(DEADLINE.plusSeconds(2));

            daemon.start();
            InstanceListing after = instances.list(query);
            assertThat(after.complete()).as("the next call after the restart reconnects: %s", after.failures())
                    .isTrue();
            assertThat(after.instances()).extracting(InstanceDescriptor::hostId).contains("remote");
            System.out.printf("live: daemon killed during listings; unreachable host reported in %d ms (deadline %d s), "
                    + "2 other hosts listed; next call after restart reconnected%n", took.toMillis(), DEADLINE.toSeconds());
        }
    }
}
