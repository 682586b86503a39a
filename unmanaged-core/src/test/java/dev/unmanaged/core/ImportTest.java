package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.mac;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing an instance")
class ImportTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private InMemoryHypervisorProvider provider;
    private InMemoryInventoryStore store;
    private UnmanagedInstances instances;
    private final List<InstanceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider();
        store = new InMemoryInventoryStore(Fixtures.CATALOG);
        instances = UnmanagedInstances.builder().providers(provider).store(store)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .listener(event -> {
                    throw new IllegalStateException("a broken audit sink");
                })
                .build();
        Fixtures.put(provider, H1, Fixtures.simpleVm("web", 1));
    }

    @AfterEach
    void tearDown() {
        instances.close();
    }

    @Test
    @DisplayName("writes the record with its MAC and an allocated address, and tells listeners despite a broken one")
    void importsAndAllocates() {
        ImportResult result = instances.importInstance(Fixtures.cleanRequest(H1, 1).displayName("web-01").build());

        ManagedInstance record = result.instance();
        assertThat(result.alreadyExisted()).isFalse();
        assertThat(record.uuid()).isEqualTo(uuid(1));
        assertThat(record.displayName()).isEqualTo("web-01");
        assertThat(record.importedAt()).isEqualTo(NOW);
        assertThat(record.nics()).containsExactly(new ManagedNic(mac(1), "net1", "10.0.0.10"));
        assertThat(store.find(uuid(1))).contains(record);
        assertThat(store.catalog().isMacInUse("net1", mac(1))).isTrue();
        assertThat(store.catalog().isIpInUse("net1", "10.0.0.10")).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(InstanceEvent.Imported.class,
                e -> assertThat(e.instance()).isEqualTo(record));
    }

    @Test
    @DisplayName("repeating a request that succeeded returns the existing record instead of importing twice")
    void idempotentRetry() {
        ImportRequest request = Fixtures.cleanRequest(H1, 1).build();
        ImportResult first = instances.importInstance(request);

        ImportResult again = instances.importInstance(request);

        assertThat(again.alreadyExisted()).isTrue();
        assertThat(again.plan().problems()).as("its own MAC and address are no collision with itself")
                .extracting(p -> p.code()).containsExactly(ProblemCode.ALREADY_MANAGED);
        assertThat(again.instance()).isEqualTo(first.instance());
        assertThat(store.list()).hasSize(1);
        assertThat(store.catalog().isIpInUse("net1", "10.0.0.11")).isFalse();
    }

    @Test
    @DisplayName("a retry of an import whose colliding MAC was regenerated also returns the existing record")
    void idempotentRetryWithRegeneratedMac() {
        store.inUnitOfWork(w -> {
            w.reserveMac("net1", mac(1), uuid(99));
            return null;
        });
        ImportRequest request = Fixtures.cleanRequest(H1, 1).regenerateCollidingMacs(true).build();
        ImportResult first = instances.importInstance(request);
        assertThat(first.instance().nics().get(0).mac()).isNotEqualTo(mac(1));

        ImportResult again = instances.importInstance(request);

        assertThat(again.alreadyExisted()).isTrue();
        assertThat(again.instance()).isEqualTo(first.instance());
        assertThat(store.list()).hasSize(1);
    }

    @Test
    @DisplayName("a different request for a managed instance fails with AlreadyManaged and is audited as rejected")
    void differentRequestForManagedInstance() {
        instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
        events.clear();

        assertThatThrownBy(() -> instances.importInstance(Fixtures.cleanRequest(H1, 1).owner("bob").build()))
                .isInstanceOf(AlreadyManagedException.class);
        assertThat(events).singleElement().isInstanceOfSatisfying(InstanceEvent.Rejected.class,
                e -> assertThat(e.problems()).anyMatch(p -> p.code() == ProblemCode.ALREADY_MANAGED));
    }

    @Test
    @DisplayName("a request with a blocking problem is refused with every problem, and nothing is written")
    void refusedWithEveryProblem() {
        ImportRequest request = Fixtures.cleanRequest(H1, 1).offering("flex").custom(64, null)
                .ip(mac(1), IpAssignment.fixed("10.9.9.9")).build();

        assertThatThrownBy(() -> instances.importInstance(request))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).contains(ProblemCode.OFFERING_CPU_MISMATCH,
                                ProblemCode.IP_OUT_OF_RANGE))
                .hasMessageContaining("OFFERING_CPU_MISMATCH").hasMessageContaining("IP_OUT_OF_RANGE");
        assertThat(store.list()).isEmpty();
        assertThat(StoreState.of(store, List.of(mac(1))).reservedMacs()).isZero();
        assertThat(events).singleElement().isInstanceOf(InstanceEvent.Rejected.class);
    }

    @Test
    @DisplayName("a dry-run request is pointed at plan(), which is the dry run")
    void dryRunIsPlan() {
        ImportRequest dry = Fixtures.cleanRequest(H1, 1).dryRun(true).build();

        assertThatThrownBy(() -> instances.importInstance(dry)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("options.dryRun").hasMessageContaining("plan(request)");
        assertThat(instances.plan(dry).importable()).isTrue();
        assertThat(store.list()).isEmpty();
    }

    @Test
    @DisplayName("16 threads importing the same instance: exactly one succeeds, 15 get AlreadyManaged")
    void sixteenThreadsOneWinner() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ImportResult>>();
            for (int i = 0; i < threads; i++) {
                // Each thread names the instance differently, so no attempt is a repeat of another.
                ImportRequest request = Fixtures.cleanRequest(H1, 1).displayName("web-" + i).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return instances.importInstance(request);
                }));
            }
            start.countDown();

            int succeeded = 0;
            var losers = new ArrayList<Throwable>();
            for (Future<ImportResult> future : futures) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
            assertThat(succeeded).isEqualTo(1);
            assertThat(losers).hasSize(15).allSatisfy(e -> assertThat(e).isInstanceOf(AlreadyManagedException.class));
            assertThat(store.list()).hasSize(1);
            StoreState state = StoreState.of(store, List.of(mac(1)));
            assertThat(state.reservedIps()).isEqualTo(1);
            assertThat(state.reservedMacs()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("16 threads sending the very same request: one import, the others see it done or lose the race")
    void sixteenIdenticalRequests() throws Exception {
        ImportRequest request = Fixtures.cleanRequest(H1, 1).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ImportResult>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return instances.importInstance(request);
                }));
            }
            start.countDown();
            int fresh = 0;
            int seenDone = 0;
            int lost = 0;
            for (Future<ImportResult> future : futures) {
                try {
                    if (future.get(30, TimeUnit.SECONDS).alreadyExisted()) {
                        seenDone++;
                    } else {
                        fresh++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AlreadyManagedException.class);
                    lost++;
                }
            }
            assertThat(fresh).isEqualTo(1);
            assertThat(seenDone + lost).isEqualTo(15);
            assertThat(store.list()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("several automatic addresses on one network are allocated distinct at commit")
    void distinctAutomaticAddresses() {
        Fixtures.put(provider, H1, Fixtures.vm("multi", uuid(9), 2, 2 * Fixtures.GIB, List.of(mac(91), mac(92), mac(93)),
                List.of("/var/lib/libvirt/images/m.qcow2"), List.of()));
        ImportRequest request = ImportRequest.builder(H1, "multi").owner("alice").offering("small")
                .network(mac(91), "net1").ip(mac(91), IpAssignment.auto())
                .network(mac(92), "net1").ip(mac(92), IpAssignment.fixed("10.0.0.10"))
                .network(mac(93), "net1").ip(mac(93), IpAssignment.auto())
                .pool("vda", "images").build();

        ImportResult result = instances.importInstance(request);

        assertThat(result.instance().nics()).extracting(ManagedNic::ipAddress)
                .containsExactly("10.0.0.11", "10.0.0.10", "10.0.0.12");
        assertThat(store.find(uuid(9)).orElseThrow().nics()).isEqualTo(result.instance().nics());
    }

}
