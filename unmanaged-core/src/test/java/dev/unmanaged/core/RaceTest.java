package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkOutcome.Status;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Races end in a state that some sequential order of the same calls would have produced. */
@DisplayName("Races")
class RaceTest {
    private final Workbench bench = new Workbench(b -> b.bulkConcurrency(4));
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @BeforeEach
    void setUp() {
        for (int i = 1; i <= 15; i++) {
            Fixtures.put(provider, H1, Fixtures.simpleVm("vm-" + i, i));
        }
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    @RepeatedTest(10)
    @DisplayName("import and unmanage of the same instance at once: the store agrees with the winner's order")
    void importVersusUnmanage() throws Exception {
        var start = new CountDownLatch(1);
        CompletableFuture<ImportResult> imported = CompletableFuture.supplyAsync(() -> {
            await(start);
            return instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
        });
        CompletableFuture<Object> unmanaged = CompletableFuture.supplyAsync(() -> {
            await(start);
            try {
                return instances.unmanage(new UnmanageRequest(uuid(1).toString()));
            } catch (InstanceNotFoundException e) {
                return e;
            }
        });
        start.countDown();

        assertThat(imported.get(30, TimeUnit.SECONDS).alreadyExisted()).isFalse();
        Object unmanage = unmanaged.get(30, TimeUnit.SECONDS);
        if (unmanage instanceof InstanceNotFoundException) {
            // unmanage ran first: the import stands
            assertThat(store.find(uuid(1))).isPresent();
            assertThat(store.catalog().isIpInUse("net1", "10.0.0.10")).isTrue();
        } else {
            // import ran first, then unmanage released it with every reservation
            assertThat(store.find(uuid(1))).isEmpty();
            assertThat(store.catalog().isIpInUse("net1", "10.0.0.10")).isFalse();
            assertThat(provider.instance(H1.id(), uuid(1))).isPresent();
        }
    }

    @Test
    @DisplayName("two bulk imports overlapping on half their instances import each instance exactly once")
    void overlappingBulkImports() throws Exception {
        List<ImportRequest> first = requests("a", 1, 10);
        List<ImportRequest> second = requests("b", 6, 15);

        BulkOperation<ImportResult> a = instances.importAll(first, BulkProgressListener.none());
        BulkOperation<ImportResult> b = instances.importAll(second, BulkProgressListener.none());
        BulkResult<ImportResult> resultA = a.await();
        BulkResult<ImportResult> resultB = b.await();

        assertThat(store.list()).hasSize(15);
        for (int n = 6; n <= 10; n++) {
            BulkOutcome<ImportResult> fromA = resultA.outcomes().get(n - 1);
            BulkOutcome<ImportResult> fromB = resultB.outcomes().get(n - 6);
            assertThat(List.of(fromA.status(), fromB.status()))
                    .as("vm-%d is imported by exactly one bulk", n)
                    .containsExactlyInAnyOrder(Status.SUCCEEDED, Status.FAILED);
            BulkOutcome<ImportResult> loser = fromA.status() == Status.FAILED ? fromA : fromB;
            BulkOutcome<ImportResult> winner = loser == fromA ? fromB : fromA;
            assertThat(loser.error()).isInstanceOf(AlreadyManagedException.class);
            assertThat(store.find(uuid(n)).orElseThrow().displayName())
                    .isEqualTo(winner.result().instance().displayName());
        }
        assertThat(resultA.count(Status.SUCCEEDED) + resultB.count(Status.SUCCEEDED)).isEqualTo(15);
        var macs = new ArrayList<String>();
        for (int n = 1; n <= 15; n++) {
            macs.add(Fixtures.mac(n));
        }
        assertThat(StoreState.of(store, macs).reservedMacs()).isEqualTo(15);
    }

    private static List<ImportRequest> requests(String prefix, int from, int to) {
        var requests = new ArrayList<ImportRequest>();
        for (int n = from; n <= to; n++) {
            // No addresses: the 11 of net1 would run out before 15 instances, which is not the race under test.
            requests.add(ImportRequest.builder(H1, uuid(n).toString()).owner("alice").offering("small")
                    .displayName(prefix + "-vm-" + n).network(Fixtures.mac(n), "net1").pool("vda", "images")
                    .build());
        }
        return requests;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
