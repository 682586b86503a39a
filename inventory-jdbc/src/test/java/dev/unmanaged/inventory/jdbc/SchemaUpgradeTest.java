package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.ManagedCpu;
import dev.unmanaged.api.inventory.ManagedDisk;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inventory written by an earlier release is opened by this one: the store migrates it and keeps every row it
 * held. The database is brought to schema version 4 (the last before CPU sizing and the free-address table) with
 * this module's own scripts, filled the way that release wrote it, and then opened as a store.
 */
@DisplayName("An inventory written at schema version 4")
class SchemaUpgradeTest {
    private static final UUID WEB = UUID.fromString("6f1c2b7e-0d2a-4b8e-9a51-3c1f0e7d5a01");
    private static final UUID DB = UUID.fromString("6f1c2b7e-0d2a-4b8e-9a51-3c1f0e7d5a02");
    private static final Instant IMPORTED = Instant.parse("2026-10-01T08:00:00.123456789Z");

    @TempDir
    Path directory;

    @Test
    @DisplayName("keeps its instances, catalog and reservations on H2, and hands out only the addresses they left free")
    void upgradedOnH2() throws Exception {
        upgradeKeepsEverything("jdbc:h2:file:" + directory.resolve("inventory"));
    }

    @Test
    @DisplayName("keeps its instances, catalog and reservations on PostgreSQL, and hands out only the addresses"
            + " they left free")
    void upgradedOnPostgres() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            upgradeKeepsEverything(database.url());
        }
    }

    private static void upgradeKeepsEverything(String url) throws SQLException {
        migrateToVersion4(url);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            writeAsVersion4Did(s);
        }

        try (JdbcInventoryStore store = JdbcInventoryStore.open(url)) {
            ManagedInstance web = store.find(WEB).orElseThrow();
            assertThat(web.name()).isEqualTo("web-01");
            assertThat(web.displayName()).isEqualTo("Web 01");
            assertThat(web.host().address()).isEqualTo("qemu+ssh://root@kvm-1/system");
            assertThat(web.offeringId()).isEqualTo("small");
            assertThat(web.vcpus()).isEqualTo(2);
            assertThat(web.memoryBytes()).isEqualTo(2L << 30);
            assertThat(web.importedAt()).isEqualTo(IMPORTED);
            assertThat(web.nics()).containsExactly(new ManagedNic("52:54:00:00:00:01", "net-a", "10.0.0.10"));
            assertThat(web.disks()).containsExactly(
                    new ManagedDisk("vda", "/var/lib/libvirt/images/web-01.qcow2", "images", "d20", 20L << 30));
            // Nothing was recorded about the CPU before version 5; the record says unknown, not zero.
            assertThat(web.cpu()).isEqualTo(ManagedCpu.UNKNOWN);
            assertThat(web.resizePendingAtStart()).isFalse();
            assertThat(store.findByName("db-01")).extracting(ManagedInstance::uuid).containsExactly(DB);

            ComputeOffering small = store.catalog().offering("small").orElseThrow();
            assertThat(small.minSpeedMhz()).isNull();
            assertThat(small.maxSpeedMhz()).isNull();
            assertThat(small.cpuCapped()).isNull();

            // The free-address table is built over reservations made before it existed.
            UUID next = UUID.randomUUID();
            String first = store.inUnitOfWork(w -> w.reserveFreeIp("net-a", next));
            assertThat(first).isEqualTo("10.0.0.12");
            Optional<ManagedInstance> released = store.inUnitOfWork(w -> w.removeInstance(WEB));
            assertThat(released).isPresent();
            String second = store.inUnitOfWork(w -> w.reserveFreeIp("net-a", next));
            assertThat(second).as("the address the released instance held").isEqualTo("10.0.0.10");
            assertThat(store.list()).extracting(ManagedInstance::uuid).containsExactly(DB);
        }
    }

    /** Applies this module's scripts up to version 4 only, under the history table the store uses. */
    private static void migrateToVersion4(String url) {
        Flyway.configure(SchemaUpgradeTest.class.getClassLoader())
                .dataSource(url, null, null)
                .resourceProvider(new SchemaMigrations())
                .table("unmanaged_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target("4")
                .load()
                .migrate();
    }

    /** The rows an import wrote at version 4: catalog, two instances with their disks, NICs and reservations. */
    private static void writeAsVersion4Did(Statement s) throws SQLException {
        s.executeUpdate("INSERT INTO owners (id, name) VALUES ('acme', 'ACME')");
        s.executeUpdate("INSERT INTO compute_offerings (id, name, custom, min_vcpus, max_vcpus, min_memory_bytes,"
                + " max_memory_bytes) VALUES ('small', 'Small', FALSE, 2, 2, 2147483648, 2147483648)");
        s.executeUpdate("INSERT INTO networks (id, name, range_first, range_last, range_first_num, range_last_num,"
                + " vlan) VALUES ('net-a', 'Network A', '10.0.0.10', '10.0.0.20', 167772170, 167772180, 100)");
        s.executeUpdate("INSERT INTO storage_pools (id, name, path, hypervisor_pool_name)"
                + " VALUES ('images', 'Images', '/var/lib/libvirt/images', 'default')");
        s.executeUpdate("INSERT INTO disk_offerings (id, name, size_bytes, custom)"
                + " VALUES ('d20', '20 GiB', 21474836480, FALSE)");
        for (Object[] row : List.of(
                new Object[] {WEB, "web-01", "Web 01", "52:54:00:00:00:01", "10.0.0.10", 167772170L},
                new Object[] {DB, "db-01", "DB 01", "52:54:00:00:00:02", "10.0.0.11", 167772171L})) {
            String uuid = row[0].toString();
            s.executeUpdate("INSERT INTO managed_instances (uuid, name, display_name, host_id, host_hypervisor,"
                    + " host_address, owner_id, offering_id, template_id, vcpus, memory_bytes, imported_at,"
                    + " imported_at_nano) VALUES ('" + uuid + "', '" + row[1] + "', '" + row[2] + "', 'kvm-1', 'kvm',"
                    + " 'qemu+ssh://root@kvm-1/system', 'acme', 'small', NULL, 2, 2147483648,"
                    + " TIMESTAMP WITH TIME ZONE '2026-10-01 08:00:00.123456+00', 123456789)");
            s.executeUpdate("INSERT INTO managed_disks (instance_uuid, disk_index, target_dev, source, pool_id,"
                    + " disk_offering_id, size_bytes) VALUES ('" + uuid + "', 0, 'vda',"
                    + " '/var/lib/libvirt/images/" + row[1] + ".qcow2', 'images', 'd20', 21474836480)");
            s.executeUpdate("INSERT INTO managed_nics (instance_uuid, nic_index, mac, network_id, ip_address)"
                    + " VALUES ('" + uuid + "', 0, '" + row[3] + "', 'net-a', '" + row[4] + "')");
            s.executeUpdate("INSERT INTO mac_reservations (network_id, mac, instance_uuid)"
                    + " VALUES ('net-a', '" + row[3] + "', '" + uuid + "')");
            s.executeUpdate("INSERT INTO ip_reservations (network_id, address, address_num, instance_uuid)"
                    + " VALUES ('net-a', '" + row[4] + "', " + row[5] + ", '" + uuid + "')");
        }
    }
}
