package dev.unmanaged.tck;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.ForwardingInventoryCatalog;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.fake.ForwardingInventoryStore;
import dev.unmanaged.tck.fake.ForwardingWrites;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Deliberately wrong inventory stores, each with one bug a real store could have, and the kit subclasses that
 * run the store contract against them. Nested so that the build does not run them as tests itself;
 * {@link KitBitesTest} runs them and checks that the kit catches each bug.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** Forwards everything to the in-memory store; a broken store overrides what it gets wrong. */
    static class Delegating extends ForwardingInventoryStore {
        Delegating(Catalog seed) {
            super(new InMemoryInventoryStore(seed));
        }

        /** A store whose units see {@code broken} writes around the real ones; the rest is the fake's. */
        static Delegating withWrites(Catalog seed, UnaryOperator<Writes> broken) {
            return new Delegating(seed) {
                @Override
                protected Writes writes(Writes real) {
                    return broken.apply(real);
                }
            };
        }
    }

    /**
     * Has no unique constraint on a network's IP addresses: a second reservation of a taken address is accepted,
     * so two instances end up recorded with one IP.
     */
    static class IgnoresIpConflicts extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return Delegating.withWrites(seed, real -> new ForwardingWrites(real) {
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
            return Delegating.withWrites(seed, real -> new ForwardingWrites(real) {
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
                    return work.run(new AutoCommitWrites(delegate()));
                }
            };
        }
    }

    /** Forgets the instance on removal but keeps the addresses it held reserved. */
    static class RemovalKeepsAddresses extends InventoryStoreContract {
        @Override
        protected InventoryStore createStore(Catalog seed) {
            return Delegating.withWrites(seed, real -> new ForwardingWrites(real) {
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
                protected Writes writes(Writes real) {
                    InventoryStore store = delegate();
                    return new ForwardingWrites(real) {
                        @Override
                        public String reserveFreeIp(String networkId, UUID owner) {
                            String address = store.catalog().firstFreeIp(networkId).orElseThrow();
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
                    return new OwnerlessCatalog(super.catalog());
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

    private static final class OwnerlessCatalog extends ForwardingInventoryCatalog {
        OwnerlessCatalog(InventoryCatalog real) {
            super(real);
        }

        @Override
        public Optional<ComputeOffering> offering(String id) {
            return super.offering(id).map(o -> o.restrictedTo(Set.of()));
        }

        @Override
        public Optional<Network> network(String id) {
            return super.network(id).map(n -> new Network(n.id(), n.name(), n.range(), n.vlan(), Set.of()));
        }

        @Override
        public Optional<StoragePool> pool(String id) {
            return super.pool(id).map(p -> new StoragePool(p.id(), p.name(), p.path(), p.hostPoolName(),
                    Set.of()));
        }

        @Override
        public Optional<Template> template(String id) {
            return super.template(id).map(t -> new Template(t.id(), t.name(), t.osType(), Set.of()));
        }
    }
}
