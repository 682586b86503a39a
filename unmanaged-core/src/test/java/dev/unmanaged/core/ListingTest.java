package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.H2;
import static dev.unmanaged.core.Fixtures.H3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.ErrorCode;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.NoProviderException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.HostFailure;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing unmanaged instances over many hosts")
class ListingTest {
    private final Workbench bench = new Workbench();
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @BeforeEach
    void setUp() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("zeta", 1), Fixtures.simpleVm("alpha", 2),
                stopped(Fixtures.simpleVm("web-stopped", 3)));
        Fixtures.put(provider, H2, Fixtures.simpleVm("beta", 4), Fixtures.simpleVm("web-1", 5));
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @Test
    @DisplayName("every host's instances, sorted by host then name, each saying which host it is on")
    void listsAllHostsSorted() {
        InstanceListing listing = instances.list(ListQuery.of(H1, H2));

        assertThat(listing.complete()).isTrue();
        assertThat(listing.instances()).extracting(InstanceDescriptor::hostId, InstanceDescriptor::name)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("h1", "alpha"),
                        org.assertj.core.api.Assertions.tuple("h1", "web-stopped"),
                        org.assertj.core.api.Assertions.tuple("h1", "zeta"),
                        org.assertj.core.api.Assertions.tuple("h2", "beta"),
                        org.assertj.core.api.Assertions.tuple("h2", "web-1"));
        assertThat(listing.totalMatching()).isEqualTo(5);
    }

    @Test
    @DisplayName("a dead host and a host slower than its deadline are reported, and the others are still listed")
    void deadAndSlowHostsAreFailuresNotEmpty() {
        Fixtures.put(provider, H3, Fixtures.simpleVm("slowpoke", 6));
        provider.setLatency("h3", Duration.ofSeconds(60));
        Host dead = provider.addHost("h4");
        provider.setUnreachable("h4", true);

        long started = System.nanoTime();
        InstanceListing listing = instances.list(ListQuery.of(H1, H2, H3, dead)
                .withHostDeadline(Duration.ofSeconds(2)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(listing.complete()).isFalse();
        assertThat(listing.failures()).extracting(HostFailure::hostId).containsExactlyInAnyOrder("h3", "h4");
        assertThat(listing.failures()).allSatisfy(f -> {
            assertThat(f.error()).isInstanceOf(HostUnavailableException.class);
            assertThat(f.error().code()).isEqualTo(ErrorCode.HOST_UNAVAILABLE);
        });
        assertThat(failureOf(listing, "h3").getMessage()).contains("within 2000 ms");
        assertThat(listing.instances()).extracting(InstanceDescriptor::name)
                .containsExactly("alpha", "web-stopped", "zeta", "beta", "web-1");
        // Not a timing assertion on speed: only that the 60 s host was not waited for.
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("a host whose hypervisor has no provider is a failure of that host only")
    void hostWithoutProvider() {
        Host xen = new Host("x1", "xen", "xen:///");

        InstanceListing listing = instances.list(ListQuery.of(H1, xen));

        assertThat(listing.failures()).singleElement().satisfies(f -> {
            assertThat(f.hostId()).isEqualTo("x1");
            assertThat(f.error()).isInstanceOf(NoProviderException.class);
        });
        assertThat(listing.instances()).hasSize(3);
    }

    @Test
    @DisplayName("instances the inventory manages are left out")
    void managedInstancesAreLeftOut() throws Exception {
        instances.importInstance(Fixtures.cleanRequest(H2, 5).build());

        InstanceListing listing = instances.list(ListQuery.of(H1, H2));

        assertThat(listing.instances()).extracting(InstanceDescriptor::name).doesNotContain("web-1").hasSize(4);
    }

    @Test
    @DisplayName("name, state and host filters combine, and paging applies after sorting")
    void filtersAndPaging() {
        ListQuery all = ListQuery.of(H1, H2);

        assertThat(instances.list(all.withNameContaining("WEB")).instances()).extracting(InstanceDescriptor::name)
                .containsExactly("web-stopped", "web-1");
        assertThat(instances.list(all.withStates(Set.of(PowerState.STOPPED))).instances())
                .extracting(InstanceDescriptor::name).containsExactly("web-stopped");
        var onlyH2 = new ListQuery(all.hosts(), null, Set.of(), Set.of("h2"), 0, 0, null);
        assertThat(instances.list(onlyH2).instances()).extracting(InstanceDescriptor::name)
                .containsExactly("beta", "web-1");

        InstanceListing page2 = instances.list(all.withPage(2, 2));
        assertThat(page2.instances()).extracting(InstanceDescriptor::name).containsExactly("zeta", "beta");
        assertThat(page2.totalMatching()).isEqualTo(5);
        assertThat(instances.list(all.withPage(4, 10)).instances()).extracting(InstanceDescriptor::name)
                .containsExactly("web-1");
        assertThat(instances.list(all.withPage(9, 10)).instances()).isEmpty();
    }

    @Test
    @DisplayName("many hosts are asked with bounded parallelism and all answer")
    void manyHostsBoundedParallelism() {
        try (var narrow = UnmanagedInstances.builder().providers(provider).store(store).listParallelism(3).build()) {
            var hosts = new java.util.ArrayList<Host>();
            for (int i = 0; i < 40; i++) {
                Host host = provider.addHost(String.format("n%02d", i));
                Fixtures.put(provider, host, Fixtures.simpleVm("vm" + i, 100 + i));
                provider.setLatency(host.id(), Duration.ofMillis(5));
                hosts.add(host);
            }

            InstanceListing listing = narrow.list(ListQuery.of(hosts));

            assertThat(listing.complete()).isTrue();
            assertThat(listing.instances()).hasSize(40);
            assertThat(listing.instances().get(0).hostId()).isEqualTo("n00");
        }
    }

    private static HostUnavailableException failureOf(InstanceListing listing, String hostId) {
        return (HostUnavailableException) listing.failures().stream().filter(f -> f.hostId().equals(hostId))
                .findFirst().orElseThrow().error();
    }

    private static InstanceDescriptor stopped(InstanceDescriptor d) {
        return d.onHost(d.hostId(), PowerState.STOPPED, d.persistent());
    }
}
