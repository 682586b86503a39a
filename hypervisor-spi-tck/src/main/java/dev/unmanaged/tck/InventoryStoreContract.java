package dev.unmanaged.tck;

import static dev.unmanaged.tck.CatalogFixture.ACME;
import static dev.unmanaged.tck.CatalogFixture.ACME_NET;
import static dev.unmanaged.tck.CatalogFixture.GLOBEX;
import static dev.unmanaged.tck.CatalogFixture.GLOBEX_NET;
import static dev.unmanaged.tck.CatalogFixture.IMAGES_POOL;
import static dev.unmanaged.tck.CatalogFixture.SHARED_NET;
import static dev.unmanaged.tck.CatalogFixture.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.CatalogEntry;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance kit for an {@link InventoryStore}. Extend it with a concrete test class whose
 * {@link #createStore(Catalog)} returns a new, empty store over the given catalog (a fresh database, schema or
 * prefix per call):
 *
 * <pre>{@code
 * class MyStoreConformanceTest extends InventoryStoreContract {
 *     protected InventoryStore createStore(Catalog seed) { return MyStore.openFresh(seed); }
 * }
 * }</pre>
 *
 * <p>Every test seeds {@link CatalogFixture#catalog()}. The kit checks what the workflows rely on: an instance
 * is managed once even when 16 threads import it at once; a MAC and an IP are reserved once per network; a
 * unit of work that throws leaves nothing; free addresses are never handed out twice; removal releases what an
 * instance held; catalog lookups answer with the seeded entries and their owners.
 */
@DisplayName("Inventory store contract")
public abstract class InventoryStoreContract {
    /** For a store's test class, which extends this kit and supplies the store. */
    protected InventoryStoreContract() {
    }

    private static final long HANG_GUARD_SECONDS = 120;
    private static final int THREADS = 16;
    private static final Host HOST_A = new Host("host-a", "fake", "memory://host-a");
    private static final Host HOST_B = new Host("host-b", "fake", "memory://host-b");

    private InventoryStore store;

    /** A new store holding no instances and no reservations, whose catalog is {@code seed}. */
    protected abstract InventoryStore createStore(Catalog seed);

    @BeforeEach
    void openStore() {
        store = Objects.requireNonNull(createStore(CatalogFixture.catalog()), "createStore returned null");
    }

    @AfterEach
    void closeStore() throws Exception {
        // createStore may have aborted (e.g. an assumption about the database failed): nothing to close then.
        if (store != null) {
            store.close();
        }
    }

    @Nested
    @DisplayName("Managed instances")
    class Instances {
        @Test
        @DisplayName("an inserted instance is found by UUID, by name and in the list, exactly as inserted")
        void insertAndFind() {
            ManagedInstance vm = instance("web-1", HOST_A);
            importInstance(vm);
            assertThat(store.find(vm.uuid())).as("find(%s)", vm.uuid()).contains(vm);
            assertThat(store.isManaged(vm.uuid())).as("isManaged(%s)", vm.uuid()).isTrue();
            assertThat(store.findByName("web-1")).as("findByName(web-1)").containsExactly(vm);
            assertThat(store.list()).as("list()").containsExactly(vm);
        }

        @Test
        @DisplayName("CPU topology, mode, model, the speed and cap imported with and a pending resize are kept through"
                + " insert, find, list and removal")
        void cpuDetailsKept() {
            ManagedInstance vm = instance("sized", HOST_A)
                    .withCpu(new ManagedCpu(2, 1, 4, 2, "host-passthrough", "EPYC-Rome", 2400, 0.5), true);
            ManagedInstance plain = instance("plain", HOST_A);
            importInstance(vm);
            importInstance(plain);
            assertThat(store.find(vm.uuid())).as("find(%s)", vm.uuid()).contains(vm);
            assertThat(store.list()).as("list()").containsExactlyInAnyOrder(vm, plain);
            assertThat(store.find(plain.uuid()).orElseThrow().cpu()).as("a record without CPU details")
                    .isEqualTo(ManagedCpu.UNKNOWN);
            Optional<ManagedInstance> removed = store.inUnitOfWork(w -> w.removeInstance(vm.uuid()));
            assertThat(removed).as("removeInstance(%s)", vm.uuid()).contains(vm);
        }

        @Test
        @DisplayName("an instance that was never inserted is not found")
        void neverInserted() {
            UUID absent = UUID.randomUUID();
            assertThat(store.find(absent)).as("find of a never inserted UUID").isEmpty();
            assertThat(store.isManaged(absent)).isFalse();
            assertThat(store.findByName("nobody")).isEmpty();
            assertThat(store.list()).as("list() of a new store").isEmpty();
        }

        @Test
        @DisplayName("names are unique per host only: two hosts' instances of one name are both found")
        void sameNameOnTwoHosts() {
            ManagedInstance a = instance("db", HOST_A);
            ManagedInstance b = instance("db", HOST_B);
            importInstance(a);
            importInstance(b);
            assertThat(store.findByName("db")).as("findByName(db)").containsExactlyInAnyOrder(a, b);
        }

        @Test
        @DisplayName("removing an instance returns it and forgets it")
        void remove() {
            ManagedInstance vm = instance("gone", HOST_A);
            importInstance(vm);
            Optional<ManagedInstance> removed = store.inUnitOfWork(w -> w.removeInstance(vm.uuid()));
            assertThat(removed).as("removeInstance(%s)", vm.uuid()).contains(vm);
            assertThat(store.find(vm.uuid())).as("find after removal").isEmpty();
            assertThat(store.list()).as("list after removal").isEmpty();
        }

        @Test
        @DisplayName("removing an instance that is not managed returns empty")
        void removeUnknown() {
            Optional<ManagedInstance> removed = store.inUnitOfWork(w -> w.removeInstance(UUID.randomUUID()));
            assertThat(removed).as("removing a never inserted instance").isEmpty();
        }

        @Test
        @DisplayName("a unit of work sees its own writes before they are committed")
        void unitSeesOwnWrites() {
            ManagedInstance vm = instance("own", HOST_A);
            Optional<ManagedInstance> seen = store.inUnitOfWork(w -> {
                w.insertInstance(vm);
                return w.find(vm.uuid());
            });
            assertThat(seen).as("the unit's own view of the instance it inserted").contains(vm);
        }
    }

    @Nested
    @DisplayName("Importing once")
    class ImportingOnce {
        @Test
        @DisplayName("the same instance inserted twice in sequence succeeds once; the second gets AlreadyManagedException")
        void twiceInSequence() {
            ManagedInstance vm = instance("twice", HOST_A);
            importInstance(vm);
            Throwable second = catchThrowable(() -> importInstance(vm));
            assertThat(second).as("the second import of %s", vm.uuid()).isInstanceOf(AlreadyManagedException.class);
            assertThat(((AlreadyManagedException) second).uuid()).isEqualTo(vm.uuid());
            assertThat(store.list()).as("instances after a double import").containsExactly(vm);
        }

        @Test
        @DisplayName("the same instance inserted from 16 threads at once succeeds exactly once; 15 get AlreadyManagedException")
        void fromSixteenThreads() throws Exception {
            ManagedInstance vm = instance("race", HOST_A);
            List<Throwable> outcomes = inParallel(i -> {
                importInstance(vm);
                return null;
            });
            long successes = outcomes.stream().filter(Objects::isNull).count();
            long alreadyManaged = outcomes.stream().filter(AlreadyManagedException.class::isInstance).count();
            assertThat(successes).as("successful imports of one instance from %d threads, outcomes %s", THREADS,
                    outcomes).isEqualTo(1);
            assertThat(alreadyManaged).as("AlreadyManagedException among %s", outcomes).isEqualTo(THREADS - 1);
            assertThat(store.list()).as("instances after the race").containsExactly(vm);
        }

        @Test
        @DisplayName("an instance can be imported again after it was removed")
        void againAfterRemoval() {
            ManagedInstance vm = instance("back", HOST_A);
            importInstance(vm);
            store.inUnitOfWork(w -> w.removeInstance(vm.uuid()));
            importInstance(vm);
            assertThat(store.find(vm.uuid())).as("find after re-import").contains(vm);
        }
    }

    @Nested
    @DisplayName("Addresses")
    class Addresses {
        @Test
        @DisplayName("a MAC is reserved once per network: another instance gets AddressInUseException of kind MAC")
        void macOncePerNetwork() {
            String mac = Macs.fresh();
            importInstance(instance("mac-a", HOST_A, nic(mac, SHARED_NET, null)));
            ManagedInstance b = instance("mac-b", HOST_A, nic(mac, SHARED_NET, null));
            Throwable thrown = catchThrowable(() -> importInstance(b));
            assertThat(thrown).as("importing a second instance with MAC %s on %s", mac, SHARED_NET)
                    .isInstanceOf(AddressInUseException.class);
            AddressInUseException conflict = (AddressInUseException) thrown;
            assertThat(conflict.kind()).isEqualTo(AddressInUseException.Kind.MAC);
            assertThat(conflict.networkId()).isEqualTo(SHARED_NET);
            assertThat(store.find(b.uuid())).as("the refused instance").isEmpty();
        }

        @ParameterizedTest(name = "a MAC written \"{0}\" collides with its lower-case form")
        @ValueSource(strings = {"upper", "mixed"})
        @DisplayName("MAC uniqueness ignores letter case")
        void macCaseInsensitive(String form) {
            String mac = Macs.fresh().replaceFirst("^52:54:00", "aa:bb:cc");
            String other = form.equals("upper") ? mac.toUpperCase(Locale.ROOT)
                    : mac.substring(0, 8).toUpperCase(Locale.ROOT) + mac.substring(8);
            store.inUnitOfWork(w -> {
                w.reserveMac(SHARED_NET, mac, UUID.randomUUID());
                return null;
            });
            assertThat(store.catalog().isMacInUse(SHARED_NET, other)).as("isMacInUse(%s)", other).isTrue();
            assertThat(catchThrowable(() -> store.inUnitOfWork(w -> {
                w.reserveMac(SHARED_NET, other, UUID.randomUUID());
                return null;
            }))).as("reserving %s after %s", other, mac).isInstanceOf(AddressInUseException.class);
        }

        @Test
        @DisplayName("one MAC may be reserved on two different networks")
        void macOnTwoNetworks() {
            String mac = Macs.fresh();
            importInstance(instance("two-a", HOST_A, nic(mac, SHARED_NET, null)));
            importInstance(instance("two-b", HOST_A, nic(mac, GLOBEX_NET, null)));
            assertThat(store.list()).hasSize(2);
        }

        @Test
        @DisplayName("an IP is reserved once per network: another instance gets AddressInUseException naming the network and address")
        void ipOncePerNetwork() {
            importInstance(instance("ip-a", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.50")));
            ManagedInstance b = instance("ip-b", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.50"));
            Throwable thrown = catchThrowable(() -> importInstance(b));
            assertThat(thrown).as("importing a second instance with IP 10.0.0.50 on %s", SHARED_NET)
                    .isInstanceOf(AddressInUseException.class);
            AddressInUseException conflict = (AddressInUseException) thrown;
            assertThat(conflict.kind()).isEqualTo(AddressInUseException.Kind.IP);
            assertThat(conflict.networkId()).isEqualTo(SHARED_NET);
            assertThat(conflict.address()).isEqualTo("10.0.0.50");
            assertThat(store.find(b.uuid())).as("the refused instance").isEmpty();
        }

        @Test
        @DisplayName("one IP may be reserved on two different networks")
        void ipOnTwoNetworks() {
            importInstance(instance("ip2-a", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.60")));
            importInstance(instance("ip2-b", HOST_A, nic(Macs.fresh(), GLOBEX_NET, "10.0.0.60")));
            assertThat(store.catalog().isIpInUse(SHARED_NET, "10.0.0.60")).isTrue();
            assertThat(store.catalog().isIpInUse(GLOBEX_NET, "10.0.0.60")).isTrue();
        }

        @Test
        @DisplayName("committed reservations show in the catalog; others do not")
        void reservationsVisibleInCatalog() {
            String mac = Macs.fresh();
            importInstance(instance("seen", HOST_A, nic(mac, SHARED_NET, "10.0.0.70")));
            InventoryCatalog catalog = store.catalog();
            assertThat(catalog.isMacInUse(SHARED_NET, mac)).as("isMacInUse(%s, %s)", SHARED_NET, mac).isTrue();
            assertThat(catalog.isMacInUse(GLOBEX_NET, mac)).as("isMacInUse(%s, %s)", GLOBEX_NET, mac).isFalse();
            assertThat(catalog.isIpInUse(SHARED_NET, "10.0.0.70")).as("isIpInUse 10.0.0.70").isTrue();
            assertThat(catalog.isIpInUse(SHARED_NET, "10.0.0.71")).as("isIpInUse 10.0.0.71").isFalse();
        }

        @Test
        @DisplayName("removing an instance releases its MAC and IP reservations for others to take")
        void removalReleases() {
            String mac = Macs.fresh();
            ManagedInstance first = instance("first", HOST_A, nic(mac, SHARED_NET, "10.0.0.80"));
            importInstance(first);
            store.inUnitOfWork(w -> w.removeInstance(first.uuid()));
            assertThat(store.catalog().isMacInUse(SHARED_NET, mac)).as("MAC %s after removal", mac).isFalse();
            assertThat(store.catalog().isIpInUse(SHARED_NET, "10.0.0.80")).as("IP 10.0.0.80 after removal").isFalse();
            ManagedInstance second = instance("second", HOST_A, nic(mac, SHARED_NET, "10.0.0.80"));
            importInstance(second);
            assertThat(store.find(second.uuid())).as("an instance taking the released addresses").contains(second);
        }

        @Test
        @DisplayName("a free address is the lowest one not reserved, in the catalog and when reserved")
        void lowestFreeAddress() {
            assertThat(store.catalog().firstFreeIp(ACME_NET)).as("first free IP of a new %s", ACME_NET)
                    .contains("10.1.0.2");
            store.inUnitOfWork(w -> {
                w.reserveIp(ACME_NET, "10.1.0.2", UUID.randomUUID());
                w.reserveIp(ACME_NET, "10.1.0.4", UUID.randomUUID());
                return null;
            });
            assertThat(store.catalog().firstFreeIp(ACME_NET)).as("first free IP with .2 and .4 held")
                    .contains("10.1.0.3");
            List<String> handedOut = store.inUnitOfWork(w -> {
                UUID owner = UUID.randomUUID();
                return List.of(w.reserveFreeIp(ACME_NET, owner), w.reserveFreeIp(ACME_NET, owner));
            });
            assertThat(handedOut).as("two free IPs reserved in one unit with .2 and .4 held")
                    .containsExactly("10.1.0.3", "10.1.0.5");
        }

        @Test
        @DisplayName("an address freed by removal is handed out again")
        void freedAddressReused() {
            UUID owner = UUID.randomUUID();
            ManagedInstance vm = instance("reuse", HOST_A, nic(Macs.fresh(), ACME_NET, null));
            String ip = store.inUnitOfWork(w -> {
                w.insertInstance(vm);
                w.reserveMac(ACME_NET, vm.nics().get(0).mac(), vm.uuid());
                return w.reserveFreeIp(ACME_NET, vm.uuid());
            });
            store.inUnitOfWork(w -> w.removeInstance(vm.uuid()));
            String again = store.inUnitOfWork(w -> w.reserveFreeIp(ACME_NET, owner));
            assertThat(again).as("the free IP after %s was released", ip).isEqualTo(ip);
        }

        @Test
        @DisplayName("an exhausted range fails with AddressInUseException and keeps what was reserved")
        void exhaustedRange() {
            Network acmeNet = store.catalog().network(ACME_NET).orElseThrow();
            long size = acmeNet.range().size();
            for (long i = 0; i < size; i++) {
                store.inUnitOfWork(w -> w.reserveFreeIp(ACME_NET, UUID.randomUUID()));
            }
            assertThat(store.catalog().firstFreeIp(ACME_NET)).as("first free IP of a full range").isEmpty();
            assertThat(catchThrowable(() -> store.inUnitOfWork(w -> w.reserveFreeIp(ACME_NET, UUID.randomUUID()))))
                    .as("reserving a free IP in the full range of %s", ACME_NET)
                    .isInstanceOf(AddressInUseException.class);
            for (long i = 0; i < size; i++) {
                assertThat(store.catalog().isIpInUse(ACME_NET, acmeNet.range().addressAt(i))).isTrue();
            }
        }

        @Test
        @DisplayName("free addresses reserved from 16 threads at once are never handed out twice")
        void freeAddressesFromManyThreads() throws Exception {
            int perThread = 8;
            AddressRange range = store.catalog().network(SHARED_NET).orElseThrow().range();
            List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Throwable> outcomes = inParallel(i -> {
                for (int n = 0; n < perThread; n++) {
                    all.add(store.inUnitOfWork(w -> w.reserveFreeIp(SHARED_NET, UUID.randomUUID())));
                }
                return null;
            });
            assertThat(outcomes).as("outcomes of the threads reserving free IPs").containsOnlyNulls();
            assertThat(all).as("addresses handed out to %d threads", THREADS).hasSize(THREADS * perThread)
                    .doesNotHaveDuplicates().allMatch(range::contains, "inside " + range);
            assertThat(all.stream().map(a -> store.catalog().isIpInUse(SHARED_NET, a)).distinct().toList())
                    .as("every handed-out address is reserved").containsExactly(true);
        }
    }

    @Nested
    @DisplayName("Units of work")
    class UnitsOfWork {
        @Test
        @DisplayName("a unit that throws leaves nothing behind: no instance, no MAC, no IP, and the same exception")
        void throwingUnitLeavesNothing() {
            ManagedInstance vm = instance("doomed", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.90"));
            String mac = vm.nics().get(0).mac();
            IllegalStateException failure = new IllegalStateException("the caller gave up");
            String[] free = new String[1];
            Throwable thrown = catchThrowable(() -> store.inUnitOfWork(w -> {
                w.insertInstance(vm);
                w.reserveMac(SHARED_NET, mac, vm.uuid());
                w.reserveIp(SHARED_NET, "10.0.0.90", vm.uuid());
                free[0] = w.reserveFreeIp(SHARED_NET, vm.uuid());
                throw failure;
            }));
            assertThat(thrown).as("what the failed unit threw").isSameAs(failure);
            assertNothingOf(vm, mac, "10.0.0.90", free[0]);
        }

        @Test
        @DisplayName("a unit refused midway by a conflict leaves nothing of its earlier writes")
        void conflictMidwayLeavesNothing() {
            String takenMac = Macs.fresh();
            importInstance(instance("holder", HOST_A, nic(takenMac, SHARED_NET, null)));
            ManagedInstance vm = instance("late", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.91"));
            Throwable thrown = catchThrowable(() -> store.inUnitOfWork(w -> {
                w.insertInstance(vm);
                w.reserveIp(SHARED_NET, "10.0.0.91", vm.uuid());
                w.reserveMac(SHARED_NET, vm.nics().get(0).mac(), vm.uuid());
                w.reserveMac(SHARED_NET, takenMac, vm.uuid());
                return null;
            }));
            assertThat(thrown).as("the conflicting unit").isInstanceOf(AddressInUseException.class);
            assertNothingOf(vm, vm.nics().get(0).mac(), "10.0.0.91", null);
            assertThat(store.list()).as("instances after the refused unit").hasSize(1);
        }

        @Test
        @DisplayName("a unit that removes an instance and then throws keeps the instance and its reservations")
        void throwingRemovalKeepsInstance() {
            ManagedInstance vm = instance("kept", HOST_A, nic(Macs.fresh(), SHARED_NET, "10.0.0.92"));
            importInstance(vm);
            catchThrowable(() -> store.inUnitOfWork(w -> {
                w.removeInstance(vm.uuid());
                throw new IllegalStateException("abandoned");
            }));
            assertThat(store.find(vm.uuid())).as("the instance after an abandoned removal").contains(vm);
            assertThat(store.catalog().isIpInUse(SHARED_NET, "10.0.0.92")).as("its IP").isTrue();
            assertThat(store.catalog().isMacInUse(SHARED_NET, vm.nics().get(0).mac())).as("its MAC").isTrue();
        }

        @Test
        @DisplayName("the store stays usable after a failed unit")
        void usableAfterFailure() {
            catchThrowable(() -> store.inUnitOfWork(w -> {
                w.insertInstance(instance("fails", HOST_A));
                throw new IllegalStateException("abandoned");
            }));
            ManagedInstance next = instance("next", HOST_A);
            importInstance(next);
            assertThat(store.list()).as("instances after a failed then a good unit").containsExactly(next);
        }

        @Test
        @DisplayName("a unit's writes are invisible to other readers until it returns")
        void invisibleUntilCommit() throws Exception {
            ManagedInstance vm = instance("pending", HOST_A);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                Optional<ManagedInstance> seenMeanwhile = store.inUnitOfWork(w -> {
                    w.insertInstance(vm);
                    try {
                        return reader.submit(() -> store.find(vm.uuid())).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("reading from another thread during a unit failed", e);
                    }
                });
                assertThat(seenMeanwhile).as("the instance seen by another thread before commit").isEmpty();
                assertThat(store.find(vm.uuid())).as("the instance after commit").contains(vm);
            } finally {
                reader.shutdownNow();
            }
        }

        @Test
        @DisplayName("a unit returns its work's result")
        void returnsResult() {
            String result = store.inUnitOfWork(w -> "done");
            assertThat(result).as("the unit's result").isEqualTo("done");
        }
    }

    @Nested
    @DisplayName("Catalog lookups")
    class CatalogLookups {
        @Test
        @DisplayName("every seeded entry is found by its id, equal to the seed")
        void seededEntriesFound() {
            Catalog seed = CatalogFixture.catalog();
            InventoryCatalog catalog = store.catalog();
            seed.owners().forEach(o -> assertThat(catalog.owner(o.id())).as("owner %s", o.id()).contains(o));
            seed.offerings().forEach(o -> assertThat(catalog.offering(o.id())).as("offering %s", o.id()).contains(o));
            seed.networks().forEach(n -> assertThat(catalog.network(n.id())).as("network %s", n.id()).contains(n));
            seed.pools().forEach(p -> assertThat(catalog.pool(p.id())).as("pool %s", p.id()).contains(p));
            seed.diskOfferings().forEach(d -> assertThat(catalog.diskOffering(d.id()))
                    .as("disk offering %s", d.id()).contains(d));
            seed.templates().forEach(t -> assertThat(catalog.template(t.id())).as("template %s", t.id()).contains(t));
        }

        @ParameterizedTest(name = "an unknown id \"{0}\" gives nothing of any kind")
        @ValueSource(strings = {"no-such-id", "ACME", "shared-net "})
        @DisplayName("unknown ids give empty answers")
        void unknownIds(String id) {
            InventoryCatalog catalog = store.catalog();
            assertThat(catalog.owner(id)).isEmpty();
            assertThat(catalog.offering(id)).isEmpty();
            assertThat(catalog.network(id)).isEmpty();
            assertThat(catalog.pool(id)).isEmpty();
            assertThat(catalog.diskOffering(id)).isEmpty();
            assertThat(catalog.template(id)).isEmpty();
        }

        @Test
        @DisplayName("restricted entries keep their owners: usable by them only, shared ones by everyone")
        void ownership() {
            InventoryCatalog catalog = store.catalog();
            assertUsable(catalog.network(ACME_NET), ACME, true);
            assertUsable(catalog.network(ACME_NET), GLOBEX, false);
            assertUsable(catalog.network(GLOBEX_NET), GLOBEX, true);
            assertUsable(catalog.network(SHARED_NET), GLOBEX, true);
            assertUsable(catalog.offering(CatalogFixture.ACME_LARGE), GLOBEX, false);
            assertUsable(catalog.offering(SMALL), GLOBEX, true);
            assertUsable(catalog.pool(CatalogFixture.ACME_RBD_POOL), GLOBEX, false);
            assertUsable(catalog.template(CatalogFixture.ACME_WINDOWS), ACME, true);
            assertUsable(catalog.template(CatalogFixture.ACME_WINDOWS), GLOBEX, false);
            assertUsable(catalog.diskOffering(CatalogFixture.DISK_20G), GLOBEX, true);
        }

        @Test
        @DisplayName("the catalog snapshot holds every seeded entry")
        void snapshot() {
            Catalog seed = CatalogFixture.catalog();
            Catalog snapshot = store.catalog().snapshot();
            assertThat(snapshot.owners()).as("owners").containsExactlyInAnyOrderElementsOf(seed.owners());
            assertThat(snapshot.offerings()).as("offerings").containsExactlyInAnyOrderElementsOf(seed.offerings());
            assertThat(snapshot.networks()).as("networks").containsExactlyInAnyOrderElementsOf(seed.networks());
            assertThat(snapshot.pools()).as("pools").containsExactlyInAnyOrderElementsOf(seed.pools());
            assertThat(snapshot.diskOfferings()).as("disk offerings")
                    .containsExactlyInAnyOrderElementsOf(seed.diskOfferings());
            assertThat(snapshot.templates()).as("templates").containsExactlyInAnyOrderElementsOf(seed.templates());
        }

        private void assertUsable(Optional<? extends CatalogEntry> entry, String owner, boolean usable) {
            assertThat(entry).as("a seeded entry").isPresent();
            assertThat(entry.get().usableBy(owner)).as("%s usable by %s", entry.get().id(), owner).isEqualTo(usable);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The store under test, for extra tests in a subclass. */
    protected final InventoryStore store() {
        return store;
    }

    /** Inserts the instance and reserves its NICs' MACs and IPs in one unit, as an import does. */
    protected final void importInstance(ManagedInstance vm) {
        store.inUnitOfWork(w -> {
            w.insertInstance(vm);
            for (ManagedNic nic : vm.nics()) {
                w.reserveMac(nic.networkId(), nic.mac(), vm.uuid());
                if (nic.ipAddress() != null) {
                    w.reserveIp(nic.networkId(), nic.ipAddress(), vm.uuid());
                }
            }
            return null;
        });
    }

    /** A managed instance of {@link CatalogFixture#ACME} on the small offering with one disk and these NICs. */
    protected static ManagedInstance instance(String name, Host host, ManagedNic... nics) {
        List<ManagedNic> nicList = nics.length == 0 ? List.of(nic(Macs.fresh(), SHARED_NET, null)) : List.of(nics);
        return new ManagedInstance(UUID.randomUUID(), name, name + " (imported)", host, ACME, SMALL,
                CatalogFixture.DEBIAN, 1, 1024L * 1024L * 1024L, nicList,
                List.of(new ManagedDisk("vda", "/var/lib/fake/images/" + name + ".qcow2", IMAGES_POOL,
                        CatalogFixture.DISK_20G, 10L * 1024 * 1024 * 1024)),
                // Whole seconds: stores may keep timestamps at a coarser precision than the JVM clock.
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A NIC on {@code networkId} with {@code ip} (null for none). */
    protected static ManagedNic nic(String mac, String networkId, String ip) {
        return new ManagedNic(mac, networkId, ip);
    }

    private void assertNothingOf(ManagedInstance vm, String mac, String ip, String freeIp) {
        assertThat(store.find(vm.uuid())).as("instance %s after its unit failed", vm.name()).isEmpty();
        assertThat(store.catalog().isMacInUse(SHARED_NET, mac)).as("MAC %s after the unit failed", mac).isFalse();
        assertThat(store.catalog().isIpInUse(SHARED_NET, ip)).as("IP %s after the unit failed", ip).isFalse();
        if (freeIp != null) {
            assertThat(store.catalog().isIpInUse(SHARED_NET, freeIp)).as("free IP %s after the unit failed", freeIp)
                    .isFalse();
        }
    }

    /** Runs {@code work} on 16 threads released at once; each outcome is null for success or what it threw. */
    private List<Throwable> inParallel(Function<Integer, Void> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        work.apply(index);
                        return null;
                    } catch (UnmanagedException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> f : futures) {
                outcomes.add(f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
