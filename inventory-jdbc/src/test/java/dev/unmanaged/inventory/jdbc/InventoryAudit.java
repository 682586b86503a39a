package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts in the inventory tables, read with plain SQL beside the store, that tell whether only whole imports
 * are there: every instance with its NIC and disk rows, every NIC with its MAC and IP reservations, and no
 * reservation or row whose instance is missing.
 */
record InventoryAudit(Map<String, Long> counts) {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("instances", "SELECT COUNT(*) FROM managed_instances");
        QUERIES.put("nics", "SELECT COUNT(*) FROM managed_nics");
        QUERIES.put("disks", "SELECT COUNT(*) FROM managed_disks");
        QUERIES.put("mac reservations", "SELECT COUNT(*) FROM mac_reservations");
        QUERIES.put("ip reservations", "SELECT COUNT(*) FROM ip_reservations");
        QUERIES.put("distinct NIC IPs", "SELECT COUNT(DISTINCT network_id || '/' || ip_address) FROM managed_nics");
        QUERIES.put("distinct NIC MACs", "SELECT COUNT(DISTINCT network_id || '/' || mac) FROM managed_nics");
        QUERIES.put("instances without NICs", "SELECT COUNT(*) FROM managed_instances m"
                + " WHERE NOT EXISTS (SELECT 1 FROM managed_nics n WHERE n.instance_uuid = m.uuid)");
        QUERIES.put("instances without disks", "SELECT COUNT(*) FROM managed_instances m"
                + " WHERE NOT EXISTS (SELECT 1 FROM managed_disks d WHERE d.instance_uuid = m.uuid)");
        QUERIES.put("NICs without their MAC reservation", "SELECT COUNT(*) FROM managed_nics n WHERE NOT EXISTS"
                + " (SELECT 1 FROM mac_reservations r WHERE r.network_id = n.network_id AND r.mac = n.mac"
                + " AND r.instance_uuid = n.instance_uuid)");
        QUERIES.put("NICs without their IP reservation", "SELECT COUNT(*) FROM managed_nics n WHERE NOT EXISTS"
                + " (SELECT 1 FROM ip_reservations r WHERE r.network_id = n.network_id AND r.address = n.ip_address"
                + " AND r.instance_uuid = n.instance_uuid)");
        QUERIES.put("orphan MAC reservations", "SELECT COUNT(*) FROM mac_reservations r"
                + " WHERE NOT EXISTS (SELECT 1 FROM managed_instances m WHERE m.uuid = r.instance_uuid)");
        QUERIES.put("orphan IP reservations", "SELECT COUNT(*) FROM ip_reservations r"
                + " WHERE NOT EXISTS (SELECT 1 FROM managed_instances m WHERE m.uuid = r.instance_uuid)");
    }

    static InventoryAudit of(String jdbcUrl) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    counts.put(query.getKey(), rs.getLong(1));
                }
            }
        }
        return new InventoryAudit(counts);
    }

    /** What a consistent inventory of {@code n} single-NIC, single-disk instances counts. */
    static InventoryAudit whole(long n) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : QUERIES.keySet()) {
            boolean defect = name.contains("without") || name.contains("orphan");
            counts.put(name, defect ? 0L : n);
        }
        return new InventoryAudit(counts);
    }

    long instances() {
        return counts.get("instances");
    }
}
