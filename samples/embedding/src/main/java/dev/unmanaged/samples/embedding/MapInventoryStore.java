package dev.unmanaged.samples.embedding;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.CatalogEntry;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * An orchestrator's inventory, kept in maps: the smallest honest {@link InventoryStore}.
 *
 * <p>An orchestrator normally already has an inventory (database tables of VMs, networks, IP reservations). To
 * embed Unmanaged it writes an adapter like this one over those tables. The library relies on three promises:
 * <ol>
 *   <li><b>Atomic units of work.</b> Everything written in one {@link #inUnitOfWork} is committed together, or —
 *       when the work throws — not at all. Here: the work runs against a private copy of the state, which replaces
 *       the live state only when the work returns.</li>
 *   <li><b>Uniqueness.</b> An instance is managed once; a MAC and an IP are reserved once per network. Conflicts
 *       are reported as typed errors ({@link AlreadyManagedException}, {@link AddressInUseException}), which the
 *       library turns into clear problems for the user.</li>
 *   <li><b>Thread safety.</b> Bulk imports call the store from several threads. Here one lock serialises units of
 *       work, and reads see the last committed state without locking.</li>
 * </ol>
 * A store shared by several management servers would get the same promises from database constraints and
 * transactions instead (see the project's JDBC store).
 */
public final class MapInventoryStore implements InventoryStore {
    private final Catalog catalog;
    private final Object writeLock = new Object();
    private volatile State committed = new State(Map.of(), Map.of(), Map.of());

    /** A store whose catalog is {@code catalog}; the orchestrator's offerings, networks and pools. */
    public MapInventoryStore(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The committed state: managed instances by UUID, and address reservations keyed by network and address,
     * each naming the instance that holds it. Immutable, so readers never see a half-done unit of work.
     */
    private record State(Map<UUID, ManagedInstance> instances, Map<String, UUID> macs, Map<String, UUID> ips) {
        State {
            instances = Map.copyOf(instances);
            macs = Map.copyOf(macs);
            ips = Map.copyOf(ips);
        }
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        return Optional.ofNullable(committed.instances().get(uuid));
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        return committed.instances().values().stream().filter(m -> m.name().equals(name)).toList();
    }

    @Override
    public List<ManagedInstance> list() {
        return List.copyOf(committed.instances().values());
    }

    @Override
    public InventoryCatalog catalog() {
        return new MapCatalog();
    }

    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        synchronized (writeLock) {
            Draft draft = new Draft(committed);
            T result = work.run(draft);
            // Reached only when the work did not throw: publish everything it wrote at once.
            committed = draft.toState();
            return result;
        }
    }

    private static String key(String networkId, String address) {
        return networkId + "|" + address.toLowerCase(Locale.ROOT);
    }

    /** The writes of one unit of work, made to a private copy of the state. */
    private final class Draft implements Writes {
        private final Map<UUID, ManagedInstance> instances;
        private final Map<String, UUID> macs;
        private final Map<String, UUID> ips;

        Draft(State from) {
            this.instances = new HashMap<>(from.instances());
            this.macs = new HashMap<>(from.macs());
            this.ips = new HashMap<>(from.ips());
        }

        State toState() {
            return new State(instances, macs, ips);
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            if (instances.putIfAbsent(instance.uuid(), instance) != null) {
                throw new AlreadyManagedException(instance.uuid());
            }
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            requireNetwork(networkId);
            reserve(macs, key(networkId, mac), owner, AddressInUseException.Kind.MAC, networkId, mac);
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            Network network = requireNetwork(networkId);
            if (!network.range().contains(address)) {
                throw new InvalidRequestException("ip", address, "an address of network " + networkId + "'s range "
                        + network.range().first() + "-" + network.range().last());
            }
            reserve(ips, key(networkId, address), owner, AddressInUseException.Kind.IP, networkId, address);
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            Network network = requireNetwork(networkId);
            // The lowest free address; inside the lock, so two imports never get the same one.
            for (long i = 0; i < network.range().size(); i++) {
                String address = network.range().addressAt(i);
                if (!ips.containsKey(key(networkId, address))) {
                    ips.put(key(networkId, address), owner);
                    return address;
                }
            }
            throw new AddressInUseException(AddressInUseException.Kind.IP, networkId,
                    "every address of " + network.range().first() + "-" + network.range().last());
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            ManagedInstance removed = instances.remove(uuid);
            if (removed != null) {
                macs.values().removeIf(uuid::equals);
                ips.values().removeIf(uuid::equals);
            }
            return Optional.ofNullable(removed);
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            return Optional.ofNullable(instances.get(uuid));
        }

        private void reserve(Map<String, UUID> reservations, String key, UUID owner, AddressInUseException.Kind kind,
                             String networkId, String address) {
            UUID holder = reservations.putIfAbsent(key, owner);
            // Reserving again for the same instance is not a conflict (a retried import).
            if (holder != null && !holder.equals(owner)) {
                throw new AddressInUseException(kind, networkId, address);
            }
        }

        private Network requireNetwork(String networkId) {
            return byId(catalog.networks(), Network::id, networkId).orElseThrow(() ->
                    new InvalidRequestException("network", networkId, "a network of the catalog"));
        }
    }

    /** Catalog lookups over the fixed catalog and the committed reservations. */
    private final class MapCatalog implements InventoryCatalog {
        @Override
        public Optional<Owner> owner(String id) {
            return byId(catalog.owners(), Owner::id, id);
        }

        @Override
        public Optional<ComputeOffering> offering(String id) {
            return byId(catalog.offerings(), CatalogEntry::id, id);
        }

        @Override
        public Optional<Network> network(String id) {
            return byId(catalog.networks(), CatalogEntry::id, id);
        }

        @Override
        public Optional<StoragePool> pool(String id) {
            return byId(catalog.pools(), CatalogEntry::id, id);
        }

        @Override
        public Optional<DiskOffering> diskOffering(String id) {
            return byId(catalog.diskOfferings(), CatalogEntry::id, id);
        }

        @Override
        public Optional<Template> template(String id) {
            return byId(catalog.templates(), CatalogEntry::id, id);
        }

        @Override
        public boolean isIpInUse(String networkId, String address) {
            return committed.ips().containsKey(key(networkId, address));
        }

        @Override
        public boolean isMacInUse(String networkId, String mac) {
            return committed.macs().containsKey(key(networkId, mac));
        }

        @Override
        public Optional<String> firstFreeIp(String networkId) {
            Optional<Network> network = network(networkId);
            if (network.isEmpty()) {
                return Optional.empty();
            }
            State now = committed;
            for (long i = 0; i < network.get().range().size(); i++) {
                String address = network.get().range().addressAt(i);
                if (!now.ips().containsKey(key(networkId, address))) {
                    return Optional.of(address);
                }
            }
            return Optional.empty();
        }

        @Override
        public Catalog snapshot() {
            return catalog;
        }
    }

    private static <T> Optional<T> byId(List<T> entries, Function<T, String> id, String wanted) {
        return wanted == null ? Optional.empty() : entries.stream().filter(e -> wanted.equals(id.apply(e))).findFirst();
    }
}
