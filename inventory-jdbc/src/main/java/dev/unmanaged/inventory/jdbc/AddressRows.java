package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.net.Ipv4Addresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/** Reads and writes IP and MAC reservations, inside the caller's transaction. */
final class AddressRows {
    /**
     * The address after the end of the first run of consecutive reserved addresses of {@code [first, last]},
     * given that {@code first} is reserved. Reads the network's reservations in address order (its primary key)
     * and stops at the first gap, so it costs as many index entries as the run is long.
     */
    private static final String AFTER_FIRST_RUN = "SELECT g.address_num + 1 FROM ("
            + " SELECT r.address_num, LEAD(r.address_num) OVER (ORDER BY r.address_num) AS next_num"
            + " FROM ip_reservations r WHERE r.network_id = ? AND r.address_num >= ? AND r.address_num <= ?"
            + ") g WHERE (g.next_num IS NULL OR g.next_num > g.address_num + 1) AND g.address_num < ?"
            + " ORDER BY g.address_num FETCH FIRST 1 ROWS ONLY";

    private AddressRows() {
    }

    static void insertMac(Connection c, String networkId, String mac, UUID owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mac_reservations (network_id, mac, instance_uuid) VALUES (?, ?, ?)")) {
            ps.setString(1, networkId);
            ps.setString(2, mac);
            ps.setString(3, owner.toString());
            ps.executeUpdate();
        }
    }

    static void insertIp(Connection c, String networkId, long address, UUID owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ip_reservations (network_id, address, address_num, instance_uuid) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, networkId);
            ps.setString(2, Ipv4Addresses.fromNumber(address));
            ps.setLong(3, address);
            ps.setString(4, owner.toString());
            ps.executeUpdate();
        }
    }

    /**
     * The lowest free address of the range as this transaction sees it, empty when every address is held, read
     * from the reservations alone: it costs as many index entries as the run of held addresses from
     * {@code first} is long. {@link AddressAllocation#lowestFree} is the constant-time way for prepared networks.
     */
    static OptionalLong lowestFree(Connection c, String networkId, long first, long last) throws SQLException {
        if (!ipHeld(c, networkId, first)) {
            return OptionalLong.of(first);
        }
        try (PreparedStatement ps = c.prepareStatement(AFTER_FIRST_RUN)) {
            ps.setString(1, networkId);
            ps.setLong(2, first);
            ps.setLong(3, last);
            ps.setLong(4, last);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The instance holding the address, empty when none does. */
    static Optional<UUID> ipHolder(Connection c, String networkId, long address) throws SQLException {
        return holder(c, "SELECT instance_uuid FROM ip_reservations WHERE network_id = ? AND address_num = ?",
                networkId, address);
    }

    /** The instance holding the MAC, empty when none does. */
    static Optional<UUID> macHolder(Connection c, String networkId, String mac) throws SQLException {
        return holder(c, "SELECT instance_uuid FROM mac_reservations WHERE network_id = ? AND mac = ?", networkId, mac);
    }

    static boolean ipHeld(Connection c, String networkId, long address) throws SQLException {
        return exists(c, "SELECT 1 FROM ip_reservations WHERE network_id = ? AND address_num = ?", networkId, address);
    }

    static boolean macHeld(Connection c, String networkId, String mac) throws SQLException {
        return exists(c, "SELECT 1 FROM mac_reservations WHERE network_id = ? AND mac = ?", networkId, mac);
    }

    /** Releases every IP and MAC the instance holds; its IPs become free for automatic reservations again. */
    static void releaseAll(Connection c, UUID owner) throws SQLException {
        Map<String, List<Long>> ips = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT network_id, address_num FROM ip_reservations WHERE instance_uuid = ?")) {
            ps.setString(1, owner.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ips.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        for (String table : new String[] {"ip_reservations", "mac_reservations"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE instance_uuid = ?")) {
                ps.setString(1, owner.toString());
                ps.executeUpdate();
            }
        }
        for (Map.Entry<String, List<Long>> released : ips.entrySet()) {
            AddressAllocation.release(c, released.getKey(), released.getValue());
        }
    }

    private static Optional<UUID> holder(Connection c, String sql, String networkId, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, networkId);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(UUID.fromString(rs.getString(1).trim())) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String networkId, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, networkId);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
