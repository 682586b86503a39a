package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.AddressInUseException;
import dev.unmanaged.api.error.AlreadyManagedException;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.net.Ipv4Addresses;
import dev.unmanaged.api.net.MacAddresses;
import dev.unmanaged.api.spi.InventoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of one unit of work, on the unit's own connection and transaction. Each write that can collide
 * runs in a savepoint, so a refused write leaves the transaction usable (PostgreSQL would otherwise abort it)
 * and the unit may go on, e.g. with another address. Like the JDBC connection under it, it serves the thread
 * that runs the unit.
 */
final class JdbcWrites implements InventoryStore.Writes {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcWrites.class);

    private final Connection connection;
    private volatile boolean open = true;

    JdbcWrites(Connection connection) {
        this.connection = connection;
    }

    /** Ends this view: the unit of work is over and its connection goes back to the pool. */
    void close() {
        open = false;
    }

    @Override
    public void insertInstance(ManagedInstance instance) {
        Objects.requireNonNull(instance, "instance");
        ColumnWidths.check(instance);
        guarded("recording instance " + instance.uuid(), c -> {
            InstanceRows.insert(c, instance);
            return null;
        }, c -> {
            throw new AlreadyManagedException(instance.uuid());
        }, null);
    }

    @Override
    public void reserveMac(String networkId, String mac, UUID owner) {
        requireNetworkId(networkId);
        Objects.requireNonNull(owner, "owner");
        String normalized = MacAddresses.requireCanonical("mac", mac);
        guarded("reserving MAC " + normalized + " on network " + networkId, c -> {
            AddressRows.insertMac(c, networkId, normalized, owner);
            return null;
        }, c -> {
            // Reserving again what the same instance already holds is no conflict.
            if (AddressRows.macHolder(c, networkId, normalized).filter(owner::equals).isPresent()) {
                return null;
            }
            throw new AddressInUseException(AddressInUseException.Kind.MAC, networkId, normalized);
        }, () -> unknownNetwork(networkId));
    }

    @Override
    public void reserveIp(String networkId, String address, UUID owner) {
        requireNetworkId(networkId);
        Objects.requireNonNull(owner, "owner");
        long number = Ipv4Addresses.toNumber(Ipv4Addresses.requireValid("ipAddress", address));
        guarded("reserving IP " + address + " on network " + networkId, c -> {
            AddressRows.insertIp(c, networkId, number, owner);
            return null;
        }, c -> {
            if (AddressRows.ipHolder(c, networkId, number).filter(owner::equals).isPresent()) {
                return null;
            }
            throw new AddressInUseException(AddressInUseException.Kind.IP, networkId, address);
        }, () -> unknownNetwork(networkId));
    }

    /**
     * Picks the lowest free address, then inserts it. When another transaction took the same address first,
     * the insert waits for it and then fails on the primary key; the next pick sees that address as held
     * (read committed). When the wait would close a cycle (two units each holding an address the other picked,
     * possible with several NICs), the database aborts the insert as a deadlock: the address is then passed
     * over and the pick goes on above it. Either way the loop ends at the latest when the range is exhausted.
     */
    @Override
    public String reserveFreeIp(String networkId, UUID owner) {
        requireNetworkId(networkId);
        Objects.requireNonNull(owner, "owner");
        String what = "reserving a free IP on network " + networkId;
        long[] range = guarded(what, c -> CatalogRows.rangeOf(c, networkId), null, null)
                .orElseThrow(() -> unknownNetwork(networkId));
        long first = range[0];
        long last = range[1];
        long from = first;
        for (long attempt = 0; attempt <= last - first && from <= last; attempt++) {
            long lowest = from;
            OptionalLong candidate = guarded(what, c -> AddressRows.lowestFree(c, networkId, lowest, last), null, null);
            if (candidate.isEmpty()) {
                break;
            }
            long address = candidate.getAsLong();
            switch (tryToReserve(what, networkId, address, owner)) {
                case RESERVED:
                    return Ipv4Addresses.fromNumber(address);
                case TAKEN:
                    LOG.debug("IP {} on network {} was taken concurrently; picking the next free one",
                            Ipv4Addresses.fromNumber(address), networkId);
                    break;
                case CONTENDED:
                    LOG.debug("IP {} on network {} is held by a unit that waits for this one; passing it over",
                            Ipv4Addresses.fromNumber(address), networkId);
                    from = address + 1;
                    break;
                default:
                    throw new IllegalStateException("unknown attempt outcome");
            }
        }
        throw new AddressInUseException(AddressInUseException.Kind.IP, networkId,
                "every address of " + Ipv4Addresses.fromNumber(first) + "-" + Ipv4Addresses.fromNumber(last));
    }

    /** What became of one attempt to reserve a picked address. */
    private enum Attempt { RESERVED, TAKEN, CONTENDED }

    private Attempt tryToReserve(String what, String networkId, long address, UUID owner) {
        requireOpen();
        Savepoint savepoint = savepoint(what);
        try {
            AddressRows.insertIp(connection, networkId, address, owner);
            connection.releaseSavepoint(savepoint);
            return Attempt.RESERVED;
        } catch (SQLException e) {
            rollBackTo(savepoint, what, e);
            if (SqlErrors.isUniqueViolation(e)) {
                return Attempt.TAKEN;
            }
            if (SqlErrors.isConcurrencyConflict(e)) {
                return Attempt.CONTENDED;
            }
            throw SqlErrors.failure(what, e);
        }
    }

    @Override
    public Optional<ManagedInstance> removeInstance(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return guarded("removing instance " + uuid, c -> {
            Optional<ManagedInstance> found = InstanceRows.find(c, uuid, true);
            // The delete decides: when a concurrent unit removed it first, this one removed nothing.
            boolean removed = found.isPresent() && InstanceRows.delete(c, uuid);
            AddressRows.releaseAll(c, uuid);
            return removed ? found : Optional.<ManagedInstance>empty();
        }, null, null);
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return guarded("reading instance " + uuid, c -> InstanceRows.find(c, uuid, false), null, null);
    }

    /**
     * Runs {@code work} in a savepoint. When a unique constraint refuses a row, the savepoint is rolled back and
     * {@code onDuplicate} decides (it returns the result or throws the typed error); when a foreign key finds no
     * parent row, {@code onMissingParent}'s error is thrown. Any other database failure becomes a
     * {@link dev.unmanaged.api.error.StoreFailureException}.
     */
    private <T> T guarded(String what, SqlWork<T> work, SqlWork<T> onDuplicate,
                          Supplier<RuntimeException> onMissingParent) {
        requireOpen();
        Savepoint savepoint = savepoint(what);
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            rollBackTo(savepoint, what, e);
            if (onMissingParent != null && SqlErrors.isMissingParent(e)) {
                throw onMissingParent.get();
            }
            if (onDuplicate == null || !SqlErrors.isUniqueViolation(e)) {
                throw SqlErrors.failure(what, e);
            }
            try {
                return onDuplicate.run(connection);
            } catch (SQLException again) {
                again.addSuppressed(e);
                throw SqlErrors.failure(what, again);
            }
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the unit of work is over: its writes can no longer be used");
        }
    }

    private Savepoint savepoint(String what) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw SqlErrors.failure(what, e);
        }
    }

    private void rollBackTo(Savepoint savepoint, String what, SQLException cause) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            throw SqlErrors.failure(what, cause);
        }
    }

    private static InvalidRequestException unknownNetwork(String networkId) {
        return new InvalidRequestException("networkId", networkId, "the id of a catalog network");
    }

    private static void requireNetworkId(String networkId) {
        if (networkId == null || networkId.isBlank()) {
            throw new InvalidRequestException("networkId", String.valueOf(networkId), "the id of a catalog network");
        }
    }
}
