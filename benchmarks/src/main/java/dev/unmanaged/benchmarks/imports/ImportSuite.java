package dev.unmanaged.benchmarks.imports;

import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.benchmarks.ProjectPaths;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.tck.LiveServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bulk import into the JDBC store on embedded H2 and on PostgreSQL, each run into a fresh, empty database.
 * PostgreSQL is the one {@code scripts/postgres.sh start} runs (or {@code UNMANAGED_PG_URL}); the benchmark
 * uses its own database there, {@value #PG_DATABASE}, dropped and created anew for every run.
 */
public final class ImportSuite {
    static final String PG_DATABASE = "unmanaged_bench";
    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:55432/unmanaged?user=postgres";

    private ImportSuite() {
    }

    /** The sizes of one measurement: instances per bulk import, how many runs, how addresses are given. */
    record Shape(int instances, int runs, BulkImportHarness.Addressing addressing) {
        String label() {
            return addressing == BulkImportHarness.Addressing.FIXED ? "fixed IPs" : "automatic IPs";
        }
    }

    /** Runs both stores; PostgreSQL is reported as not measured when it cannot be reached (outside CI). */
    public static List<ResultRow> run(RunMode mode) throws InterruptedException {
        // Automatic addresses are measured at a smaller size: the store's free-address search grows with the
        // addresses already held (see docs/performance.md).
        List<Shape> shapes = mode.smoke()
                ? List.of(new Shape(40, 1, BulkImportHarness.Addressing.FIXED),
                new Shape(20, 1, BulkImportHarness.Addressing.AUTO))
                : List.of(new Shape(10_000, 3, BulkImportHarness.Addressing.FIXED),
                new Shape(1_000, 3, BulkImportHarness.Addressing.AUTO));
        List<ResultRow> rows = new ArrayList<>();
        for (Shape shape : shapes) {
            rows.add(row("H2 (embedded file)", shape, measure(shape, ImportSuite::freshH2),
                    shape.addressing() == BulkImportHarness.Addressing.FIXED));
        }
        rows.add(durabilityCost(shapes.get(0)));
        String pgUrl = System.getenv().getOrDefault("UNMANAGED_PG_URL", DEFAULT_PG_URL);
        String unreachable = postgresProblem(pgUrl);
        boolean liveSkipped = LiveServices.skipped();
        if (unreachable == null && !liveSkipped) {
            for (Shape shape : shapes) {
                rows.add(row("PostgreSQL", shape, measure(shape, () -> freshPostgres(pgUrl)), false));
            }
        } else if (LiveServices.inCi()) {
            throw new IllegalStateException("PostgreSQL is not reachable in CI: " + unreachable);
        } else {
            rows.add(ResultRow.reported("Bulk import into PostgreSQL", "not measured", "report", null,
                    liveSkipped ? "skipped (-Dlive.skip=true)" : unreachable + "; start it with "
                            + "bash scripts/postgres.sh start"));
        }
        return rows;
    }

    private static List<BulkImportHarness.Result> measure(Shape shape, Supplier<JdbcInventoryStore> stores)
            throws InterruptedException {
        List<BulkImportHarness.Result> results = new ArrayList<>();
        for (int run = 0; run < shape.runs(); run++) {
            try (JdbcInventoryStore store = stores.get()) {
                store.upsertCatalog(BulkImportHarness.catalog());
                BulkImportHarness.Result result = BulkImportHarness.run(store, shape.instances(), run + 1, shape.addressing());
                if (result.failed() > 0) {
                    throw new IllegalStateException(result.failed() + " of " + shape.instances()
                            + " imports failed; the first: " + result.firstFailure());
                }
                if (store.list().size() != shape.instances()) {
                    throw new IllegalStateException("the store holds " + store.list().size() + " instances after "
                            + shape.instances() + " imports");
                }
                results.add(result);
            }
        }
        return results;
    }

    private static ResultRow row(String store, Shape shape, List<BulkImportHarness.Result> results,
                                 boolean target) {
        Samples rate = new Samples();
        Samples p50 = new Samples();
        Samples p99 = new Samples();
        for (BulkImportHarness.Result result : results) {
            rate.add(result.importsPerSecond());
            p50.add(result.importMillis().percentile(50));
            p99.add(result.importMillis().percentile(99));
        }
        String ours = ResultRow.number(rate.median(), 0) + " imports/s; one import p50 "
                + ResultRow.number(p50.median(), 1) + " ms, p99 " + ResultRow.number(p99.median(), 1) + " ms";
        String note = String.format("%,d instances per run, %s, medians of %d run(s), bulk concurrency %d; "
                        + "the peer has no bulk import", shape.instances(), shape.label(), results.size(),
                dev.unmanaged.core.UnmanagedInstances.DEFAULT_BULK_CONCURRENCY);
        String benchmark = "Bulk import into " + store + ", " + shape.label();
        return target
                ? ResultRow.reported(benchmark, ours, "≥ 1,000 imports/s", rate.median() >= 1000, note)
                : ResultRow.reported(benchmark, ours, "report", null, note);
    }

    /**
     * What writing every commit before it is acknowledged costs on H2: the same bulk import into a store with the
     * default (durable) commits and into one whose URL keeps H2's own 500 ms write delay, run after run in turn so
     * that both see the same machine.
     */
    private static ResultRow durabilityCost(Shape shape) throws InterruptedException {
        Shape once = new Shape(shape.instances(), 1, shape.addressing());
        List<BulkImportHarness.Result> durable = new ArrayList<>();
        List<BulkImportHarness.Result> delayed = new ArrayList<>();
        for (int run = 0; run < shape.runs(); run++) {
            durable.addAll(measure(once, ImportSuite::freshH2));
            delayed.addAll(measure(once, () -> freshH2(";WRITE_DELAY=500")));
        }
        Samples durableRate = new Samples();
        Samples delayedRate = new Samples();
        durable.forEach(r -> durableRate.add(r.importsPerSecond()));
        delayed.forEach(r -> delayedRate.add(r.importsPerSecond()));
        double ratio = durableRate.median() / delayedRate.median();
        return ResultRow.compared("Bulk import into H2: every commit written before it is acknowledged",
                ResultRow.number(durableRate.median(), 0) + " imports/s",
                ResultRow.number(delayedRate.median(), 0) + " imports/s with WRITE_DELAY=500 (a crash loses"
                        + " acknowledged imports)", ratio, "≥ 0.8× (costs at most 20 %)", ratio >= 0.8,
                String.format("%,d instances per run, %s, medians of %d alternating run(s) each",
                        shape.instances(), shape.label(), shape.runs()));
    }

    private static JdbcInventoryStore freshH2() {
        return freshH2("");
    }

    private static JdbcInventoryStore freshH2(String settings) {
        Path directory = ProjectPaths.emptyScratch("import-h2");
        return settings.isEmpty() ? JdbcInventoryStore.openH2(directory)
                : JdbcInventoryStore.open("jdbc:h2:file:" + directory.resolve("inventory") + settings);
    }

    private static JdbcInventoryStore freshPostgres(String url) {
        try (Connection admin = DriverManager.getConnection(url);
             Statement statement = admin.createStatement()) {
            admin.setAutoCommit(true);
            statement.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + PG_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + PG_DATABASE + ": " + e.getMessage(), e);
        }
        return JdbcInventoryStore.open(withDatabase(url, PG_DATABASE));
    }

    /** {@code url} with its database name replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    /** Null when PostgreSQL answers at {@code url}, else why not. */
    private static String postgresProblem(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.isValid(5) ? null
                    : "PostgreSQL at " + SecretRedaction.redact(url) + " opened a connection that is not valid";
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + SecretRedaction.redact(url) + " ("
                    + SecretRedaction.redact(e.getMessage()) + ")";
        }
    }
}
