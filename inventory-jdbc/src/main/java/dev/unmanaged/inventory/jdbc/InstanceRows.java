package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes managed instances with their disks and NICs, inside the caller's transaction. */
final class InstanceRows {
    /** Drops an instance by its key; its disks and NICs go with it. */
    static final String DELETE_INSTANCE = "DELETE FROM managed_instances WHERE uuid = ?";
    private static final String INSTANCE_COLUMNS = "uuid, name, display_name, host_id, host_hypervisor,"
            + " host_address, owner_id, offering_id, template_id, vcpus, memory_bytes, imported_at, imported_at_nano,"
            + " cpu_sockets, cpu_dies, cpu_cores, cpu_threads, cpu_mode, cpu_model, cpu_speed_mhz, cpu_cap,"
            + " resize_pending_at_start";

    private InstanceRows() {
    }

    /** Inserts the instance, its disks and its NICs; a second row for the same UUID violates the primary key. */
    static void insert(Connection c, ManagedInstance m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO managed_instances (" + INSTANCE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.uuid().toString());
            ps.setString(2, m.name());
            ps.setString(3, m.displayName());
            ps.setString(4, m.host().id());
            ps.setString(5, m.host().hypervisor());
            ps.setString(6, m.host().address());
            ps.setString(7, m.ownerId());
            ps.setString(8, m.offeringId());
            ps.setString(9, m.templateId());
            ps.setInt(10, m.vcpus());
            ps.setLong(11, m.memoryBytes());
            // Stored truncated to microseconds so that no database rounds it into the next second.
            Instant micros = m.importedAt().truncatedTo(ChronoUnit.MICROS);
            ps.setObject(12, OffsetDateTime.ofInstant(micros, ZoneOffset.UTC));
            ps.setInt(13, m.importedAt().getNano());
            ManagedCpu cpu = m.cpu();
            setNullable(ps, 14, cpu.sockets(), Types.INTEGER);
            setNullable(ps, 15, cpu.dies(), Types.INTEGER);
            setNullable(ps, 16, cpu.cores(), Types.INTEGER);
            setNullable(ps, 17, cpu.threads(), Types.INTEGER);
            ps.setString(18, cpu.mode());
            ps.setString(19, cpu.model());
            setNullable(ps, 20, cpu.speedMhz(), Types.INTEGER);
            setNullable(ps, 21, cpu.cap(), Types.DOUBLE);
            ps.setBoolean(22, m.resizePendingAtStart());
            ps.executeUpdate();
        }
        if (!m.disks().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO managed_disks (instance_uuid, disk_index,"
                    + " target_dev, source, pool_id, disk_offering_id, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int index = 0;
                for (ManagedDisk d : m.disks()) {
                    ps.setString(1, m.uuid().toString());
                    ps.setInt(2, index++);
                    ps.setString(3, d.deviceName());
                    ps.setString(4, d.source());
                    ps.setString(5, d.poolId());
                    ps.setString(6, d.diskOfferingId());
                    if (d.sizeBytes() == null) {
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setLong(7, d.sizeBytes());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!m.nics().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO managed_nics (instance_uuid, nic_index, mac,"
                    + " network_id, ip_address) VALUES (?, ?, ?, ?, ?)")) {
                int index = 0;
                for (ManagedNic n : m.nics()) {
                    ps.setString(1, m.uuid().toString());
                    ps.setInt(2, index++);
                    ps.setString(3, n.mac());
                    ps.setString(4, n.networkId());
                    ps.setString(5, n.ipAddress());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The instance with this UUID, locking its row when {@code forUpdate}. */
    static Optional<ManagedInstance> find(Connection c, UUID uuid, boolean forUpdate) throws SQLException {
        return select(c, "uuid = ?", uuid.toString(), forUpdate).stream().findFirst();
    }

    static boolean exists(Connection c, UUID uuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM managed_instances WHERE uuid = ?")) {
            ps.setString(1, uuid.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<ManagedInstance> findByName(Connection c, String name) throws SQLException {
        return select(c, "name = ?", name, false);
    }

    static List<ManagedInstance> list(Connection c) throws SQLException {
        return select(c, null, null, false);
    }

    /** Deletes the instance (its disks and NICs go with it); true when there was one. */
    static boolean delete(Connection c, UUID uuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE_INSTANCE)) {
            ps.setString(1, uuid.toString());
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Instances matching {@code condition} (every instance when null; it takes {@code parameter} when that is
     * not null), ordered by name, host and UUID, with their disks and NICs. Disks and NICs are read with the same
     * condition, so any selection costs three queries.
     */
    private static List<ManagedInstance> select(Connection c, String condition, String parameter, boolean forUpdate)
            throws SQLException {
        String where = condition == null ? "" : " WHERE " + condition;
        Map<String, InstanceRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INSTANCE_COLUMNS + " FROM managed_instances"
                + where + " ORDER BY name, host_id, uuid" + (forUpdate ? " FOR UPDATE" : ""))) {
            bind(ps, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InstanceRow row = InstanceRow.read(rs);
                    rows.put(row.uuid, row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<ManagedDisk>> disks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.instance_uuid, d.target_dev, d.source, d.pool_id,"
                + " d.disk_offering_id, d.size_bytes FROM managed_disks d WHERE d.instance_uuid IN"
                + " (SELECT uuid FROM managed_instances" + where + ") ORDER BY d.instance_uuid, d.disk_index")) {
            bind(ps, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong(6);
                    Long sizeBytes = rs.wasNull() ? null : size;
                    disks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ManagedDisk(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), sizeBytes));
                }
            }
        }
        Map<String, List<ManagedNic>> nics = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.instance_uuid, n.mac, n.network_id, n.ip_address"
                + " FROM managed_nics n WHERE n.instance_uuid IN (SELECT uuid FROM managed_instances" + where
                + ") ORDER BY n.instance_uuid, n.nic_index")) {
            bind(ps, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ManagedNic(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<ManagedInstance> result = new ArrayList<>(rows.size());
        for (InstanceRow row : rows.values()) {
            result.add(row.toInstance(nics.getOrDefault(row.uuid, List.of()), disks.getOrDefault(row.uuid, List.of())));
        }
        return result;
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value, sqlType);
        }
    }

    private static void bind(PreparedStatement ps, String parameter) throws SQLException {
        if (parameter != null) {
            ps.setString(1, parameter);
        }
    }

    /** The columns of one managed_instances row. */
    private record InstanceRow(String uuid, String name, String displayName, Host host, String ownerId,
                               String offeringId, String templateId, int vcpus, long memoryBytes,
                               Instant importedAt, ManagedCpu cpu, boolean resizePendingAtStart) {
        static InstanceRow read(ResultSet rs) throws SQLException {
            OffsetDateTime at = rs.getObject(12, OffsetDateTime.class);
            Instant importedAt = Instant.ofEpochSecond(at.toEpochSecond(), rs.getInt(13));
            return new InstanceRow(rs.getString(1).trim(), rs.getString(2), rs.getString(3),
                    new Host(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getInt(10), rs.getLong(11), importedAt,
                    new ManagedCpu(rs.getObject(14, Integer.class), rs.getObject(15, Integer.class),
                            rs.getObject(16, Integer.class), rs.getObject(17, Integer.class), rs.getString(18),
                            rs.getString(19), rs.getObject(20, Integer.class), rs.getObject(21, Double.class)),
                    rs.getBoolean(22));
        }

        ManagedInstance toInstance(List<ManagedNic> nics, List<ManagedDisk> disks) {
            return new ManagedInstance(UUID.fromString(uuid), name, displayName, host, ownerId, offeringId, templateId,
                    vcpus, memoryBytes, nics, disks, importedAt, cpu, resizePendingAtStart);
        }
    }
}
