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
     * Takes the lowest free row no other unit holds (see {@link AddressAllocation}) and reserves its address, in
     * one savepoint. When no free row is left, the lowest unfilled block is filled; when the rows and blocks left
     * are all held by other units, this waits for one of them and looks again. A free row whose address turns
     * out reserved (stale) is dropped. When the insert would wait for a unit that waits for this one (possible
     * with a fixed address of another unit among this unit's free rows), the database aborts it as a deadlock:
     * the address is then passed over and the search goes on above it. Every turn of the loop drops a row or a
     * block, raises the lower bound or waits for another unit to end, so it ends at the latest when the range is
     * exhausted.
     */
    @Override
    public String reserveFreeIp(String networkId, UUID owner) {
        requireNetworkId(networkId);
        Objects.requireNonNull(owner, "owner");
        String what = "reserving a free IP on network " + networkId;
        long from = 0;
        long[] range = null;
        while (true) {
            Attempt attempt = takeAndReserve(what, networkId, from, owner);
            switch (attempt.outcome()) {
                case RESERVED:
                    return Ipv4Addresses.fromNumber(attempt.address());
                case STALE:
                    break;
                case CONTENDED:
                    from = attempt.address() + 1;
                    break;
                case NONE_FREE:
                    if (range == null) {
                        range = guarded(what, c -> rangeWithBlocks(c, networkId), null, null);
                        from = Math.max(from, range[0]);
                    }
                    long bottom = from;
                    if (!guarded(what, c -> AddressAllocation.fillLowestBlock(c, networkId, bottom)
                            || AddressAllocation.awaitHeldByOthers(c, networkId, bottom), null, null)) {
                        throw new AddressInUseException(AddressInUseException.Kind.IP, networkId, "every address of "
                                + Ipv4Addresses.fromNumber(range[0]) + "-" + Ipv4Addresses.fromNumber(range[1]));
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown attempt outcome");
            }
        }
    }

    /** What became of one attempt to take a free row and reserve its address. */
    private enum Outcome { RESERVED, NONE_FREE, STALE, CONTENDED }

    /** One attempt's outcome and the address it took (unused for {@link Outcome#NONE_FREE}). */
    private record Attempt(Outcome outcome, long address) {
    }

    /**
     * Takes the lowest free row at or above {@code from} that no other unit holds and reserves its address, in
     * one savepoint. A stale row (its address is reserved) is dropped; an address whose insert the database
     * aborted as a deadlock keeps its row, for the unit that holds it to release or keep.
     */
    private Attempt takeAndReserve(String what, String networkId, long from, UUID owner) {
        requireOpen();
        Savepoint savepoint = savepoint(what);
        long address = -1;
        try {
            OptionalLong free = AddressAllocation.takeLowestFree(connection, networkId, from);
            if (free.isEmpty()) {
                connection.releaseSavepoint(savepoint);
                return new Attempt(Outcome.NONE_FREE, -1);
            }
            address = free.getAsLong();
            AddressRows.insertIp(connection, networkId, address, owner);
            connection.releaseSavepoint(savepoint);
            return new Attempt(Outcome.RESERVED, address);
        } catch (SQLException e) {
            rollBackTo(savepoint, what, e);
            if (address >= 0 && SqlErrors.isUniqueViolation(e)) {
                LOG.debug("IP {} on network {} had a free row but is reserved; dropping the row",
                        Ipv4Addresses.fromNumber(address), networkId);
                long stale = address;
                guarded(what, c -> {
                    AddressAllocation.deleteFree(c, networkId, stale);
                    return null;
                }, null, null);
                return new Attempt(Outcome.STALE, address);
            }
            if (address >= 0 && SqlErrors.isConcurrencyConflict(e)) {
                LOG.debug("IP {} on network {} is held by a unit that waits for this one; passing it over",
                        Ipv4Addresses.fromNumber(address), networkId);
                return new Attempt(Outcome.CONTENDED, address);
            }
            throw SqlErrors.failure(what, e);
        }
    }

    /** The network's range, its blocks cut for it first when they are not (after a migration or a range change). */
    private static long[] rangeWithBlocks(Connection c, String networkId) throws SQLException {
        long[] range = CatalogRows.rangeOf(c, networkId).orElseThrow(() -> unknownNetwork(networkId));
        AddressAllocation.prepare(c, networkId, range[0], range[1]);
        return range;
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
