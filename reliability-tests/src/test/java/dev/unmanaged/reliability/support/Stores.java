package dev.unmanaged.reliability.support;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/** The stores the reliability tests run against, and full snapshots of what each one holds. */
public final class Stores {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Stores() {
    }

    /** Which store. */
    public enum Kind {
        /** The reference in-memory store of the conformance kit. */
        FAKE,
        /** The JDBC store on an embedded H2 database (in memory, one per store). */
        H2
    }

    /** A store seeded with {@code catalog} and a way to take a full snapshot of it. */
    public interface Opened extends AutoCloseable {
        /** The store. */
        InventoryStore store();

        /**
         * Everything the store holds, as comparable text: for H2 every row of every table; for the fake every
         * record and every address reservation (each address of each network's range, and {@code macs}).
         */
        String snapshot(Collection<String> macs);

        /** The data source whose real commits can be failed, for a store opened with {@link #openWithFailingCommits}. */
        default Optional<CommitFailingDataSource> commits() {
            return Optional.empty();
        }

        @Override
        void close();
    }

    /** A new, empty store of {@code kind} with {@code catalog}; on H2 through the store's own connection pool. */
    public static Opened open(Kind kind, Catalog catalog) {
        return switch (kind) {
            case FAKE -> new Fake(new InMemoryInventoryStore(catalog), catalog);
            case H2 -> {
                String url = newH2Url();
                JdbcInventoryStore store = JdbcInventoryStore.open(url);
                store.upsertCatalog(catalog);
                yield new H2(store, url, null);
            }
        };
    }

    /**
     * As {@link #open}, but on H2 over a {@link CommitFailingDataSource} (the caller's-data-source path of the
     * store), so that a real JDBC commit can be failed; the in-memory store has no commit and is opened as usual.
     */
    public static Opened openWithFailingCommits(Kind kind, Catalog catalog) {
        if (kind == Kind.FAKE) {
            return open(kind, catalog);
        }
        String url = newH2Url();
        var dataSource = new CommitFailingDataSource(url);
        JdbcInventoryStore store = JdbcInventoryStore.open(dataSource, "H2 " + url);
        store.upsertCatalog(catalog);
        return new H2(store, url, dataSource);
    }

    private static String newH2Url() {
        return "jdbc:h2:mem:reliability-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    private record Fake(InMemoryInventoryStore store, Catalog catalog) implements Opened {
        @Override
        public String snapshot(Collection<String> macs) {
            return spiSnapshot(store, catalog, macs);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private record H2(JdbcInventoryStore store, String url, CommitFailingDataSource failingCommits) implements Opened {
        @Override
        public String snapshot(Collection<String> macs) {
            return sqlSnapshot(url);
        }

        @Override
        public Optional<CommitFailingDataSource> commits() {
            return Optional.ofNullable(failingCommits);
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
            store.close();
            if (failingCommits != null) {
                failingCommits.close();
            }
        }
    }

    /** Records and reservations as the SPI shows them. */
    public static String spiSnapshot(InventoryStore store, Catalog catalog, Collection<String> macs) {
        var out = new StringBuilder();
        store.list().stream().sorted(Comparator.comparing(ManagedInstance::uuid))
                .forEach(i -> out.append("instance ").append(i).append('\n'));
        reservations(store, catalog, macs).forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /**
     * Every address the store holds reserved, as the SPI shows it: {@code ip NETWORK ADDRESS} for each address of
     * each network's range in use, {@code mac NETWORK MAC} for each of {@code macs} in use on a network.
     */
    public static Set<String> reservations(InventoryStore store, Catalog catalog, Collection<String> macs) {
        Set<String> held = new TreeSet<>();
        for (Network network : catalog.networks()) {
            for (long offset = 0; offset < network.range().size(); offset++) {
                String address = network.range().addressAt(offset);
                if (store.catalog().isIpInUse(network.id(), address)) {
                    held.add("ip " + network.id() + " " + address);
                }
            }
            for (String mac : macs) {
                if (store.catalog().isMacInUse(network.id(), mac)) {
                    held.add("mac " + network.id() + " " + mac);
                }
            }
        }
        return held;
    }

    /** Every row of every table of the database but the migration history, sorted. */
    public static String sqlSnapshot(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.toLowerCase().contains("schema_history")) {
                        tables.add(table);
                    }
                }
            }
            tables.sort(null);
            var out = new StringBuilder();
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        var row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            row.append(' ').append(rs.getMetaData().getColumnName(i)).append('=')
                                    .append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                rows.forEach(r -> out.append(r).append('\n'));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot snapshot " + url + ": " + e.getMessage(), e);
        }
    }
}
