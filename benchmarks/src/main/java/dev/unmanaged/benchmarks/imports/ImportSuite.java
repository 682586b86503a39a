package dev.unmanaged.benchmarks.imports;

import dev.unmanaged.api.text.SecretRedaction;
import dev.unmanaged.benchmarks.ProjectPaths;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.inventory.jdbc.JdbcInventoryStore;
import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
    /**
     * Rounds of the durability benchmark run before it measures. Without them the JIT compiler was still at work in
     * the fifth round (the CPU per import fell from about 1.8 ms to 0.5 ms over five rounds), and the store run first
     * in a round paid for the compiling: the same store measured against itself came out 0.77–0.99×.
     */
    private static final int DURABILITY_WARM_UP_ROUNDS = 2;

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
        int instances = mode.smoke() ? 40 : 10_000;
        int runs = mode.smoke() ? 1 : 3;
        int window = mode.smoke() ? 10 : 1_000;
        Shape fixed = new Shape(instances, runs, BulkImportHarness.Addressing.FIXED);
        Shape auto = new Shape(instances, runs, BulkImportHarness.Addressing.AUTO);
        List<ResultRow> rows = new ArrayList<>(measureBoth("H2 (embedded file)", fixed, auto, window, true,
                ImportSuite::freshH2));
        String pgUrl = System.getenv().getOrDefault("UNMANAGED_PG_URL", DEFAULT_PG_URL);
        String unreachable = postgresProblem(pgUrl);
        boolean liveSkipped = LiveServices.skipped();
        if (unreachable == null && !liveSkipped) {
            rows.addAll(measureBoth("PostgreSQL", fixed, auto, window, false, () -> freshPostgres(pgUrl)));
        } else if (LiveServices.inCi()) {
            throw new IllegalStateException("PostgreSQL is not reachable in CI: " + unreachable);
        } else {
            rows.add(ResultRow.reported("Bulk import into PostgreSQL", "not measured", "report", null,
                    liveSkipped ? "skipped (-Dlive.skip=true)" : unreachable + "; start it with "
                            + "bash scripts/postgres.sh start"));
        }
        return rows;
    }

    /**
     * The same imports with fixed and with automatic addresses, run after run in turn so that both see the same
     * machine: a row for each, the ratio of their rates, and how the automatic imports' rate holds up as the
     * network fills (the last {@code window} imports against the first).
     */
    private static List<ResultRow> measureBoth(String store, Shape fixed, Shape auto, int window,
                                               boolean fixedTarget, Supplier<JdbcInventoryStore> stores)
            throws InterruptedException {
        List<BulkImportHarness.Result> fixedResults = new ArrayList<>();
        List<BulkImportHarness.Result> autoResults = new ArrayList<>();
        for (int run = 0; run < fixed.runs(); run++) {
            fixedResults.addAll(measure(new Shape(fixed.instances(), 1, fixed.addressing()), stores));
            autoResults.addAll(measure(new Shape(auto.instances(), 1, auto.addressing()), stores));
        }
        Samples fixedRate = new Samples();
        Samples autoRate = new Samples();
        Samples firstRate = new Samples();
        Samples lastRate = new Samples();
        fixedResults.forEach(r -> fixedRate.add(r.importsPerSecond()));
        for (BulkImportHarness.Result r : autoResults) {
            autoRate.add(r.importsPerSecond());
            firstRate.add(r.firstImportsPerSecond(window));
            lastRate.add(r.lastImportsPerSecond(window));
        }
        double ratio = autoRate.median() / fixedRate.median();
        // Times per import: the last window's over the first's is the rates' inverse ratio.
        double slowdown = firstRate.median() / lastRate.median();
        String runsNote = String.format("%,d instances per run, medians of %d alternating run(s) each",
                fixed.instances(), fixed.runs());
        return List.of(row(store, fixed, fixedResults, fixedTarget),
                row(store, auto, autoResults, false),
                ResultRow.compared("Bulk import into " + store + ": automatic IPs vs fixed IPs",
                        ResultRow.number(autoRate.median(), 0) + " imports/s automatic",
                        ResultRow.number(fixedRate.median(), 0) + " imports/s fixed", ratio,
                        "≥ 0.9×", ratio >= 0.9, runsNote + "; ratio is automatic ÷ fixed"),
                ResultRow.reported("Bulk import into " + store + ", automatic IPs: the last "
                                + String.format("%,d", window) + " imports vs the first",
                        ResultRow.number(lastRate.median(), 0) + " imports/s last, "
                                + ResultRow.number(firstRate.median(), 0) + " imports/s first: the last take "
                                + ResultRow.number(slowdown, 2) + "× the first's time per import",
                        "last ≤ 1.3× the first's time", slowdown <= 1.3,
                        runsNote + "; first: from the start to the " + String.format("%,d", window)
                                + "th completed import, last: the final " + String.format("%,d", window)));
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

    /** The cost of durable commits on H2, measured on its own: see {@link #durabilityCost}. */
    public static List<ResultRow> durability(RunMode mode) throws InterruptedException {
        Shape shape = mode.smoke() ? new Shape(40, 1, BulkImportHarness.Addressing.FIXED)
                : new Shape(10_000, 6, BulkImportHarness.Addressing.FIXED);
        return List.of(durabilityCost(shape, mode.smoke() ? 0 : DURABILITY_WARM_UP_ROUNDS));
    }

    /** One way of storing that the durability benchmark measures: its store and what its runs gave. */
    private record StoreVariant(Supplier<JdbcInventoryStore> stores, Samples rate, Samples cpu) {
        StoreVariant(Supplier<JdbcInventoryStore> stores) {
            this(stores, new Samples(), new Samples());
        }
    }

    /**
     * What making every commit durable before it is acknowledged costs on H2: the same bulk import into a store with
     * the defaults (each unit of work appended to the store's redo journal, 1 KiB pages), into one with H2's
     * defaults (its background writer's 500 ms delay: not durable; 4 KiB pages) and into one with H2's own durable
     * {@code WRITE_DELAY=0} (a write per commit, 4 KiB pages), run after run in turn so that all see the same
     * machine, each round in another order so that none is always first, after {@code warmUpRounds} rounds that
     * are not counted. Besides the rate, the process CPU time per import: on a machine other work keeps busy, the
     * rate swings with it, the CPU an import costs much less.
     */
    private static ResultRow durabilityCost(Shape shape, int warmUpRounds) throws InterruptedException {
        Shape once = new Shape(shape.instances(), 1, shape.addressing());
        StoreVariant journaled = new StoreVariant(ImportSuite::freshH2);
        StoreVariant delayed = new StoreVariant(() -> freshH2(";WRITE_DELAY=500;PAGE_SIZE=4096"));
        StoreVariant each = new StoreVariant(() -> freshH2(";WRITE_DELAY=0;PAGE_SIZE=4096"));
        List<StoreVariant> variants = List.of(journaled, delayed, each);
        for (int round = -warmUpRounds; round < shape.runs(); round++) {
            for (int k = 0; k < variants.size(); k++) {
                StoreVariant variant = variants.get(Math.floorMod(round + k, variants.size()));
                measureWithCpu(once, variant.stores(), round >= 0 ? variant.rate() : new Samples(),
                        round >= 0 ? variant.cpu() : new Samples());
            }
        }
        double ratio = journaled.rate().median() / delayed.rate().median();
        return ResultRow.compared("Bulk import into H2: every commit written before it is acknowledged",
                ResultRow.number(journaled.rate().median(), 0) + " imports/s, "
                        + ResultRow.number(journaled.cpu().median(), 3) + " ms CPU per import",
                ResultRow.number(delayed.rate().median(), 0) + " imports/s, "
                        + ResultRow.number(delayed.cpu().median(), 3)
                        + " ms CPU per import with H2's defaults, WRITE_DELAY=500 and 4 KiB pages (a crash loses acknowledged"
                        + " imports)", ratio,
                "≥ 0.8× (costs at most 20 %)", ratio >= 0.8,
                String.format("%,d instances per run, %s, medians of %d run(s) each in rotating order after %d"
                                + " uncounted round(s); per-run ratios %s; CPU per import %.2f× the baseline's; H2's own"
                                + " durable WRITE_DELAY=0 (4 KiB pages) in the same runs: %s imports/s, %s ms CPU per"
                                + " import", shape.instances(), shape.label(), shape.runs(), warmUpRounds,
                        perRunRatios(journaled.rate(), delayed.rate()),
                        journaled.cpu().median() / delayed.cpu().median(), ResultRow.number(each.rate().median(), 0),
                        ResultRow.number(each.cpu().median(), 3)));
    }

    /** The ratio of each run of {@code ours} to the same round's run of {@code baseline}, in round order. */
    private static String perRunRatios(Samples ours, Samples baseline) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < ours.count(); i++) {
            ratios.add(ResultRow.number(ours.values().get(i) / baseline.values().get(i), 2));
        }
        return String.join(", ", ratios);
    }

    private static void measureWithCpu(Shape shape, Supplier<JdbcInventoryStore> stores, Samples rate, Samples cpu)
            throws InterruptedException {
        long before = processCpuNanos();
        BulkImportHarness.Result result = measure(shape, stores).get(0);
        cpu.add((processCpuNanos() - before) / 1e6 / result.imported());
        rate.add(result.importsPerSecond());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
