package dev.unmanaged.api.spi;

import dev.unmanaged.api.inventory.ManagedInstance;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The orchestrator's inventory of managed instances, and its catalog. Uniqueness is the store's guarantee,
 * across threads and across processes sharing the store: an instance is managed once; a MAC and an IP are
 * reserved once per network. Implementations must be thread-safe.
 *
 * <p>The conformance kit {@code dev.unmanaged.tck.InventoryStoreContract} (module hypervisor-spi-tck) holds an
 * implementation to the contracts stated here.
 */
public interface InventoryStore extends AutoCloseable {
    /** The managed instance with this UUID, exactly as inserted; empty when it is not managed. */
    Optional<ManagedInstance> find(UUID uuid);

    /**
     * Managed instances with this name (names are unique per host, not across hosts: two hosts' instances of one
     * name are both returned); empty when there is none.
     */
    List<ManagedInstance> findByName(String name);

    /** Every managed instance, each once. */
    List<ManagedInstance> list();

    /** True when the instance is managed. */
    default boolean isManaged(UUID uuid) {
        return find(uuid).isPresent();
    }

    /** Catalog lookups. */
    InventoryCatalog catalog();

    /**
     * Runs {@code work} as one atomic unit and returns its result: either everything it wrote is committed, or —
     * when it throws — nothing is (no instance, no MAC, no IP, and a removal is undone), and the same exception
     * reaches the caller; the store stays usable. Until the unit returns, its writes are invisible to other readers.
     * Conflicts surface as typed errors ({@link dev.unmanaged.api.error.AlreadyManagedException},
     * {@link dev.unmanaged.api.error.AddressInUseException}); other failures as
     * {@link dev.unmanaged.api.error.StoreFailureException}.
     */
    <T> T inUnitOfWork(UnitOfWork<T> work);

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {
    }

    /** Work done atomically against a {@link Writes} view. */
    @FunctionalInterface
    interface UnitOfWork<T> {
        /** Does the work; throwing discards every write. */
        T run(Writes writes);
    }

    /** The writes available inside a unit of work. Each one sees the writes made before it in the same unit. */
    interface Writes {
        /**
         * Records a managed instance with its disks. Its NICs' MACs and IPs must be reserved with
         * {@link #reserveMac} and {@link #reserveIp} / {@link #reserveFreeIp} in the same unit. Of any number of
         * threads or processes inserting one UUID, exactly one succeeds; once removed, it may be inserted again.
         *
         * @throws dev.unmanaged.api.error.AlreadyManagedException when the UUID is already managed
         */
        void insertInstance(ManagedInstance instance);

        /**
         * Reserves {@code mac} on the network for the instance. MACs are compared ignoring letter case; one MAC may
         * be reserved on two different networks.
         *
         * @throws dev.unmanaged.api.error.AddressInUseException when another instance holds it
         */
        void reserveMac(String networkId, String mac, UUID owner);

        /**
         * Reserves a fixed {@code address} on the network for the instance; one address may be reserved on two
         * different networks.
         *
         * @throws dev.unmanaged.api.error.AddressInUseException when it is held
         */
        void reserveIp(String networkId, String address, UUID owner);

        /**
         * Reserves the lowest free address of the network's range; never hands one address out twice, also to
         * many threads at once. An address freed by a removal is handed out again.
         *
         * @throws dev.unmanaged.api.error.AddressInUseException when the range is exhausted (what was reserved
         *                                                       stays reserved)
         */
        String reserveFreeIp(String networkId, UUID owner);

        /**
         * Removes the instance and releases every MAC and IP reservation it holds, for others to take; returns the
         * removed record, or empty when it was not managed.
         */
        Optional<ManagedInstance> removeInstance(UUID uuid);

        /** The instance as this unit sees it, its own uncommitted writes included. */
        Optional<ManagedInstance> find(UUID uuid);
    }
}
