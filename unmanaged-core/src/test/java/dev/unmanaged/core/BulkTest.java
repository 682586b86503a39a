package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkOutcome.Status;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bulk import and unmanage")
class BulkTest {
    private static final int COUNT = 10;

    private final Workbench bench = new Workbench(b -> b.bulkConcurrency(2));
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final InMemoryInventoryStore store = bench.store;
    private final UnmanagedInstances instances = bench.instances;

    @BeforeEach
    void setUp() {
        for (int i = 1; i <= COUNT; i++) {
            Fixtures.put(provider, H1, Fixtures.simpleVm("vm-" + i, i));
        }
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    private static List<ImportRequest> requests() {
        var requests = new ArrayList<ImportRequest>();
        for (int i = 1; i <= COUNT; i++) {
            requests.add(Fixtures.cleanRequest(H1, i).build());
        }
        return requests;
    }

    @Test
    @DisplayName("one outcome per item in request order, failures typed and the rest imported")
    void outcomesInOrder() throws Exception {
        List<ImportRequest> requests = new ArrayList<>(requests());
        requests.set(3, Fixtures.cleanRequest(H1, 4).offering("flex").custom(99, null).build());
        requests.add(Fixtures.cleanRequest(H1, 1).owner("bob").build());
        requests.add(Fixtures.cleanRequest(H1, 404).build());
        var progress = new CopyOnWriteArrayList<BulkProgress<ImportResult>>();

        BulkResult<ImportResult> result = instances.importAll(requests, progress::add).await();

        assertThat(result.outcomes()).hasSize(COUNT + 2);
        assertThat(result.outcomes()).extracting(BulkOutcome::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, COUNT + 2).boxed().toList());
        assertThat(result.outcomes().get(3).error()).isInstanceOf(ImportRejectedException.class);
        // Items 0 and COUNT name the same instance and may run at once: whichever commits first imports it.
        assertThat(List.of(result.outcomes().get(0), result.outcomes().get(COUNT)))
                .extracting(o -> o.error() == null ? "imported" : o.error().getClass().getSimpleName())
                .containsExactlyInAnyOrder("imported", AlreadyManagedException.class.getSimpleName());
        assertThat(result.outcomes().get(COUNT + 1).error()).isInstanceOf(InstanceNotFoundException.class);
        assertThat(result.count(Status.SUCCEEDED)).isEqualTo(COUNT - 1);
        assertThat(store.list()).hasSize(COUNT - 1);
        assertThat(progress).extracting(BulkProgress::done)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, COUNT + 2).boxed().toList());
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(COUNT + 2));
    }

    @Test
    @DisplayName("cancelling stops new items: finished ones stay imported, the rest are CANCELLED")
    void cancellation() throws Exception {
        provider.setLatency(H1.id(), Duration.ofMillis(20));
        var operation = new AtomicReference<BulkOperation<ImportResult>>();
        var progress = new CopyOnWriteArrayList<BulkProgress<ImportResult>>();
        BulkProgressListener<ImportResult> listener = p -> {
            progress.add(p);
            if (p.done() == 3) {
                // The handle is published right after start; wait for it rather than race it.
                while (operation.get() == null) {
                    Thread.onSpinWait();
                }
                operation.get().cancel();
            }
        };

        operation.set(instances.importAll(requests(), listener));
        BulkResult<ImportResult> result = operation.get().await(Duration.ofSeconds(30));

        assertThat(operation.get().isCancelled()).isTrue();
        assertThat(result.outcomes()).hasSize(COUNT);
        long succeeded = result.count(Status.SUCCEEDED);
        long cancelledItems = result.count(Status.CANCELLED);
        // Three finished before the cancel; the other lane may finish what it had started meanwhile.
        assertThat(succeeded).isBetween(3L, 5L);
        assertThat(cancelledItems).isPositive();
        assertThat(succeeded + cancelledItems).isEqualTo(COUNT);
        assertThat(store.list()).hasSize((int) succeeded);
        assertThat(result.outcomes()).filteredOn(o -> o.status() == Status.CANCELLED)
                .allSatisfy(o -> assertThat(store.find(Fixtures.uuid(o.index() + 1))).isEmpty());
        assertThat(progress).hasSize(COUNT);
        assertThat(progress.get(COUNT - 1).done()).isEqualTo(COUNT);
    }

    @Test
    @DisplayName("bulk unmanage releases every item with its own outcome")
    void bulkUnmanage() throws Exception {
        instances.importAll(requests());
        var keys = new ArrayList<UnmanageRequest>();
        for (int i = 1; i <= COUNT; i++) {
            keys.add(new UnmanageRequest("vm-" + i));
        }
        keys.add(new UnmanageRequest("vm-1"));

        BulkResult<UnmanageResult> result = instances.unmanageAll(keys);

        assertThat(result.count(Status.SUCCEEDED)).isEqualTo(COUNT);
        assertThat(result.outcomes()).extracting(BulkOutcome::key).startsWith("vm-1", "vm-2");
        assertThat(store.list()).isEmpty();
        // The repeated key either ran after its twin (not found) or raced it (not found at removal).
        assertThat(result.outcomes().get(COUNT).error()).isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    @DisplayName("an empty bulk request completes at once with no outcomes")
    void empty() throws Exception {
        assertThat(instances.importAll(List.of()).outcomes()).isEmpty();
    }
}
