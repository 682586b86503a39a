package dev.unmanaged.reliability.live;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.unmanaged.tck.LiveServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A libvirt daemon dies during a multi-host listing: that host is reported unavailable within its deadline and
 * the other hosts are still listed; once the daemon is back, the same provider reconnects by itself on the next
 * call. The daemon is one the test starts itself (see {@link PrivateLibvirtDaemon}). A live test
 * ({@link LiveServices}): it runs unless {@code -Dlive.skip=true} (ignored when {@code CI=true}) and fails when
 * libvirtd is not installed.
 */
@DisplayName("A libvirt daemon killed during a multi-host listing: reported, others listed, reconnected after restart")
class DaemonOutageTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    /** One listing of the three hosts, with when it started and ended ({@link System#nanoTime()}). */
    private record Timed(long started, long ended, InstanceListing listing) {
        boolean spans(long moment) {
            return started < moment && ended > moment;
        }
    }

    @Test
    @DisplayName("the killed host is reported unavailable within its deadline, the others listed, and it reconnects")
    void killAndRestartDuringListing(@TempDir Path dir) throws Exception {
        LiveServices.skipIfAsked();
        if (!PrivateLibvirtDaemon.installed()) {
            throw LiveServices.unavailable("libvirtd (for a daemon of the test's own)", "not installed",
                    "apt-get install libvirt-daemon");
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

            // Listings run back to back from before the kill until after it, so that one is under way when the
            // daemon dies; the timestamps below prove it.
            var killed = new AtomicBoolean();
            var listingsStarted = new CountDownLatch(3);
            var lister = Executors.newSingleThreadExecutor();
            Future<List<Timed>> during = lister.submit(() -> {
                List<Timed> listings = new ArrayList<>();
                for (int afterKill = 0; afterKill < 3; ) {
                    boolean killDone = killed.get();
                    long started = System.nanoTime();
                    listingsStarted.countDown();
                    InstanceListing listing = instances.list(query);
                    listings.add(new Timed(started, System.nanoTime(), listing));
                    afterKill += killDone ? 1 : 0;
                }
                return listings;
            });
            assertThat(listingsStarted.await(30, TimeUnit.SECONDS)).as("listings started").isTrue();
            long killIssued = System.nanoTime();
            daemon.kill();
            killed.set(true);
            List<Timed> listings = during.get(60, TimeUnit.SECONDS);
            lister.shutdown();

            assertThat(listings).as("a listing under way when SIGKILL was sent (started before, ended after)")
                    .anyMatch(t -> t.spans(killIssued));
            for (Timed t : listings) {
                assertThat(Duration.ofNanos(t.ended() - t.started())).as("a listing's duration")
                        .isLessThan(DEADLINE.plusSeconds(5));
                assertThat(t.listing().instances()).as("the steady hosts are listed whatever happens to the other")
                        .filteredOn(d -> !d.hostId().equals("remote")).hasSize(4);
            }
            Timed overlapping = listings.stream().filter(t -> t.spans(killIssued)).findFirst().orElseThrow();

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
            System.out.printf("live: %d listings around the kill, one under way from %.1f ms before SIGKILL to %.1f ms "
                    + "after it (remote %s); next listing reported the dead host unavailable in %d ms "
                    + "(deadline %d s), 2 other hosts listed; next call after restart reconnected%n", listings.size(),
                    (killIssued - overlapping.started()) / 1e6, (overlapping.ended() - killIssued) / 1e6,
                    overlapping.listing().complete() ? "listed" : "reported "
                            + overlapping.listing().failures().get(0).error().code(),
                    took.toMillis(), DEADLINE.toSeconds());
        }
    }
}
