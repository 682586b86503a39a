package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.DemoCatalog;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default set-up of the samples: the core workflows over the embedded H2 store. */
@DisplayName("The core workflows over the embedded H2 store")
class CoreWorkflowOnH2Test {
    private static final int COUNT = 60;

    @TempDir
    Path dir;

    @Test
    @DisplayName("two facades with pools of their own import the same instances at once, each exactly once,"
            + " and unmanaging them all leaves an empty inventory")
    void importTwiceAtOnceThenUnmanage() throws Exception {
        InMemoryHypervisorProvider provider = new InMemoryHypervisorProvider("kvm");
        provider.addHost(ImportWorker.HOST_ID);
        List<ImportRequest> requests = ImportWorker.putInstances(provider, COUNT);
        String url = "jdbc:h2:file:" + dir.resolve("inventory");

        try (JdbcInventoryStore first = JdbcInventoryStore.openH2(dir);
             JdbcInventoryStore second = JdbcInventoryStore.openH2(dir);
             UnmanagedInstances nodeA = UnmanagedInstances.builder().providers(provider).store(first)
                     .bulkConcurrency(6).build();
             UnmanagedInstances nodeB = UnmanagedInstances.builder().providers(provider).store(second)
                     .bulkConcurrency(6).build()) {
            assertThat(first.seedIfEmpty(DemoCatalog.catalog())).isTrue();

            CompletableFuture<BulkResult<ImportResult>> a = nodeA.importAll(requests, p -> { })
                    .completion().toCompletableFuture();
            CompletableFuture<BulkResult<ImportResult>> b = nodeB.importAll(requests, p -> { })
                    .completion().toCompletableFuture();
            long fresh = 0;
            for (BulkResult<ImportResult> result : List.of(a.get(), b.get())) {
                for (BulkOutcome<ImportResult> outcome : result.outcomes()) {
                    if (outcome.status() == BulkOutcome.Status.SUCCEEDED && !outcome.result().alreadyExisted()) {
                        fresh++;
                    }
                }
            }
            assertThat(fresh).as("fresh imports over both facades").isEqualTo(COUNT);
            assertThat(InventoryAudit.of(url)).isEqualTo(InventoryAudit.whole(COUNT));

            List<UnmanageRequest> unmanages = requests.stream().map(r -> new UnmanageRequest(r.instance())).toList();
            BulkResult<UnmanageResult> released = nodeB.unmanageAll(unmanages);
            assertThat(released.allSucceeded()).as("every unmanage succeeded: %s", released.outcomes()).isTrue();
            assertThat(InventoryAudit.of(url)).isEqualTo(InventoryAudit.whole(0));
            assertThat(first.catalog().firstFreeIp(ImportWorker.NETWORK)).contains("10.10.0.10");
        }
    }
}
