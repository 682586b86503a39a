package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.instance.GuestAddress;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.DemoCatalog;
import dev.unmanaged.tck.fake.ForwardingInventoryStore;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Two imports adopting one guest address at once, over the H2 store")
class CurrentAddressRaceTest {
    private static final String SHARED_ADDRESS = "10.10.0.50";

    @TempDir
    Path dir;

    @Test
    @DisplayName("both plan the address as free, both commit at once: one records it, the other fails typed")
    void oneWinsTheOtherFailsTyped() throws Exception {
        // Two clones whose guests use one address: each import plans it as free, and only the store can decide.
        InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider("kvm");
        provider.addHost(ImportWorker.HOST_ID);
        List<ImportRequest> requests = List.of(putClone(provider, 0), putClone(provider, 1));
        CyclicBarrier bothPlanned = new CyclicBarrier(2);

        // One store, two facades: the two units of work run on two connections of the store's pool.
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(dir);
             UnmanagedInstances nodeA = UnmanagedInstances.builder().providers(provider)
                     .store(committingTogether(store, bothPlanned)).build();
             UnmanagedInstances nodeB = UnmanagedInstances.builder().providers(provider)
                     .store(committingTogether(store, bothPlanned)).build()) {
            store.seedIfEmpty(DemoCatalog.catalog());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<ImportResult>> imports = new ArrayList<>();
            imports.add(threads.submit(() -> nodeA.importInstance(requests.get(0))));
            imports.add(threads.submit(() -> nodeB.importInstance(requests.get(1))));
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<ImportResult> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<ImportResult> outcome : imports) {
                try {
                    won.add(outcome.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).singleElement().satisfies(result ->
                    assertThat(result.instance().nics().get(0).ipAddress()).isEqualTo(SHARED_ADDRESS));
            assertThat(lost).singleElement().isInstanceOfSatisfying(AddressInUseException.class, e -> {
                assertThat(e.kind()).isEqualTo(AddressInUseException.Kind.IP);
                assertThat(e.address()).isEqualTo(SHARED_ADDRESS);
            });
            assertThat(store.list()).hasSize(1);
        }
    }

    private static ImportRequest putClone(InMemoryHypervisorProvider provider, int i) {
        InstanceDescriptor clone = ImportWorker.descriptor(i);
        clone = clone.toBuilder().nics(List.of(clone.nics().get(0).withGuestAddresses(List.of(
                new GuestAddress(SHARED_ADDRESS, 22, GuestAddress.Source.AGENT))))).build();
        provider.putInstance(ImportWorker.HOST_ID, clone);
        String mac = clone.nics().get(0).mac();
        return ImportRequest.builder(provider.host(ImportWorker.HOST_ID), clone.uuid().toString())
                .owner("acme").offering("small").template("debian-12")
                .network(mac, ImportWorker.NETWORK).ip(mac, IpAssignment.current())
                .pool("vda", ImportWorker.POOL).diskOffering("vda", "disk-20g").build();
    }

    /** A store whose unit of work starts only once the other import has planned too. */
    private static InventoryStore committingTogether(InventoryStore store, CyclicBarrier bothPlanned) {
        return new ForwardingInventoryStore(store) {
            @Override
            public <T> T inUnitOfWork(UnitOfWork<T> work) {
                try {
                    bothPlanned.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other import never reached its commit", e);
                }
                return super.inUnitOfWork(work);
            }
        };
    }
}
