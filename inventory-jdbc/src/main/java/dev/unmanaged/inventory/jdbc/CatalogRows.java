package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.net.Ipv4Addresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and writes the catalog tables. Every method works inside the caller's transaction. */
final class CatalogRows {
    static final String OFFERING = "OFFERING";
    static final String NETWORK = "NETWORK";
    static final String POOL = "POOL";
    static final String DISK_OFFERING = "DISK_OFFERING";
    static final String TEMPLATE = "TEMPLATE";

    private static final String OWNER_COLUMNS = "id, name";
    private static final String OFFERING_COLUMNS =
            "id, name, custom, min_vcpus, max_vcpus, min_memory_bytes, max_memory_bytes, min_cpu_speed_mhz,"
                    + " max_cpu_speed_mhz, cpu_capped";
    private static final String NETWORK_COLUMNS =
            "id, name, range_first, range_last, range_first_num, range_last_num, vlan";
    private static final String POOL_COLUMNS = "id, name, path, hypervisor_pool_name";
    private static final String DISK_OFFERING_COLUMNS = "id, name, size_bytes, custom";
    private static final String TEMPLATE_COLUMNS = "id, name, os_type";

    private CatalogRows() {
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    static Optional<Owner> owner(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + OWNER_COLUMNS + " FROM owners WHERE id = ?", id,
                rs -> new Owner(rs.getString(1), rs.getString(2)));
    }

    static Optional<ComputeOffering> offering(Connection c, String id) throws SQLException {
        Set<String> owners = entryOwners(c, OFFERING, id);
        return one(c, "SELECT " + OFFERING_COLUMNS + " FROM compute_offerings WHERE id = ?", id,
                rs -> offering(rs, owners));
    }

    static Optional<Network> network(Connection c, String id) throws SQLException {
        Set<String> owners = entryOwners(c, NETWORK, id);
        return one(c, "SELECT " + NETWORK_COLUMNS + " FROM networks WHERE id = ?", id, rs -> network(rs, owners));
    }

    static Optional<StoragePool> pool(Connection c, String id) throws SQLException {
        Set<String> owners = entryOwners(c, POOL, id);
        return one(c, "SELECT " + POOL_COLUMNS + " FROM storage_pools WHERE id = ?", id, rs -> pool(rs, owners));
    }

    static Optional<DiskOffering> diskOffering(Connection c, String id) throws SQLException {
        Set<String> owners = entryOwners(c, DISK_OFFERING, id);
        return one(c, "SELECT " + DISK_OFFERING_COLUMNS + " FROM disk_offerings WHERE id = ?", id,
                rs -> diskOffering(rs, owners));
    }

    static Optional<Template> template(Connection c, String id) throws SQLException {
        Set<String> owners = entryOwners(c, TEMPLATE, id);
        return one(c, "SELECT " + TEMPLATE_COLUMNS + " FROM templates WHERE id = ?", id,
                rs -> template(rs, owners));
    }

    /** The whole catalog, each kind ordered by id. */
    static Catalog snapshot(Connection c) throws SQLException {
        Map<String, Map<String, Set<String>>> owners = allEntryOwners(c);
        return new Catalog(
                all(c, "SELECT " + OWNER_COLUMNS + " FROM owners ORDER BY id",
                        rs -> new Owner(rs.getString(1), rs.getString(2))),
                all(c, "SELECT " + OFFERING_COLUMNS + " FROM compute_offerings ORDER BY id",
                        rs -> offering(rs, ownersOf(owners, OFFERING, rs.getString(1)))),
                all(c, "SELECT " + NETWORK_COLUMNS + " FROM networks ORDER BY id",
                        rs -> network(rs, ownersOf(owners, NETWORK, rs.getString(1)))),
                all(c, "SELECT " + POOL_COLUMNS + " FROM storage_pools ORDER BY id",
                        rs -> pool(rs, ownersOf(owners, POOL, rs.getString(1)))),
                all(c, "SELECT " + DISK_OFFERING_COLUMNS + " FROM disk_offerings ORDER BY id",
                        rs -> diskOffering(rs, ownersOf(owners, DISK_OFFERING, rs.getString(1)))),
                all(c, "SELECT " + TEMPLATE_COLUMNS + " FROM templates ORDER BY id",
                        rs -> template(rs, ownersOf(owners, TEMPLATE, rs.getString(1)))));
    }

    /** True when the catalog holds nothing at all. */
    static boolean isEmpty(Connection c) throws SQLException {
        String sql = "SELECT (SELECT COUNT(*) FROM owners) + (SELECT COUNT(*) FROM compute_offerings)"
                + " + (SELECT COUNT(*) FROM networks) + (SELECT COUNT(*) FROM storage_pools)"
                + " + (SELECT COUNT(*) FROM disk_offerings) + (SELECT COUNT(*) FROM templates)";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** The range of the network as {@code [first, last]} numbers, empty when there is no such network. */
    static Optional<long[]> rangeOf(Connection c, String networkId) throws SQLException {
        return one(c, "SELECT range_first_num, range_last_num FROM networks WHERE id = ?", networkId,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    // ---- writes --------------------------------------------------------------------------------------------

    /**
     * Inserts or updates every entry of {@code catalog} and replaces each entry's owner list. Entries the
     * catalog does not name are left alone. Safe against another process seeding the same catalog at once.
     */
    static void upsert(Connection c, Catalog catalog) throws SQLException {
        for (Owner o : catalog.owners()) {
            upsertRow(c, "UPDATE owners SET name = ? WHERE id = ?",
                    "INSERT INTO owners (name, id) VALUES (?, ?)", o.id(), o.name());
        }
        for (ComputeOffering o : catalog.offerings()) {
            upsertRow(c, "UPDATE compute_offerings SET name = ?, custom = ?, min_vcpus = ?, max_vcpus = ?,"
                            + " min_memory_bytes = ?, max_memory_bytes = ?, min_cpu_speed_mhz = ?, max_cpu_speed_mhz = ?,"
                            + " cpu_capped = ? WHERE id = ?",
                    "INSERT INTO compute_offerings (name, custom, min_vcpus, max_vcpus, min_memory_bytes,"
                            + " max_memory_bytes, min_cpu_speed_mhz, max_cpu_speed_mhz, cpu_capped, id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    o.id(), o.name(), o.custom(), o.minVcpus(), o.maxVcpus(), o.minMemoryBytes(), o.maxMemoryBytes(),
                    o.minSpeedMhz(), o.maxSpeedMhz(), o.cpuCapped());
            replaceEntryOwners(c, OFFERING, o.id(), o.ownerIds());
        }
        for (Network n : catalog.networks()) {
            AddressRange r = n.range();
            upsertRow(c, "UPDATE networks SET name = ?, range_first = ?, range_last = ?, range_first_num = ?,"
                            + " range_last_num = ?, vlan = ? WHERE id = ?",
                    "INSERT INTO networks (name, range_first, range_last, range_first_num, range_last_num, vlan, id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    n.id(), n.name(), r.first(), r.last(), Ipv4Addresses.toNumber(r.first()),
                    Ipv4Addresses.toNumber(r.last()), n.vlan());
            AddressAllocation.prepare(c, n.id(), Ipv4Addresses.toNumber(r.first()), Ipv4Addresses.toNumber(r.last()));
            replaceEntryOwners(c, NETWORK, n.id(), n.ownerIds());
        }
        for (StoragePool p : catalog.pools()) {
            upsertRow(c, "UPDATE storage_pools SET name = ?, path = ?, hypervisor_pool_name = ? WHERE id = ?",
                    "INSERT INTO storage_pools (name, path, hypervisor_pool_name, id) VALUES (?, ?, ?, ?)",
                    p.id(), p.name(), p.path(), p.hostPoolName());
            replaceEntryOwners(c, POOL, p.id(), p.ownerIds());
        }
        for (DiskOffering d : catalog.diskOfferings()) {
            upsertRow(c, "UPDATE disk_offerings SET name = ?, size_bytes = ?, custom = ? WHERE id = ?",
                    "INSERT INTO disk_offerings (name, size_bytes, custom, id) VALUES (?, ?, ?, ?)",
                    d.id(), d.name(), d.sizeBytes(), d.custom());
            replaceEntryOwners(c, DISK_OFFERING, d.id(), d.ownerIds());
        }
        for (Template t : catalog.templates()) {
            upsertRow(c, "UPDATE templates SET name = ?, os_type = ? WHERE id = ?",
                    "INSERT INTO templates (name, os_type, id) VALUES (?, ?, ?)", t.id(), t.name(), t.osType());
            replaceEntryOwners(c, TEMPLATE, t.id(), t.ownerIds());
        }
    }

    /**
     * Updates the row, or inserts it when there is none. The insert runs in a savepoint: when another
     * transaction inserted the same id meanwhile, its row is updated instead.
     * Both statements take the values in order, with the id last.
     */
    private static void upsertRow(Connection c, String update, String insert, String id, Object... values)
            throws SQLException {
        if (execute(c, update, id, values) > 0) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            execute(c, insert, id, values);
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            execute(c, update, id, values);
        }
    }

    private static int execute(Connection c, String sql, String id, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                ps.setObject(i++, value);
            }
            ps.setString(i, id);
            return ps.executeUpdate();
        }
    }

    private static void replaceEntryOwners(Connection c, String kind, String entryId, Set<String> wanted)
            throws SQLException {
        Set<String> present = entryOwners(c, kind, entryId);
        for (String gone : present) {
            if (!wanted.contains(gone)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM catalog_entry_owners WHERE entry_kind = ? AND entry_id = ? AND owner_id = ?")) {
                    ps.setString(1, kind);
                    ps.setString(2, entryId);
                    ps.setString(3, gone);
                    ps.executeUpdate();
                }
            }
        }
        for (String owner : wanted) {
            if (present.contains(owner)) {
                continue;
            }
            // When another transaction granted the same owner meanwhile, the row we wanted is there.
            RowInserts.insertIfAbsent(c, "INSERT INTO catalog_entry_owners (entry_kind, entry_id, owner_id)"
                    + " VALUES (?, ?, ?)", kind, entryId, owner);
        }
    }

    // ---- row mapping ---------------------------------------------------------------------------------------

    private static ComputeOffering offering(ResultSet rs, Set<String> owners) throws SQLException {
        return new ComputeOffering(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                rs.getLong(6), rs.getLong(7), owners, rs.getObject(8, Integer.class), rs.getObject(9, Integer.class),
                rs.getObject(10, Boolean.class));
    }

    private static Network network(ResultSet rs, Set<String> owners) throws SQLException {
        int vlan = rs.getInt(7);
        boolean untagged = rs.wasNull();
        return new Network(rs.getString(1), rs.getString(2), new AddressRange(rs.getString(3), rs.getString(4)),
                untagged ? null : vlan, owners);
    }

    private static StoragePool pool(ResultSet rs, Set<String> owners) throws SQLException {
        return new StoragePool(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), owners);
    }

    private static DiskOffering diskOffering(ResultSet rs, Set<String> owners) throws SQLException {
        return new DiskOffering(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4), owners);
    }

    private static Template template(ResultSet rs, Set<String> owners) throws SQLException {
        return new Template(rs.getString(1), rs.getString(2), rs.getString(3), owners);
    }

    private static Set<String> entryOwners(Connection c, String kind, String entryId) throws SQLException {
        Set<String> owners = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT owner_id FROM catalog_entry_owners WHERE entry_kind = ? AND entry_id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
        }
        return owners;
    }

    private static Map<String, Map<String, Set<String>>> allEntryOwners(Connection c) throws SQLException {
        Map<String, Map<String, Set<String>>> byKind = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entry_kind, entry_id, owner_id FROM catalog_entry_owners");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byKind.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new HashSet<>())
                        .add(rs.getString(3));
            }
        }
        return byKind;
    }

    private static Set<String> ownersOf(Map<String, Map<String, Set<String>>> byKind, String kind, String id) {
        return byKind.getOrDefault(kind, Map.of()).getOrDefault(id, Set.of());
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> one(Connection c, String sql, String id, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    private static <T> List<T> all(Connection c, String sql, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }
}
