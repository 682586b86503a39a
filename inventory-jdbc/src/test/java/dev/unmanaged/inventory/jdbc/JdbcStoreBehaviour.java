package dev.unmanaged.inventory.jdbc;

import static dev.unmanaged.inventory.jdbc.TestData.NET_A;
import static dev.unmanaged.inventory.jdbc.TestData.NET_B;
import static dev.unmanaged.inventory.jdbc.TestData.TINY_NET;
import static dev.unmanaged.inventory.jdbc.TestData.instance;
import static dev.unmanaged.inventory.jdbc.TestData.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.json.DemoCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store guarantees beyond the portable contract: constraint-backed uniqueness across connections,
 * savepoints that keep a unit usable after a refused write, exact round trips, catalog upserts.
 */
abstract class JdbcStoreBehaviour {
    protected JdbcInventoryStore store;

    /** A store on a fresh, empty database. */
    protected abstract JdbcInventoryStore openFreshStore();

    /** Another store (another pool) on the same database as {@link #store}, as a second process would have. */
    protected abstract JdbcInventoryStore openSecondStore();

    @BeforeEach
    void open() {
        store = openFreshStore();
        store.upsertCatalog(TestData.catalog());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private void importOne(ManagedInstance m) {
        store.inUnitOfWork(w -> {
            w.insertInstance(m);
            m.nics().forEach(n -> {
                w.reserveMac(n.networkId(), n.mac(), m.uuid());
                if (n.ipAddress() != null) {
                    w.reserveIp(n.networkId(), n.ipAddress(), m.uuid());
                }
            });
            return null;
        });
    }

    @Nested
    @DisplayName("the catalog")
    class CatalogTables {
        @Test
        @DisplayName("reads back exactly what was written, owner restrictions included")
        void roundTrip() {
            Catalog expected = TestData.catalog();
            Catalog actual = store.catalog().snapshot();
            assertThat(actual.owners()).containsExactlyInAnyOrderElementsOf(expected.owners());
            assertThat(actual.offerings()).containsExactlyInAnyOrderElementsOf(expected.offerings());
            assertThat(actual.networks()).containsExactlyInAnyOrderElementsOf(expected.networks());
            assertThat(actual.pools()).containsExactlyInAnyOrderElementsOf(expected.pools());
            assertThat(actual.diskOfferings()).containsExactlyInAnyOrderElementsOf(expected.diskOfferings());
            assertThat(actual.templates()).containsExactlyInAnyOrderElementsOf(expected.templates());
            assertThat(store.catalog().offering("custom")).contains(expected.offerings().get(1));
            assertThat(store.catalog().network(NET_B).orElseThrow().vlan()).isNull();
            assertThat(store.catalog().pool("missing")).isEmpty();
        }

        @Test
        @DisplayName("an upsert updates entries by id, replaces their owner lists and keeps entries it does not name")
        void upsertUpdates() {
            Network widened = new Network(NET_B, "Network B, wider", new AddressRange("10.1.0.1", "10.1.0.99"), 42,
                    Set.of("globex"));
            store.upsertCatalog(new Catalog(List.of(new Owner("acme", "ACME Inc.")), List.of(), List.of(widened),
                    List.of(), List.of(), List.of()));
            assertThat(store.catalog().network(NET_B)).contains(widened);
            assertThat(store.catalog().owner("acme")).contains(new Owner("acme", "ACME Inc."));
            assertThat(store.catalog().network(NET_A)).isPresent();
            assertThat(store.catalog().snapshot().owners()).hasSize(2);
        }

        @Test
        @DisplayName("an entry value longer than its column is refused naming the field, and nothing is written")
        void valueTooLongForItsColumn() {
            Owner kept = new Owner("kept", "Written with the refused one");
            Network wide = new Network("wide", "w".repeat(256), new AddressRange("10.9.0.1", "10.9.0.9"), null,
                    Set.of());
            Catalog refused = new Catalog(List.of(kept), List.of(), List.of(wide), List.of(), List.of(), List.of());
            assertThatThrownBy(() -> store.upsertCatalog(refused)).isInstanceOfSatisfying(
                    InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("networks[0].name"))
                    .hasMessageContaining("at most 255 characters");
            assertThat(store.catalog().owner("kept")).isEmpty();
            assertThat(store.catalog().network("wide")).isEmpty();
        }

        @Test
        @DisplayName("seeding writes only into an empty catalog")
        void seedIfEmpty() {
            assertThat(store.seedIfEmpty(DemoCatalog.catalog())).isFalse();
            assertThat(store.catalog().offering("xlarge")).isEmpty();
            try (JdbcInventoryStore other = openFreshStore()) {
                assertThat(other.seedIfEmpty(DemoCatalog.catalog())).isTrue();
                assertThat(other.catalog().snapshot()).isEqualTo(sortedById(DemoCatalog.catalog()));
            }
        }
    }

    @Nested
    @DisplayName("managed instances")
    class Instances {
        @Test
        @DisplayName("read back equal to what was inserted, disks and NICs in order and the import time to the nanosecond")
        void roundTrip() {
            ManagedInstance m = instance(UUID.randomUUID(), "web-1", "52:54:00:AA:BB:01", "10.0.0.10");
            importOne(m);
            assertThat(store.find(m.uuid())).contains(m);
            assertThat(store.findByName("web-1")).containsExactly(m);
            assertThat(store.list()).containsExactly(m);
            assertThat(store.isManaged(m.uuid())).isTrue();
            assertThat(store.isManaged(UUID.randomUUID())).isFalse();
            assertThat(store.catalog().isMacInUse(NET_A, "52:54:00:aa:bb:01")).isTrue();
            assertThat(store.catalog().isMacInUse(NET_A, "52:54:00:AA:BB:01")).isTrue();
            assertThat(store.catalog().isIpInUse(NET_A, "10.0.0.10")).isTrue();
            assertThat(store.catalog().isIpInUse(NET_B, "10.0.0.10")).isFalse();
        }

        @Test
        @DisplayName("a second import of the same UUID is refused as already managed and leaves nothing behind")
        void secondImportRefused() {
            UUID uuid = UUID.randomUUID();
            importOne(instance(uuid, "db-1", mac(1), "10.0.0.20"));
            ManagedInstance again = instance(uuid, "db-1-copy", mac(2), "10.0.0.21");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, mac(2), uuid);
                w.reserveIp(NET_A, "10.0.0.21", uuid);
                w.insertInstance(again);
                return null;
            })).isInstanceOfSatisfying(AlreadyManagedException.class, e -> assertThat(e.uuid()).isEqualTo(uuid));
            assertThat(store.catalog().isMacInUse(NET_A, mac(2))).isFalse();
            assertThat(store.catalog().isIpInUse(NET_A, "10.0.0.21")).isFalse();
            assertThat(store.find(uuid).orElseThrow().name()).isEqualTo("db-1");
        }

        @Test
        @DisplayName("names and display names of a thousand characters are kept")
        void longNames() {
            String name = "n".repeat(1000);
            ManagedInstance m = instance(UUID.randomUUID(), name, mac(10), null);
            assertThat(m.displayName()).hasSize(1000);
            importOne(m);
            assertThat(store.findByName(name)).containsExactly(m);
        }

        @Test
        @DisplayName("a value longer than its column is refused naming the field, and the unit writes nothing")
        void valueTooLongForItsColumn() {
            UUID uuid = UUID.randomUUID();
            ManagedInstance longName = instance(uuid, "n".repeat(1025), mac(11), null);
            assertThatThrownBy(() -> importOne(longName)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.field()).isEqualTo("name")).hasMessageContaining("at most 1024 characters");
            ManagedInstance m = instance(uuid, "long-target", mac(11), null);
            ManagedInstance longTarget = new ManagedInstance(uuid, m.name(), m.displayName(), m.host(), m.ownerId(),
                    m.offeringId(), m.templateId(), m.vcpus(), m.memoryBytes(), m.nics(),
                    List.of(new ManagedDisk("vd" + "x".repeat(63), "/images/a.qcow2", "images", null, null)),
                    m.importedAt());
            assertThatThrownBy(() -> importOne(longTarget)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.field()).isEqualTo("disks[0].deviceName")).hasMessageContaining("at most 64");
            assertThat(store.find(uuid)).isEmpty();
            assertThat(store.catalog().isMacInUse(NET_A, mac(11))).isFalse();
        }

        @Test
        @DisplayName("a unit of work that throws writes nothing")
        void failedUnitWritesNothing() {
            ManagedInstance m = instance(UUID.randomUUID(), "app-1", mac(3), "10.0.0.30");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.insertInstance(m);
                w.reserveMac(NET_A, mac(3), m.uuid());
                w.reserveIp(NET_A, "10.0.0.30", m.uuid());
                throw new IllegalStateException("the hypervisor said no");
            })).isInstanceOf(IllegalStateException.class).hasMessage("the hypervisor said no");
            assertThat(store.list()).isEmpty();
            assertThat(store.catalog().isMacInUse(NET_A, mac(3))).isFalse();
            assertThat(store.catalog().isIpInUse(NET_A, "10.0.0.30")).isFalse();
        }

        @Test
        @DisplayName("removing an instance deletes its disks and NICs and releases its addresses for reuse")
        void removeReleases() {
            ManagedInstance m = instance(UUID.randomUUID(), "old-1", mac(4), "10.0.0.10");
            importOne(m);
            Optional<ManagedInstance> removed = store.inUnitOfWork(w -> w.removeInstance(m.uuid()));
            assertThat(removed).contains(m);
            assertThat(store.find(m.uuid())).isEmpty();
            assertThat(store.catalog().isMacInUse(NET_A, mac(4))).isFalse();
            assertThat(store.catalog().firstFreeIp(NET_A)).contains("10.0.0.10");
            Optional<ManagedInstance> removedAgain = store.inUnitOfWork(w -> w.removeInstance(m.uuid()));
            assertThat(removedAgain).isEmpty();
            importOne(m);
            assertThat(store.find(m.uuid())).contains(m);
        }

        @Test
        @DisplayName("a unit sees its own writes before they are committed; others do not")
        void unitSeesOwnWrites() {
            ManagedInstance m = instance(UUID.randomUUID(), "mid-1", mac(5), null);
            store.inUnitOfWork(w -> {
                w.insertInstance(m);
                Optional<ManagedInstance> inside = w.find(m.uuid());
                Optional<ManagedInstance> outside = store.find(m.uuid());
                assertThat(inside).contains(m);
                assertThat(outside).isEmpty();
                return null;
            });
            assertThat(store.find(m.uuid())).contains(m);
        }

        @Test
        @DisplayName("a unit of work inside another is refused rather than left waiting on the outer one's rows")
        void noNesting() {
            assertThatThrownBy(() -> store.inUnitOfWork(outer -> store.inUnitOfWork(inner -> null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
            String afterwards = store.inUnitOfWork(w -> "usable afterwards");
            assertThat(afterwards).isEqualTo("usable afterwards");
        }

        @Test
        @DisplayName("writes kept beyond their unit of work are refused")
        void writesEndWithTheirUnit() {
            InventoryStore.Writes leaked = store.inUnitOfWork(w -> w);
            assertThatThrownBy(() -> leaked.reserveMac(NET_A, mac(6), UUID.randomUUID()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("address reservations")
    class Addresses {
        @Test
        @DisplayName("a MAC is held once per network, in any letter case, and may repeat on another network")
        void macOncePerNetwork() {
            UUID a = UUID.randomUUID();
            store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, "52:54:00:0A:0B:0C", a);
                w.reserveMac(NET_B, "52:54:00:0a:0b:0c", a);
                return null;
            });
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, "52:54:00:0a:0b:0c", UUID.randomUUID());
                return null;
            })).isInstanceOfSatisfying(AddressInUseException.class, e -> {
                assertThat(e.kind()).isEqualTo(AddressInUseException.Kind.MAC);
                assertThat(e.networkId()).isEqualTo(NET_A);
                assertThat(e.address()).isEqualTo("52:54:00:0a:0b:0c");
            });
        }

        @Test
        @DisplayName("reserving again what the same instance holds is no conflict")
        void sameHolderAgain() {
            UUID holder = UUID.randomUUID();
            store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, mac(7), holder);
                w.reserveIp(NET_A, "10.0.0.70", holder);
                return null;
            });
            store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, mac(7).toUpperCase(), holder);
                w.reserveIp(NET_A, "10.0.0.70", holder);
                return null;
            });
            assertThat(store.catalog().isIpInUse(NET_A, "10.0.0.70")).isTrue();
        }

        @Test
        @DisplayName("an IP is held once per network")
        void ipOncePerNetwork() {
            store.inUnitOfWork(w -> {
                w.reserveIp(NET_A, "10.0.0.77", UUID.randomUUID());
                return null;
            });
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveIp(NET_A, "10.0.0.77", UUID.randomUUID());
                return null;
            })).isInstanceOfSatisfying(AddressInUseException.class, e -> {
                assertThat(e.kind()).isEqualTo(AddressInUseException.Kind.IP);
                assertThat(e.networkId()).isEqualTo(NET_A);
                assertThat(e.address()).isEqualTo("10.0.0.77");
            });
        }

        @Test
        @DisplayName("a unit that catches a refused reservation can go on and commit the rest")
        void refusedWriteLeavesUnitUsable() {
            UUID first = UUID.randomUUID();
            store.inUnitOfWork(w -> {
                w.reserveIp(NET_A, "10.0.0.10", first);
                return null;
            });
            UUID second = UUID.randomUUID();
            String got = store.inUnitOfWork(w -> {
                try {
                    w.reserveIp(NET_A, "10.0.0.10", second);
                } catch (AddressInUseException expected) {
                    // fall back to an automatic address
                }
                return w.reserveFreeIp(NET_A, second);
            });
            assertThat(got).isEqualTo("10.0.0.11");
            assertThat(store.catalog().isIpInUse(NET_A, "10.0.0.11")).isTrue();
        }

        @Test
        @DisplayName("free addresses are handed out lowest first, gaps included, until the range is exhausted")
        void freeAddressesLowestFirst() {
            UUID owner = UUID.randomUUID();
            store.inUnitOfWork(w -> {
                w.reserveIp(TINY_NET, "192.168.7.2", owner);
                return null;
            });
            assertThat(store.catalog().firstFreeIp(TINY_NET)).contains("192.168.7.1");
            List<String> handedOut = store.inUnitOfWork(w -> List.of(w.reserveFreeIp(TINY_NET, owner),
                    w.reserveFreeIp(TINY_NET, owner)));
            assertThat(handedOut).containsExactly("192.168.7.1", "192.168.7.3");
            assertThat(store.catalog().firstFreeIp(TINY_NET)).isEmpty();
            assertThatThrownBy(() -> store.inUnitOfWork(w -> w.reserveFreeIp(TINY_NET, owner)))
                    .isInstanceOfSatisfying(AddressInUseException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AddressInUseException.Kind.IP);
                        assertThat(e.networkId()).isEqualTo(TINY_NET);
                    });
        }

        @Test
        @DisplayName("a hole in the middle of the held addresses is filled first")
        void holeFilledFirst() {
            UUID owner = UUID.randomUUID();
            store.inUnitOfWork(w -> {
                for (String ip : List.of("10.0.0.10", "10.0.0.11", "10.0.0.13", "10.0.0.14")) {
                    w.reserveIp(NET_A, ip, owner);
                }
                return null;
            });
            assertThat(store.catalog().firstFreeIp(NET_A)).contains("10.0.0.12");
            List<String> next = store.inUnitOfWork(w -> List.of(w.reserveFreeIp(NET_A, owner),
                    w.reserveFreeIp(NET_A, owner)));
            assertThat(next).containsExactly("10.0.0.12", "10.0.0.15");
        }

        @Test
        @DisplayName("bad addresses and unknown networks are refused with the field, the value and what was expected")
        void badInput() {
            UUID owner = UUID.randomUUID();
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveMac(NET_A, "52:54:00:zz:00:01", owner);
                return null;
            })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("mac")
                    .hasMessageContaining("52:54:00:zz:00:01");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveIp(NET_A, "10.0.0.256", owner);
                return null;
            })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("10.0.0.256")
                    .hasMessageContaining("IPv4");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> w.reserveFreeIp("no-such-net", owner)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no-such-net");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveMac("no-such-net", mac(8), owner);
                return null;
            })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("networkId")
                    .hasMessageContaining("no-such-net");
            assertThatThrownBy(() -> store.inUnitOfWork(w -> {
                w.reserveIp("no-such-net", "10.0.0.1", owner);
                return null;
            })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("no-such-net");
        }
    }

    @Nested
    @DisplayName("under concurrency")
    class Concurrency {
        @Test
        @DisplayName("two stores racing for free addresses never get the same one")
        void freeAddressesNeverTwice() throws Exception {
            try (JdbcInventoryStore second = openSecondStore()) {
                int perWorker = 15;
                List<Callable<List<String>>> workers = new ArrayList<>();
                for (JdbcInventoryStore s : List.of(store, second, store, second)) {
                    workers.add(() -> {
                        List<String> got = new ArrayList<>();
                        for (int i = 0; i < perWorker; i++) {
                            UUID owner = UUID.randomUUID();
                            got.add(s.inUnitOfWork(w -> w.reserveFreeIp(NET_A, owner)));
                        }
                        return got;
                    });
                }
                List<String> all = new ArrayList<>();
                for (List<String> got : runTogether(workers)) {
                    all.addAll(got);
                }
                assertThat(all).hasSize(4 * perWorker).doesNotHaveDuplicates();
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < 4 * perWorker; i++) {
                    expected.add("10.0.0." + (10 + i));
                }
                assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
            }
        }

        @Test
        @DisplayName("of many stores importing one instance at once, exactly one succeeds")
        void oneImportWins() throws Exception {
            UUID uuid = UUID.randomUUID();
            try (JdbcInventoryStore second = openSecondStore()) {
                List<Callable<String>> workers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    JdbcInventoryStore s = i % 2 == 0 ? store : second;
                    int n = i;
                    workers.add(() -> {
                        try {
                            s.inUnitOfWork(w -> {
                                w.insertInstance(instance(uuid, "race-" + n, mac(100 + n), null));
                                w.reserveMac(NET_A, mac(100 + n), uuid);
                                return w.reserveFreeIp(NET_A, uuid);
                            });
                            return "imported";
                        } catch (AlreadyManagedException e) {
                            return "already managed";
                        }
                    });
                }
                assertThat(runTogether(workers)).containsOnlyOnce("imported").hasSize(6);
                assertThat(store.list()).hasSize(1);
                assertThat(store.catalog().firstFreeIp(NET_A)).contains("10.0.0.11");
            }
        }

        @Test
        @DisplayName("two units each holding an address the other picks both complete instead of deadlocking")
        void crossedPicksComplete() throws Exception {
            try (JdbcInventoryStore second = openSecondStore()) {
                CountDownLatch firstHolds = new CountDownLatch(1);
                CountDownLatch secondHolds = new CountDownLatch(1);
                UUID one = UUID.randomUUID();
                UUID two = UUID.randomUUID();
                Callable<List<String>> first = () -> store.inUnitOfWork(w -> {
                    String a = w.reserveFreeIp(NET_A, one);
                    firstHolds.countDown();
                    await(secondHolds);
                    // The lowest free address this unit can see is the one the other unit holds uncommitted.
                    return List.of(a, w.reserveFreeIp(NET_A, one));
                });
                Callable<List<String>> other = () -> second.inUnitOfWork(w -> {
                    await(firstHolds);
                    w.reserveIp(NET_A, "10.0.0.11", two);
                    secondHolds.countDown();
                    // ...and this unit's lowest free address is the one the first unit holds.
                    return List.of("10.0.0.11", w.reserveFreeIp(NET_A, two));
                });
                List<List<String>> results = runTogether(List.of(first, other));
                List<String> all = new ArrayList<>();
                results.forEach(all::addAll);
                assertThat(all).hasSize(4).doesNotHaveDuplicates().contains("10.0.0.10", "10.0.0.11");
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other unit never got there");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private <T> List<T> runTogether(List<Callable<T>> workers) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<T>> futures = new ArrayList<>();
                for (Callable<T> worker : workers) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return worker.call();
                    }));
                }
                start.countDown();
                List<T> results = new ArrayList<>();
                for (Future<T> f : futures) {
                    results.add(f.get(60, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static Catalog sortedById(Catalog c) {
        return new Catalog(
                c.owners().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList(),
                c.offerings().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList(),
                c.networks().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList(),
                c.pools().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList(),
                c.diskOfferings().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList(),
                c.templates().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList());
    }
}
