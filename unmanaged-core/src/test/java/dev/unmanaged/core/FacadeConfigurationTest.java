package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuring the facade")
class FacadeConfigurationTest {
    private final InMemoryHypervisorProvider provider = Fixtures.provider();
    private final InMemoryInventoryStore store = new InMemoryInventoryStore(Fixtures.CATALOG);

    @Test
    @DisplayName("the default host deadline bounds describe and plan too, and nothing is written")
    void deadlineBoundsEveryHostCall() {
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
        provider.setLatency(H1.id(), Duration.ofSeconds(20));
        try (var instances = UnmanagedInstances.builder().providers(provider).store(store)
                .hostDeadline(Duration.ofMillis(200)).build()) {

            assertThatThrownBy(() -> instances.describe(H1, "web"))
                    .isInstanceOf(HostUnavailableException.class).hasMessageContaining("within 200 ms");
            assertThatThrownBy(() -> instances.importInstance(Fixtures.cleanRequest(H1, 1).build()))
                    .isInstanceOf(HostUnavailableException.class);
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    @DisplayName("an embedder's own executor runs the host calls and is left open on close")
    void ownExecutor() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            var hosts = new ArrayList<Host>();
            for (int i = 0; i < 10; i++) {
                Host host = provider.addHost("e" + i);
                Fixtures.put(provider, host, Fixtures.simpleVm("vm" + i, 200 + i));
                hosts.add(host);
            }
            try (var instances = UnmanagedInstances.builder().providers(provider).store(store)
                    .executor(executor).listParallelism(2).build()) {
                InstanceListing listing = instances.list(ListQuery.of(hosts));
                assertThat(listing.complete()).isTrue();
                assertThat(listing.instances()).hasSize(10);
            }
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @DisplayName("missing or nonsensical settings are refused, naming the setting")
    void refusesBadSettings() {
        assertThatThrownBy(() -> UnmanagedInstances.builder().providers(provider).build())
                .hasMessageContaining("store");
        assertThatThrownBy(() -> UnmanagedInstances.builder().store(store).build())
                .hasMessageContaining("providers");
        assertThatThrownBy(() -> UnmanagedInstances.builder().listParallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listParallelism: found 0");
        assertThatThrownBy(() -> UnmanagedInstances.builder().bulkConcurrency(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkConcurrency");
        assertThatThrownBy(() -> UnmanagedInstances.builder().hostDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostDeadline");
    }
}
