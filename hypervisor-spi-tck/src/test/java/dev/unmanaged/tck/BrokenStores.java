package dev.unmanaged.tck;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Deliberately wrong inventory stores, each with one bug a real store could have, and the kit subclasses that
 * run the store contract against them. Nested so that the build does not run them as tests itself;
 * {@link KitBitesTest} runs them and checks that the kit catches each bug.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** Forwards everything to the in-memory store; a broken store overrides what it gets wrong. */
    static class Delegating implements InventoryStore {
        final InMemoryInventoryStore fake;

        Delegating(Catalog seed) {
            this.fake = new InMemoryInventoryStore(seed);
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            return fake.find(uuid);
        }

        @Override
        public List<ManagedInstance> findByName(String name) {
            return fake.findByName(name);
        }

        @Override
        public List<ManagedInstance> list() {
            return fake.list();
        }

        @Override
        public InventoryCatalog catalog() {
            return fake.catalog();
        }

        @Override
        public <T> T inUnitOfWork(UnitOfWork<T> work) {
            return fake.inUnitOfWork(w -> work.run(writes(w)));
        }

        /** A store whose units see {@code broken} writes around the real ones; the rest is the fake's. */
        static Delegating withWrites(Catalog seed, java.util.function.UnaryOperator<Writes> broken) {
            return new Delegating(seed) {
                @Override
                Writes writes(Writes real) {
                    return broken.apply(real);
                }
            };
        }

        /** The writes a unit sees; broken stores wrap the real ones. */
        Writes writes(Writes real) {
            return real;
        }
    }

    /** Forwards every write; a broken store overrides the one it gets wrong. */
    static class DelegatingWrites implements InventoryStore.Writes {
        final InventoryStore.Writes real;

        DelegatingWrites(InventoryStore.Writes real) {
            this.real = real;
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            real.insertInstance(instance);
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            real.reserveMac(networkId, mac, owner);
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            real.reserveIp(networkId, address, owner);
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            return real.reserveFreeIp(networkId, owner);
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            return real.removeInstance(uuid);
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            return real.find(uuid);
        }
    }

    /**
     * Has no unique constraint on a network's IP addresses: a second reservation of a taken address is accepted,
     * so two instances end up recorded with one IP.
     */
    static class IgnoresIpConflicts extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return Delegating.withWrites(seed, real -> new DelegatingWrites(real) {
                @Override
                public void reserveIp(String networkId, String address, UUID owner) {
                    try {
                        real.reserveIp(networkId, address, owner);
                    } catch (AddressInUseException taken) {
                        // the missing constraint: the row goes in beside the other one
                    }
                }
            });
        }
    }

    /** Inserts as an upsert: a second import of one instance silently replaces the first. */
    static class AcceptsDoubleImport extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return Delegating.withWrites(seed, real -> new DelegatingWrites(real) {
                @Override
                public void insertInstance(ManagedInstance instance) {
                    real.removeInstance(instance.uuid());
                    real.insertInstance(instance);
                }
            });
        }
    }

    /** Commits every write on its own (auto-commit), so a failing unit leaves its earlier writes behind. */
    static class FailedUnitLeavesRows extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return new Delegating(seed) {
                @Override
                public <T> T inUnitOfWork(UnitOfWork<T> work) {
                    return work.run(new AutoCommitWrites(fake));
                }
            };
        }
    }

    /** Forgets the instance on removal but keeps the addresses it held reserved. */
    static class RemovalKeepsAddresses extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return Delegating.withWrites(seed, real -> new DelegatingWrites(real) {
                @Override
                public Optional<ManagedInstance> removeInstance(UUID uuid) {
                    Optional<ManagedInstance> removed = real.removeInstance(uuid);
                    removed.ifPresent(vm -> {
                        for (ManagedNic nic : vm.nics()) {
                            real.reserveMac(nic.networkId(), nic.mac(), uuid);
                            if (nic.ipAddress() != null) {
                                real.reserveIp(nic.networkId(), nic.ipAddress(), uuid);
                            }
                        }
                    });
                    return removed;
                }
            });
        }
    }

    /**
     * Picks a "free" address from the committed state instead of the unit's own view, so a unit that needs two
     * addresses is handed the same one twice.
     */
    static class FreeAddressFromCommittedState extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            // Written out rather than through withWrites: the broken call reads the store's committed catalog.
            return new Delegating(seed) {
                @Override
                Writes writes(Writes real) {
                    return new DelegatingWrites(real) {
                        @Override
                        public String reserveFreeIp(String networkId, UUID owner) {
                            String address = fake.catalog().firstFreeIp(networkId).orElseThrow();
                            real.reserveIp(networkId, address, owner);
                            return address;
                        }
                    };
                }
            };
        }
    }

    /** Reads catalog entries without their owner lists, so restricted entries look shared. */
    static class CatalogLosesOwnership extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return new Delegating(seed) {
                @Override
                public InventoryCatalog catalog() {
                    return new OwnerlessCatalog(fake.catalog());
                }
            };
        }
    }

    /** Each write is a unit of its own. */
    private static final class AutoCommitWrites implements InventoryStore.Writes {
        private final InventoryStore store;

        AutoCommitWrites(InventoryStore store) {
            this.store = store;
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            store.inUnitOfWork(w -> {
                w.insertInstance(instance);
                return null;
            });
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            store.inUnitOfWork(w -> {
                w.reserveMac(networkId, mac, owner);
                return null;
            });
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            store.inUnitOfWork(w -> {
                w.reserveIp(networkId, address, owner);
                return null;
            });
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            return store.inUnitOfWork(w -> w.reserveFreeIp(networkId, owner));
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            return store.inUnitOfWork(w -> w.removeInstance(uuid));
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            return store.find(uuid);
        }
    }

    private record OwnerlessCatalog(InventoryCatalog real) implements InventoryCatalog {
        @Override
        public Optional<Owner> owner(String id) {
            return real.owner(id);
        }

        @Override
        public Optional<ComputeOffering> offering(String id) {
            return real.offering(id).map(o -> o.restrictedTo(Set.of()));
        }

        @Override
        public Optional<Network> network(String id) {
            return real.network(id).map(n -> new Network(n.id(), n.name(), n.range(), n.vlan(), Set.of()));
        }

        @Override
        public Optional<StoragePool> pool(String id) {
            return real.pool(id).map(p -> new StoragePool(p.id(), p.name(), p.path(), p.hostPoolName(),
                    Set.of()));
        }

        @Override
        public Optional<DiskOffering> diskOffering(String id) {
            return real.diskOffering(id);
        }

        @Override
        public Optional<Template> template(String id) {
            return real.template(id).map(t -> new Template(t.id(), t.name(), t.osType(), Set.of()));
        }

        @Override
        public boolean isIpInUse(String networkId, String address) {
            return real.isIpInUse(networkId, address);
        }

        @Override
        public boolean isMacInUse(String networkId, String mac) {
            return real.isMacInUse(networkId, mac);
        }

        @Override
        public Optional<String> firstFreeIp(String networkId) {
            return real.firstFreeIp(networkId);
        }

        @Override
        public Catalog snapshot() {
            return real.snapshot();
        }
    }
}
