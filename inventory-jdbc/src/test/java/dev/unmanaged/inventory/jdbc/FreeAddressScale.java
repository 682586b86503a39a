package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.inventory.AddressRange;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.net.Ipv4Addresses;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A scale harness, not a test: how long {@code reserveFreeIp} takes on a /16 network whose lowest {@code held}
 * addresses are already reserved, written straight into the reservations table (so the first pick fills and
 * drops the blocks they cover, and later picks show the steady cost). Works in a network of its own and
 * removes it afterwards. Run it as the inventory's documentation shows.
 *
 * <p>Arguments: {@code jdbcUrl held rounds}.
 */
public final class FreeAddressScale {
    private static final long FIRST = Ipv4Addresses.toNumber("10.0.0.1");

    private FreeAddressScale() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int held = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String networkId = "scale-" + UUID.randomUUID();
        try (JdbcInventoryStore store = JdbcInventoryStore.open(url)) {
            store.upsertCatalog(new Catalog(List.of(), List.of(), List.of(new Network(networkId, "scale",
                    new AddressRange("10.0.0.1", "10.0.255.254"), null, Set.of())), List.of(), List.of(), List.of()));
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ip_reservations"
                        + " (network_id, address, address_num, instance_uuid) VALUES (?, ?, ?, ?)")) {
                    for (long n = FIRST; n < FIRST + held; n++) {
                        ps.setString(1, networkId);
                        ps.setString(2, Ipv4Addresses.fromNumber(n));
                        ps.setLong(3, n);
                        ps.setString(4, UUID.randomUUID().toString());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            for (int round = 1; round <= rounds; round++) {
                int picks = 50;
                long start = System.nanoTime();
                for (int i = 0; i < picks; i++) {
                    UUID owner = UUID.randomUUID();
                    store.inUnitOfWork(w -> w.reserveFreeIp(networkId, owner));
                }
                System.out.printf("round %d: %d addresses held, reserveFreeIp (one unit of work each) %.2f ms%n",
                        round, held + (round - 1) * picks, (System.nanoTime() - start) / 1e6 / picks);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url)) {
                for (String table : List.of("ip_reservations", "ip_free_addresses", "ip_unfilled_blocks",
                        "ip_allocation_ranges", "networks")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE "
                            + (table.equals("networks") ? "id" : "network_id") + " = ?")) {
                        ps.setString(1, networkId);
                        ps.executeUpdate();
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
    }
}
