package dev.unmanaged.reliability.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.BulkOutcome;
import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.World;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Races repeated many times (system property {@code races.rounds}, 200 by default) over the fakes and over the
 * JDBC store on H2. Each round must end in a state that some sequential order of the same calls produces, the
 * losers failing with typed errors; the counts of each ending are printed for docs/reliability.md.
 */
@DisplayName("Racing calls end in a state some sequential order produces, with typed errors for the losers")
class RaceTest {
    private static final int ROUNDS = Integer.getInteger("races.rounds", 200);
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        // nothing: each test opens its own world
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void report() {
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("races: %-70s %d%n", e.getKey(), e.getValue().get()));
    }

    private static void count(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** How often each ending of one race occurred over its rounds, to require that each one did. */
    private static final class Endings {
        private final Map<String, Integer> seen = new java.util.TreeMap<>();

        void saw(String ending) {
            seen.merge(ending, 1, Integer::sum);
        }

        /** Fails unless every one of {@code endings} occurred at least once over the rounds run. */
        void requireEach(String race, String... endings) {
            for (String ending : endings) {
                assertThat(seen.getOrDefault(ending, 0)).as("%s: rounds that ended '%s' (of %s; run more rounds "
                        + "with -Draces.rounds if this fails)", race, ending, seen).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stores.Kind.class)
    @DisplayName("import and unmanage of the same instance at once")
    void importAgainstUnmanage(Stores.Kind kind) throws Exception {
        var endings = new Endings();
        try (World world = World.open(kind)) {
            for (int round = 0; round < ROUNDS; round++) {
                InstanceDescriptor vm = world.put(InstanceDescriptors.named("race-" + round).transientInstance()
                        .disk("vda", InstanceDescriptors.GIB).build());
                ImportRequest request = world.importRequest(vm, null, "race-" + round);
                var unmanage = new UnmanageRequest(vm.uuid().toString());

                List<Outcome<?>> outcomes = together(() -> world.instances.importInstance(request),
                        () -> world.instances.unmanage(unmanage));
                Outcome<?> imported = outcomes.get(0);
                Outcome<?> released = outcomes.get(1);

                assertThat(imported.error()).as("the import has no rival for the instance").isNull();
                InstanceDescriptor onHost = world.provider.instance(world.host.id(), vm.uuid()).orElseThrow(
                        () -> new AssertionError("the VM was lost"));
                if (released.error() == null) {
                    // import, then unmanage
                    assertThat(world.store.delegate().find(vm.uuid())).isEmpty();
                    assertThat(onHost.persistent()).isTrue();
                    count(kind + " import+unmanage: import first, then released (VM now persistent)");
                    endings.saw("import first");
                } else {
                    // unmanage (nothing to release), then import
                    assertThat(released.error()).isInstanceOf(InstanceNotFoundException.class);
                    assertThat(world.store.delegate().find(vm.uuid())).isPresent();
                    assertThat(onHost.persistent()).isFalse();
                    count(kind + " import+unmanage: unmanage first (typed not-found), then imported");
                    endings.saw("unmanage first");
                    assertConsistent(world);
                    world.instances.unmanage(unmanage);
                }
                assertConsistent(world);
                world.provider.removeInstance(world.host.id(), vm.uuid());
            }
        }
        endings.requireEach(kind + " import against unmanage", "import first", "unmanage first");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stores.Kind.class)
    @DisplayName("two bulk imports overlapping on half their instances")
    void overlappingBulkImports(Stores.Kind kind) throws Exception {
        int rounds = Math.max(1, ROUNDS / 4);
        var endings = new Endings();
        try (World world = World.open(kind)) {
            for (int round = 0; round < rounds; round++) {
                List<InstanceDescriptor> vms = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    vms.add(world.put(InstanceDescriptors.named("bulk-" + round + "-" + i)
                            .disk("vda", InstanceDescriptors.GIB).build()));
                }
                List<ImportRequest> first = IntStream.range(0, 8)
                        .mapToObj(i -> world.importRequest(vms.get(i), null, "a" + i)).toList();
                List<ImportRequest> second = IntStream.range(4, 12)
                        .mapToObj(i -> world.importRequest(vms.get(i), null, "b" + i)).toList();

                List<Outcome<?>> outcomes = together(() -> world.instances.importAll(first),
                        () -> world.instances.importAll(second));
                @SuppressWarnings("unchecked")
                BulkResult<ImportResult> a = (BulkResult<ImportResult>) outcomes.get(0).value();
                @SuppressWarnings("unchecked")
                BulkResult<ImportResult> b = (BulkResult<ImportResult>) outcomes.get(1).value();

                for (int i = 0; i < 12; i++) {
                    ManagedInstance record = world.store.delegate().find(vms.get(i).uuid())
                            .orElseThrow(() -> new AssertionError("an instance of the bulk imports is not managed"));
                    Optional<BulkOutcome<ImportResult>> inA = i < 8 ? Optional.of(a.outcomes().get(i)) : Optional.empty();
                    Optional<BulkOutcome<ImportResult>> inB = i >= 4 ? Optional.of(b.outcomes().get(i - 4)) : Optional.empty();
                    if (inA.isPresent() && inB.isPresent()) {
                        BulkOutcome<ImportResult> winner = inA.get().status() == BulkOutcome.Status.SUCCEEDED
                                ? inA.get() : inB.get();
                        BulkOutcome<ImportResult> loser = winner == inA.get() ? inB.get() : inA.get();
                        assertThat(winner.status()).isEqualTo(BulkOutcome.Status.SUCCEEDED);
                        assertThat(loser.status()).as("exactly one bulk imports the shared instance")
                                .isEqualTo(BulkOutcome.Status.FAILED);
                        assertThat(loser.error()).isInstanceOf(AlreadyManagedException.class);
                        assertThat(record.displayName()).isEqualTo(winner.result().instance().displayName());
                        count(kind + " overlapping bulks: shared instance won by " + (winner == inA.get() ? "first" : "second")
                                + ", loser typed already-managed");
                        endings.saw(winner == inA.get() ? "won by the first bulk" : "won by the second bulk");
                    } else {
                        BulkOutcome<ImportResult> only = inA.orElseGet(inB::get);
                        assertThat(only.status()).isEqualTo(BulkOutcome.Status.SUCCEEDED);
                        count(kind + " overlapping bulks: unshared instance imported");
                    }
                }
                assertConsistent(world);
                BulkResult<?> released = world.instances.unmanageAll(vms.stream()
                        .map(vm -> new UnmanageRequest(vm.uuid().toString())).toList());
                assertThat(released.allSucceeded()).isTrue();
                assertConsistent(world);
                vms.forEach(vm -> world.provider.removeInstance(world.host.id(), vm.uuid()));
                count(kind + " overlapping bulks: rounds");
            }
        }
        endings.requireEach(kind + " overlapping bulk imports", "won by the first bulk", "won by the second bulk");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stores.Kind.class)
    @DisplayName("an instance removed on the host while it is being imported")
    void removedOnTheHostDuringImport(Stores.Kind kind) throws Exception {
        var endings = new Endings();
        try (World world = World.open(kind)) {
            for (int round = 0; round < ROUNDS; round++) {
                InstanceDescriptor vm = world.put(InstanceDescriptors.named("gone-" + round)
                        .disk("vda", InstanceDescriptors.GIB).build());
                ImportRequest request = world.importRequest(vm, null, "gone-" + round);
                String before = world.snapshot();
                boolean betweenPlanAndCommit = round % 2 == 0;
                List<Outcome<?>> outcomes;
                if (betweenPlanAndCommit) {
                    // Exactly between the plan (which read the VM) and the commit.
                    world.store.beforeNextUnit(() -> world.provider.removeInstance(world.host.id(), vm.uuid()));
                    outcomes = List.of(Outcome.of(() -> world.instances.importInstance(request)));
                } else {
                    outcomes = together(() -> world.instances.importInstance(request), () -> {
                        // Sometimes at once, sometimes a little later: both orders must occur over the rounds.
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000));
                        }
                        return world.provider.removeInstance(world.host.id(), vm.uuid());
                    });
                }
                Outcome<?> imported = outcomes.get(0);
                String how = betweenPlanAndCommit ? "removed between plan and commit" : "removed at a random moment";
                if (imported.error() == null) {
                    // import, then removal: the record stays until the orchestrator unmanages it
                    assertThat(world.store.delegate().find(vm.uuid())).isPresent();
                    count(kind + " " + how + ": imported first, then removed");
                    endings.saw(how + ": imported first");
                    assertConsistent(world);
                    // The record of a VM that no longer exists cannot be released through unmanage: its provider
                    // cannot make the VM survive. The refusal is typed and the record stays; remove it directly.
                    Throwable release = org.assertj.core.api.Assertions.catchThrowable(
                            () -> world.instances.unmanage(new UnmanageRequest(vm.uuid().toString())));
                    assertThat(release).isInstanceOf(InstanceNotFoundException.class);
                    assertThat(world.store.delegate().find(vm.uuid())).isPresent();
                    world.store.delegate().inUnitOfWork(w -> w.removeInstance(vm.uuid()));
                } else {
                    // removal, then import: refused with a typed error, nothing written
                    assertThat(imported.error()).isInstanceOf(InstanceNotFoundException.class);
                    assertThat(world.snapshot()).isEqualTo(before);
                    count(kind + " " + how + ": removed first, import refused (typed not-found)");
                    endings.saw(how + ": removed first");
                }
                world.store.beforeNextUnit(null);
                world.provider.removeInstance(world.host.id(), vm.uuid());
                assertConsistent(world);
            }
        }
        // Between plan and commit the import always wins (the plan already read the VM); at a random moment
        // both orders must occur.
        endings.requireEach(kind + " removal during import", "removed between plan and commit: imported first",
                "removed at a random moment: imported first", "removed at a random moment: removed first");
        assertThat(endings.seen).doesNotContainKey("removed between plan and commit: removed first");
    }

    /**
     * No address is held twice, and the reservations the store holds are exactly those of its records: every
     * record's MACs and IPs are reserved, and every reserved MAC and IP (each address of each network's range,
     * each MAC the world's VMs carry) belongs to an existing record.
     */
    private static void assertConsistent(World world) {
        List<ManagedInstance> records = world.store.delegate().list();
        Set<String> ofRecords = new HashSet<>();
        for (ManagedInstance record : records) {
            for (ManagedNic nic : record.nics()) {
                assertThat(ofRecords.add("mac " + nic.networkId() + " " + nic.mac())).as("MAC held twice").isTrue();
                if (nic.ipAddress() != null) {
                    assertThat(ofRecords.add("ip " + nic.networkId() + " " + nic.ipAddress())).as("IP held twice")
                            .isTrue();
                }
            }
        }
        Set<String> reserved = world.reservations();
        assertThat(reserved).as("reservations without a record").isSubsetOf(ofRecords);
        assertThat(ofRecords).as("addresses of records that are not reserved").isSubsetOf(reserved);
    }

    /** What one racing call gave. */
    private record Outcome<T>(T value, Throwable error) {
        static <T> Outcome<T> of(Callable<T> call) {
            try {
                return new Outcome<>(call.call(), null);
            } catch (Exception e) {
                return new Outcome<>(null, e);
            }
        }
    }

    /** Runs both calls at once (released together by a latch) and returns both outcomes. */
    private List<Outcome<?>> together(Callable<?> one, Callable<?> two) throws InterruptedException {
        var go = new CountDownLatch(1);
        List<Future<Outcome<?>>> futures = new ArrayList<>();
        for (Callable<?> call : List.of(one, two)) {
            futures.add(threads.submit(() -> {
                go.await();
                return Outcome.of(call);
            }));
        }
        go.countDown();
        List<Outcome<?>> outcomes = new ArrayList<>();
        for (Future<Outcome<?>> future : futures) {
            try {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a racing call did not finish", e);
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unused")
    private static UUID uuidOf(InstanceDescriptor vm) {
        return vm.uuid();
    }
}
