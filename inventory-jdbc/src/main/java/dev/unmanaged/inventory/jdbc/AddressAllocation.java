package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The tables behind automatic addresses, inside the caller's transaction. A network's range is cut into blocks
 * ({@code ip_unfilled_blocks}); filling a block writes its addresses that are not reserved into
 * {@code ip_free_addresses}, and an automatic reservation takes the lowest free row no other transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}). So a reservation reads one index entry, whatever the number of addresses
 * already held, and concurrent reservations take different rows instead of waiting for each other. The lowest
 * free address is handed out first: blocks are filled lowest first, each only when no filled block has a free
 * row left, and a released address goes back to the free rows (or stays in its unfilled block).
 *
 * <p>Rows of {@code ip_free_addresses} may turn stale: a fixed reservation of an address that is free here does
 * not remove its row (that would cost every fixed reservation a statement). The reservation's insert then meets
 * the held address and the row is dropped; {@link #lowestFree} skips such rows.
 */
final class AddressAllocation {
    /** A network's range is cut into at most about this many blocks. */
    private static final long MAX_BLOCKS = 1024;
    /** ... of at least this many addresses each, so that a small range is filled in a few steps. */
    private static final long MIN_BLOCK_SIZE = 16;

    /** Rows of one table of this class, each keyed by network and a number, as {@link #lockLowest} reads them. */
    private enum Rows {
        FREE("ip_free_addresses", "address_num", "address_num"),
        BLOCKS("ip_unfilled_blocks", "block_first", "block_last");

        private final String table;
        private final String key;
        /** The column compared with the lower bound: a block counts when its last address reaches it. */
        private final String upper;

        Rows(String table, String key, String upper) {
            this.table = table;
            this.key = key;
            this.upper = upper;
        }

        /**
         * The lowest rows at or above the bound whose key is above the second parameter, in key order (the
         * primary key's order, so that H2 reads no more rows than it returns).
         */
        String lowest(int count, String locking) {
            return "SELECT " + key + " FROM " + table + " WHERE network_id = ? AND " + upper + " >= ?"
                    + " AND " + key + " > ? ORDER BY network_id, " + key + " FETCH FIRST " + count + " ROWS ONLY"
                    + locking;
        }

        String lockOne() {
            return "SELECT " + key + " FROM " + table + " WHERE network_id = ? AND " + key + " = ?"
                    + " FOR UPDATE SKIP LOCKED";
        }
    }

    /** How many candidate rows H2 reads at a time before locking them one by one. */
    private static final int H2_CANDIDATES = 16;
    /** The lowest free row whose address is not reserved, as committed; stale rows are passed over. */
    private static final String LOWEST_UNHELD_FREE = "SELECT f.address_num FROM ip_free_addresses f"
            + " WHERE f.network_id = ? AND f.address_num >= ? AND f.address_num <= ? AND NOT EXISTS (SELECT 1"
            + " FROM ip_reservations r WHERE r.network_id = f.network_id AND r.address_num = f.address_num)"
            + " ORDER BY f.network_id, f.address_num FETCH FIRST 1 ROWS ONLY";

    /** Drops one free row by its key. */
    static final String DELETE_FREE_ROW = "DELETE FROM ip_free_addresses WHERE network_id = ? AND address_num = ?";
    /** Drops one unfilled block by its key, once it is filled. */
    static final String DELETE_UNFILLED_BLOCK =
            "DELETE FROM ip_unfilled_blocks WHERE network_id = ? AND block_first = ?";

    private AddressAllocation() {
    }

    /** A block of a range: the addresses {@code [first, last]}. */
    record Block(long first, long last) {
    }

    /**
     * Cuts the network's range into blocks unless that was done for this very range; a changed range drops the
     * blocks and free rows of the old one. Called whenever the catalog writes a network, and before the first
     * automatic reservation of a network that was written before these tables existed. When two transactions cut
     * the same network at once, the second one finds the first one's range row and leaves its blocks.
     */
    static void prepare(Connection c, String networkId, long first, long last) throws SQLException {
        Optional<long[]> prepared = preparedRange(c, networkId);
        if (prepared.isPresent() && prepared.get()[0] == first && prepared.get()[1] == last) {
            return;
        }
        for (String table : List.of("ip_free_addresses", "ip_unfilled_blocks", "ip_allocation_ranges")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE network_id = ?")) {
                ps.setString(1, networkId);
                ps.executeUpdate();
            }
        }
        if (!RowInserts.insertIfAbsent(c, "INSERT INTO ip_allocation_ranges (network_id, range_first_num,"
                + " range_last_num) VALUES (?, ?, ?)", networkId, first, last)) {
            return; // another transaction cut the same network meanwhile
        }
        long size = last - first + 1;
        long blockSize = Math.max(MIN_BLOCK_SIZE, (size + MAX_BLOCKS - 1) / MAX_BLOCKS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ip_unfilled_blocks (network_id, block_first, block_last) VALUES (?, ?, ?)")) {
            for (long start = first; start <= last; start += blockSize) {
                ps.setString(1, networkId);
                ps.setLong(2, start);
                ps.setLong(3, Math.min(last, start + blockSize - 1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The range the network's blocks were cut from, empty when they were not (yet) cut. */
    static Optional<long[]> preparedRange(Connection c, String networkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT range_first_num, range_last_num"
                + " FROM ip_allocation_ranges WHERE network_id = ?")) {
            ps.setString(1, networkId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    /**
     * Takes (locks and deletes) the lowest free row at or above {@code from} that no other transaction holds;
     * empty when there is none.
     */
    static OptionalLong takeLowestFree(Connection c, String networkId, long from) throws SQLException {
        OptionalLong address = lockLowest(c, Rows.FREE, networkId, from);
        if (address.isPresent()) {
            deleteFree(c, networkId, address.getAsLong());
        }
        return address;
    }

    /**
     * Fills the lowest unfilled block ending at or above {@code from}: writes its addresses that are not reserved
     * as free rows and drops the block. When another transaction is filling that block, this waits for it (so
     * that blocks are filled in order and the lowest addresses are handed out first) and reports progress
     * without filling: its rows are then there to take. Only when that wait would close a cycle (the database
     * aborts it as a deadlock or a lock timeout) is the block passed over for the next one no one fills.
     *
     * @return false when no unfilled block is left at or above {@code from}
     */
    static boolean fillLowestBlock(Connection c, String networkId, long from) throws SQLException {
        List<Long> lowest = lowestKeys(c, Rows.BLOCKS.lowest(1, ""), networkId, from, -1);
        if (lowest.isEmpty()) {
            return false;
        }
        OptionalLong first;
        Savepoint savepoint = c.setSavepoint();
        try {
            first = firstKey(c, "SELECT block_first FROM ip_unfilled_blocks WHERE network_id = ?"
                    + " AND block_first = ? FOR UPDATE", networkId, lowest.get(0));
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (!SqlErrors.isConcurrencyConflict(e)) {
                throw e;
            }
            first = lockLowest(c, Rows.BLOCKS, networkId, from);
        }
        if (first.isEmpty()) {
            return true; // filled by the transaction this one waited for: its free rows are there now
        }
        Block block;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT block_first, block_last FROM ip_unfilled_blocks WHERE network_id = ? AND block_first = ?")) {
            ps.setString(1, networkId);
            ps.setLong(2, first.getAsLong());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                block = new Block(rs.getLong(1), rs.getLong(2));
            }
        }
        Set<Long> held = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT address_num FROM ip_reservations"
                + " WHERE network_id = ? AND address_num >= ? AND address_num <= ?")) {
            ps.setString(1, networkId);
            ps.setLong(2, block.first());
            ps.setLong(3, block.last());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ip_free_addresses (network_id, address_num) VALUES (?, ?)")) {
            for (long address = block.first(); address <= block.last(); address++) {
                if (!held.contains(address)) {
                    ps.setString(1, networkId);
                    ps.setLong(2, address);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(DELETE_UNFILLED_BLOCK)) {
            ps.setString(1, networkId);
            ps.setLong(2, block.first());
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * Waits for a free row or unfilled block at or above {@code from} that another transaction holds, when there
     * is one: true when there was one to wait for (the caller looks again), false when the range has nothing
     * left at or above {@code from}.
     */
    static boolean awaitHeldByOthers(Connection c, String networkId, long from) throws SQLException {
        OptionalLong free = firstKey(c, "SELECT address_num FROM ip_free_addresses WHERE network_id = ?"
                + " AND address_num >= ? ORDER BY network_id, address_num FETCH FIRST 1 ROWS ONLY", networkId, from);
        if (free.isPresent()) {
            lockKey(c, "SELECT address_num FROM ip_free_addresses WHERE network_id = ? AND address_num = ?"
                    + " FOR UPDATE", networkId, free.getAsLong());
            return true;
        }
        OptionalLong block = firstKey(c, "SELECT block_first FROM ip_unfilled_blocks WHERE network_id = ?"
                + " AND block_last >= ? ORDER BY network_id, block_first FETCH FIRST 1 ROWS ONLY", networkId, from);
        if (block.isPresent()) {
            lockKey(c, "SELECT block_first FROM ip_unfilled_blocks WHERE network_id = ? AND block_first = ?"
                    + " FOR UPDATE", networkId, block.getAsLong());
            return true;
        }
        return false;
    }

    /** Drops a free row, e.g. one found stale: its address is reserved. */
    static void deleteFree(Connection c, String networkId, long address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE_FREE_ROW)) {
            ps.setString(1, networkId);
            ps.setLong(2, address);
            ps.executeUpdate();
        }
    }

    /**
     * Makes released addresses free again: each one inside the prepared range whose block is filled gets its
     * free row back; one in an unfilled block is found when that block is filled. Waits for a block another
     * transaction is filling, so that the address is not missed by both.
     */
    static void release(Connection c, String networkId, List<Long> addresses) throws SQLException {
        Optional<long[]> range = preparedRange(c, networkId);
        if (range.isEmpty()) {
            return; // cut on first use, from the reservations as they are then
        }
        for (long address : addresses) {
            if (address < range.get()[0] || address > range.get()[1] || inUnfilledBlock(c, networkId, address)) {
                continue;
            }
            // When the row is there, the address was free already: its row had turned stale.
            RowInserts.insertIfAbsent(c, "INSERT INTO ip_free_addresses (network_id, address_num) VALUES (?, ?)",
                    networkId, address);
        }
    }

    /**
     * The lowest address of {@code [first, last]} that is not reserved, as committed, from the prepared
     * tables: the lowest free row that is not stale, or the lowest unreserved address of an unfilled block below
     * it. The caller has checked that the network's blocks were cut for this range.
     */
    static OptionalLong lowestFree(Connection c, String networkId, long first, long last) throws SQLException {
        OptionalLong free;
        try (PreparedStatement ps = c.prepareStatement(LOWEST_UNHELD_FREE)) {
            ps.setString(1, networkId);
            ps.setLong(2, first);
            ps.setLong(3, last);
            try (ResultSet rs = ps.executeQuery()) {
                free = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
        long below = free.isPresent() ? free.getAsLong() - 1 : last;
        try (PreparedStatement ps = c.prepareStatement("SELECT block_first, block_last FROM ip_unfilled_blocks"
                + " WHERE network_id = ? AND block_first <= ? ORDER BY network_id, block_first")) {
            ps.setString(1, networkId);
            ps.setLong(2, below);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OptionalLong inBlock = AddressRows.lowestFree(c, networkId,
                            rs.getLong(1), Math.min(rs.getLong(2), below));
                    if (inBlock.isPresent()) {
                        return inBlock;
                    }
                }
            }
        }
        return free;
    }

    /**
     * Locks the lowest row at or above {@code from} that no other transaction holds and returns its key; empty
     * when there is none. PostgreSQL does it in one statement: with {@code FETCH FIRST 1 ROWS ONLY FOR UPDATE
     * SKIP LOCKED} it locks the one row it returns. H2 (2.3) locks every row matching the condition before it
     * applies the limit, which would take all of them from the other transactions; so on H2 the lowest rows are
     * read without a lock and locked one at a time by their key.
     */
    private static OptionalLong lockLowest(Connection c, Rows rows, String networkId, long from) throws SQLException {
        if (!isH2(c)) {
            return lowestKeys(c, rows.lowest(1, " FOR UPDATE SKIP LOCKED"), networkId, from, -1).stream()
                    .mapToLong(Long::longValue).findFirst();
        }
        long after = -1;
        while (true) {
            List<Long> candidates = lowestKeys(c, rows.lowest(H2_CANDIDATES, ""), networkId, from, after);
            for (long key : candidates) {
                if (firstKey(c, rows.lockOne(), networkId, key).isPresent()) {
                    return OptionalLong.of(key);
                }
            }
            if (candidates.size() < H2_CANDIDATES) {
                return OptionalLong.empty();
            }
            after = candidates.get(candidates.size() - 1);
        }
    }

    private static List<Long> lowestKeys(Connection c, String sql, String networkId, long from, long after)
            throws SQLException {
        List<Long> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, networkId);
            ps.setLong(2, from);
            ps.setLong(3, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
        }
        return keys;
    }

    private static boolean isH2(Connection c) throws SQLException {
        return "H2".equals(c.getMetaData().getDatabaseProductName());
    }

    private static boolean inUnfilledBlock(Connection c, String networkId, long address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT block_first FROM ip_unfilled_blocks"
                + " WHERE network_id = ? AND block_first <= ? AND block_last >= ? FOR UPDATE")) {
            ps.setString(1, networkId);
            ps.setLong(2, address);
            ps.setLong(3, address);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static OptionalLong firstKey(Connection c, String sql, String networkId, long from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, networkId);
            ps.setLong(2, from);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static void lockKey(Connection c, String sql, String networkId, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, networkId);
            ps.setLong(2, key);
            ps.executeQuery().close();
        }
    }
}
