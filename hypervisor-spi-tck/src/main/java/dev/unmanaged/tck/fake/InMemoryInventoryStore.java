package dev.unmanaged.tck.fake;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.net.Ipv4Addresses;
import dev.unmanaged.api.net.MacAddresses;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference {@link InventoryStore}: managed instances and address reservations in memory, over a fixed
 * {@link Catalog}. A unit of work runs against a private copy of the committed state and replaces it only when
 * the unit returns, so a unit that throws leaves nothing behind; units run one at a time. A test can make a
 * named {@link Step} fail once or always with a {@link StoreFailureException}. Thread-safe.
 */
public final class InMemoryInventoryStore implements InventoryStore {
    /** The points of a unit of work where a failure can be injected. */
    public enum Step {
        /** {@link Writes#insertInstance}. */
        INSERT_INSTANCE("insertInstance"),
        /** {@link Writes#reserveMac}. */
        RESERVE_MAC("reserveMac"),
        /** {@link Writes#reserveIp}. */
        RESERVE_IP("reserveIp"),
        /** {@link Writes#reserveFreeIp}. */
        RESERVE_FREE_IP("reserveFreeIp"),
        /** {@link Writes#removeInstance}. */
        REMOVE_INSTANCE("removeInstance"),
        /** The end of a unit whose work returned normally, before anything becomes visible. */
        COMMIT("commit"),
        /**
         * Just after a unit committed: its writes are kept and visible, but the caller gets the failure, as when a
         * connection drops before the store's acknowledgement arrives.
         */
        AFTER_COMMIT("after commit");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        /** The name of the write (or {@code commit}), as failure messages show it. */
        public String label() {
            return label;
        }
    }

    private final Catalog catalog;
    private final Map<String, Network> networks;
    private final ReentrantLock unitLock = new ReentrantLock();
    private final Map<Step, Boolean> faults = new EnumMap<>(Step.class);
    private final AtomicLong committedUnits = new AtomicLong();
    private final AtomicLong failedUnits = new AtomicLong();
    private final InventoryCatalog catalogView;
    private volatile State committed = new State();

    /** A store with an empty catalog. */
    public InMemoryInventoryStore() {
        this(Catalog.EMPTY);
    }

    /** A store whose catalog is {@code seed}. */
    public InMemoryInventoryStore(Catalog seed) {
        this.catalog = Objects.requireNonNull(seed, "seed");
        this.networks = byId(seed.networks(), Network::id);
        this.catalogView = new CatalogView();
    }

    // ---- fault injection and counters --------------------------------------------------------------------

    /** The next time {@code step} is reached, it throws a {@link StoreFailureException}. */
    public void failOnce(Step step) {
        synchronized (faults) {
            faults.put(Objects.requireNonNull(step, "step"), Boolean.TRUE);
        }
    }

    /** Every time {@code step} is reached, it throws a {@link StoreFailureException}, until {@link #clearFaults}. */
    public void failAlways(Step step) {
        synchronized (faults) {
            faults.put(Objects.requireNonNull(step, "step"), Boolean.FALSE);
        }
    }

    /** Removes every injected failure. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** How many units of work committed. */
    public long committedUnits() {
        return committedUnits.get();
    }

    /** How many units of work threw and were discarded. */
    public long failedUnits() {
        return failedUnits.get();
    }

    /** Records {@code instance} with a reservation of each NIC's MAC and IP (when it has one), in one unit. */
    public ManagedInstance putManaged(ManagedInstance instance) {
        return inUnitOfWork(w -> {
            w.insertInstance(instance);
            for (ManagedNic nic : instance.nics()) {
                w.reserveMac(nic.networkId(), nic.mac(), instance.uuid());
                if (nic.ipAddress() != null) {
                    w.reserveIp(nic.networkId(), nic.ipAddress(), instance.uuid());
                }
            }
            return instance;
        });
    }

    // ---- reads -------------------------------------------------------------------------------------------

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        return Optional.ofNullable(committed.instances.get(Objects.requireNonNull(uuid, "uuid")));
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return committed.instances.values().stream().filter(i -> i.name().equals(name)).toList();
    }

    @Override
    public List<ManagedInstance> list() {
        return List.copyOf(committed.instances.values());
    }

    @Override
    public InventoryCatalog catalog() {
        return catalogView;
    }

    // ---- units of work -----------------------------------------------------------------------------------

    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        Objects.requireNonNull(work, "work");
        if (unitLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("units of work cannot be nested: the outer unit would no longer be atomic");
        }
        unitLock.lock();
        StagedWrites writes = new StagedWrites(committed.copy());
        T result;
        try {
            result = work.run(writes);
            trip(Step.COMMIT);
            committed = writes.staged;
            committedUnits.incrementAndGet();
        } catch (RuntimeException | Error e) {
            failedUnits.incrementAndGet();
            throw e;
        } finally {
            writes.open = false;
            unitLock.unlock();
        }
        trip(Step.AFTER_COMMIT);
        return result;
    }

    private void trip(Step step) {
        synchronized (faults) {
            Boolean once = faults.get(step);
            if (once == null) {
                return;
            }
            if (once) {
                faults.remove(step);
            }
        }
        throw new StoreFailureException("injected failure at step " + step.label(), null);
    }

    private Network requireNetwork(String networkId) {
        Network network = networkId == null ? null : networks.get(networkId);
        if (network == null) {
            throw new InvalidRequestException("networkId", String.valueOf(networkId),
                    "the id of a catalog network (one of " + networks.keySet() + ")");
        }
        return network;
    }

    private static String lowestFree(Network network, Map<String, UUID> held) {
        AddressRange range = network.range();
        for (long offset = 0; offset < range.size(); offset++) {
            String candidate = range.addressAt(offset);
            if (!held.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static <T> Map<String, T> byId(List<T> entries, Function<T, String> id) {
        return entries.stream().collect(Collectors.toUnmodifiableMap(id, e -> e, (a, b) -> {
            throw new IllegalArgumentException("catalog has two entries with id " + id.apply(a));
        }));
    }

    /** Everything a unit can change. Copied whole for each unit: the fake favours obvious atomicity over speed. */
    private static final class State {
        final Map<UUID, ManagedInstance> instances = new LinkedHashMap<>();
        final Map<String, Map<String, UUID>> macs = new HashMap<>();
        final Map<String, Map<String, UUID>> ips = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.instances.putAll(instances);
            macs.forEach((net, held) -> copy.macs.put(net, new HashMap<>(held)));
            ips.forEach((net, held) -> copy.ips.put(net, new HashMap<>(held)));
            return copy;
        }

        Map<String, UUID> macsOf(String networkId) {
            return macs.getOrDefault(networkId, Map.of());
        }

        Map<String, UUID> ipsOf(String networkId) {
            return ips.getOrDefault(networkId, Map.of());
        }
    }

    /** The writes of one unit, applied to its private copy of the state. */
    private final class StagedWrites implements Writes {
        final State staged;
        volatile boolean open = true;

        StagedWrites(State staged) {
            this.staged = staged;
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            Objects.requireNonNull(instance, "instance");
            enter(Step.INSERT_INSTANCE);
            if (staged.instances.containsKey(instance.uuid())) {
                throw new AlreadyManagedException(instance.uuid());
            }
            staged.instances.put(instance.uuid(), instance);
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            Objects.requireNonNull(owner, "owner");
            enter(Step.RESERVE_MAC);
            requireNetwork(networkId);
            String normalised = MacAddresses.requireCanonical("mac", mac);
            reserve(staged.macs, networkId, normalised, owner, AddressInUseException.Kind.MAC);
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            Objects.requireNonNull(owner, "owner");
            enter(Step.RESERVE_IP);
            requireNetwork(networkId);
            reserve(staged.ips, networkId, Ipv4Addresses.requireValid("ipAddress", address), owner,
                    AddressInUseException.Kind.IP);
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            Objects.requireNonNull(owner, "owner");
            enter(Step.RESERVE_FREE_IP);
            Network network = requireNetwork(networkId);
            Map<String, UUID> held = staged.ips.computeIfAbsent(networkId, n -> new HashMap<>());
            String free = lowestFree(network, held);
            if (free == null) {
                throw new AddressInUseException(AddressInUseException.Kind.IP, networkId,
                        "every address of " + network.range().first() + "-" + network.range().last());
            }
            held.put(free, owner);
            return free;
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            Objects.requireNonNull(uuid, "uuid");
            enter(Step.REMOVE_INSTANCE);
            ManagedInstance removed = staged.instances.remove(uuid);
            staged.macs.values().forEach(held -> held.values().removeIf(uuid::equals));
            staged.ips.values().forEach(held -> held.values().removeIf(uuid::equals));
            return Optional.ofNullable(removed);
        }

        @Override
        public Optional<ManagedInstance> find(UUID uuid) {
            Objects.requireNonNull(uuid, "uuid");
            requireOpen();
            return Optional.ofNullable(staged.instances.get(uuid));
        }

        private void enter(Step step) {
            requireOpen();
            trip(step);
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("the unit of work is over: its writes can no longer be used");
            }
        }

        private void reserve(Map<String, Map<String, UUID>> table, String networkId, String address, UUID owner,
                             AddressInUseException.Kind kind) {
            Map<String, UUID> held = table.computeIfAbsent(networkId, n -> new HashMap<>());
            UUID holder = held.get(address);
            if (holder != null && !holder.equals(owner)) {
                throw new AddressInUseException(kind, networkId, address);
            }
            held.put(address, owner);
        }
    }

    /** Catalog lookups over the seed catalog and the committed reservations. */
    private final class CatalogView implements InventoryCatalog {
        private final Map<String, Owner> owners = byId(catalog.owners(), Owner::id);
        private final Map<String, ComputeOffering> offerings = byId(catalog.offerings(), ComputeOffering::id);
        private final Map<String, StoragePool> pools = byId(catalog.pools(), StoragePool::id);
        private final Map<String, DiskOffering> diskOfferings = byId(catalog.diskOfferings(), DiskOffering::id);
        private final Map<String, Template> templates = byId(catalog.templates(), Template::id);

        @Override
        public Optional<Owner> owner(String id) {
            return lookup(owners, id);
        }

        @Override
        public Optional<ComputeOffering> offering(String id) {
            return lookup(offerings, id);
        }

        @Override
        public Optional<Network> network(String id) {
            return lookup(networks, id);
        }

        @Override
        public Optional<StoragePool> pool(String id) {
            return lookup(pools, id);
        }

        @Override
        public Optional<DiskOffering> diskOffering(String id) {
            return lookup(diskOfferings, id);
        }

        @Override
        public Optional<Template> template(String id) {
            return lookup(templates, id);
        }

        @Override
        public boolean isIpInUse(String networkId, String address) {
            return address != null && committed.ipsOf(networkId).containsKey(address);
        }

        @Override
        public boolean isMacInUse(String networkId, String mac) {
            return mac != null && committed.macsOf(networkId).containsKey(mac.toLowerCase(Locale.ROOT));
        }

        @Override
        public Optional<String> firstFreeIp(String networkId) {
            Network network = networks.get(networkId);
            return network == null ? Optional.empty()
                    : Optional.ofNullable(lowestFree(network, committed.ipsOf(networkId)));
        }

        @Override
        public Catalog snapshot() {
            return catalog;
        }

        private static <T> Optional<T> lookup(Map<String, T> entries, String id) {
            return id == null ? Optional.empty() : Optional.ofNullable(entries.get(id));
        }
    }
}
