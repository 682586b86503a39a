package dev.unmanaged.core;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An in-memory store for core tests: units of work run one at a time on a copy that replaces the state only
 * on success; a one-shot fault can be armed at each write step and at commit.
 */
final class TestStore implements InventoryStore {
    /** The state: instances, and reservations per "network|address" to the holder. */
    record State(Map<UUID, ManagedInstance> instances, Map<String, UUID> macs, Map<String, UUID> ips) {
        State copy() {
            return new State(new HashMap<>(instances), new HashMap<>(macs), new HashMap<>(ips));
        }
    }

    private final Catalog catalog;
    private volatile State state = new State(Map.of(), Map.of(), Map.of());
    private final Map<String, RuntimeException> faults = new ConcurrentHashMap<>();

    TestStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The next time {@code step} (insert, reserveMac, reserveIp, reserveFreeIp, remove, commit, catalog) runs, it fails. */
    void failNext(String step) {
        faults.put(step, new StoreFailureException("injected fault at " + step, null));
    }

    State snapshot() {
        return state.copy();
    }

    private void maybeFail(String step) {
        RuntimeException fault = faults.remove(step);
        if (fault != null) {
            throw fault;
        }
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        return Optional.ofNullable(state.instances().get(uuid));
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        return state.instances().values().stream().filter(m -> m.name().equals(name)).toList();
    }

    @Override
    public List<ManagedInstance> list() {
        return List.copyOf(state.instances().values());
    }

    @Override
    public synchronized <T> T inUnitOfWork(UnitOfWork<T> work) {
        State draft = state.copy();
        T result = work.run(new DraftWrites(draft));
        maybeFail("commit");
        state = draft;
        return result;
    }

    @Override
    public InventoryCatalog catalog() {
        return new InventoryCatalog() {
            private <T> Optional<T> lookup(List<T> entries, Function<T, String> id, String wanted) {
                maybeFail("catalog");
                return entries.stream().filter(e -> id.apply(e).equals(wanted)).findFirst();
            }

            @Override
            public Optional<Owner> owner(String id) {
                return lookup(catalog.owners(), Owner::id, id);
            }

            @Override
            public Optional<ComputeOffering> offering(String id) {
                return lookup(catalog.offerings(), ComputeOffering::id, id);
            }

            @Override
            public Optional<Network> network(String id) {
                return lookup(catalog.networks(), Network::id, id);
            }

            @Override
            public Optional<StoragePool> pool(String id) {
                return lookup(catalog.pools(), StoragePool::id, id);
            }

            @Override
            public Optional<DiskOffering> diskOffering(String id) {
                return lookup(catalog.diskOfferings(), DiskOffering::id, id);
            }

            @Override
            public Optional<Template> template(String id) {
                return lookup(catalog.templates(), Template::id, id);
            }

            @Override
            public boolean isIpInUse(String networkId, String address) {
                return state.ips().containsKey(networkId + "|" + address);
            }

            @Override
            public boolean isMacInUse(String networkId, String mac) {
                return state.macs().containsKey(networkId + "|" + mac.toLowerCase(Locale.ROOT));
            }

            @Override
            public Optional<String> firstFreeIp(String networkId) {
                return freeIp(state, networkId);
            }

            @Override
            public Catalog snapshot() {
                return catalog;
            }
        };
    }

    private Optional<String> freeIp(State s, String networkId) {
        Network network = catalog.networks().stream().filter(n -> n.id().equals(networkId)).findFirst().orElseThrow();
        for (long i = 0; i < network.range().size(); i++) {
            String address = network.range().addressAt(i);
            if (!s.ips().containsKey(networkId + "|" + address)) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private final class DraftWrites implements Writes {
        private final State draft;

        DraftWrites(State draft) {
            this.draft = draft;
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            maybeFail("insert");
            if (draft.instances().putIfAbsent(instance.uuid(), instance) != null) {
                throw new AlreadyManagedException(instance.uuid());
            }
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            maybeFail("reserveMac");
            String key = networkId + "|" + mac.toLowerCase(Locale.ROOT);
            UUID holder = draft.macs().putIfAbsent(key, owner);
            if (holder != null && !holder.equals(owner)) {
                throw new AddressInUseException(AddressInUseException.Kind.MAC, networkId, mac);
            }
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            maybeFail("reserveIp");
            UUID holder = draft.ips().putIfAbsent(networkId + "|" + address, owner);
            if (holder != null && !holder.equals(owner)) {
                throw new AddressInUseException(AddressInUseException.Kind.IP, networkId, address);
            }
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            maybeFail("reserveFreeIp");
            String address = freeIp(draft, networkId).orElseThrow(
                    () -> new AddressInUseException(AddressInUseException.Kind.IP, networkId, "any"));
            draft.ips().put(networkId + "|" + address, owner);
            return address;
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            maybeFail("remove");
            ManagedInstance removed = draft.instances().remove(uuid);
            draft.macs().values().removeIf(uuid::equals);
            draft.ips().values().removeIf(uuid::equals);
            return Optional.ofNullable(removed);
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            return Optional.ofNullable(draft.instances().get(uuid));
        }
    }
}
