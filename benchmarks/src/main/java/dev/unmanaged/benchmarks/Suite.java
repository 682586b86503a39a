package dev.unmanaged.benchmarks;

import dev.unmanaged.benchmarks.fanout.FanOutHarness;
import dev.unmanaged.benchmarks.fleet.FleetPlanSuite;
import dev.unmanaged.benchmarks.imports.ImportSuite;
import dev.unmanaged.benchmarks.listing.ListingHarness;
import dev.unmanaged.benchmarks.live.LiveListingSuite;
import dev.unmanaged.benchmarks.live.RemoteListingSuite;
import dev.unmanaged.benchmarks.parse.InterleavedParse;
import dev.unmanaged.benchmarks.parse.ParseSuite;
import dev.unmanaged.benchmarks.vsphere.VsphereListingSuite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark set and writes the results table. Every benchmark measures ours and its baseline in the
 * same process and run, so the ratio is the figure to compare; absolute times depend on the machine.
 *
 * <pre>
 * Suite [--smoke] [--only parse,parse-turns,listing,fanout,import,durability,fleet,live,remote,vsphere]
 * [--out DIR]
 * </pre>
 */
public final class Suite {
    /** The benchmarks in the order they run. */
    public static final List<String> BENCHMARKS = List.of("parse", "parse-turns", "listing", "fanout", "import",
            "durability", "fleet", "live", "remote", "vsphere");

    private Suite() {
    }

    @FunctionalInterface
    interface Benchmark {
        List<ResultRow> run(RunMode mode) throws Exception;
    }

    /** Every benchmark by name. */
    static Map<String, Benchmark> benchmarks() {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("parse", ParseSuite::run);
        all.put("parse-turns", InterleavedParse::run);
        all.put("listing", mode -> mode.smoke() ? new ListingHarness(1, 0, 2).rows(60)
                : new ListingHarness(2, 8, 7).rows(1_000, 10_000));
        all.put("fanout", mode -> new FanOutHarness(mode.smoke() ? FanOutHarness.SMOKE : FanOutHarness.FULL).rows());
        all.put("import", ImportSuite::run);
        all.put("durability", ImportSuite::durability);
        all.put("fleet", FleetPlanSuite::run);
        all.put("live", LiveListingSuite::run);
        all.put("remote", RemoteListingSuite::run);
        all.put("vsphere", VsphereListingSuite::run);
        return all;
    }

    public static void main(String[] args) throws Exception {
        RunMode mode = RunMode.FULL;
        List<String> only = BENCHMARKS;
        Path out = Path.of("benchmarks", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> mode = RunMode.SMOKE;
                case "--only" -> only = List.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Suite [--smoke] [--only " + String.join(",", BENCHMARKS)
                            + "] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        if (!Set.copyOf(BENCHMARKS).containsAll(only)) {
            System.err.println("unknown benchmark in " + only + "; known: " + BENCHMARKS);
            System.exit(2);
        }
        Map<String, List<ResultRow>> rows = runEach(mode, only);
        String report = report(mode, rows);
        Files.createDirectories(out);
        Path file = out.resolve(mode.smoke() ? "smoke.md" : "results.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + file.toAbsolutePath());
    }

    /** Runs the named benchmarks in order and returns every row; a failing benchmark fails the run. */
    public static List<ResultRow> run(RunMode mode, List<String> names) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        runEach(mode, names).values().forEach(rows::addAll);
        return rows;
    }

    /** As {@link #run}, with the rows of each benchmark under its name. */
    static Map<String, List<ResultRow>> runEach(RunMode mode, List<String> names) throws Exception {
        Map<String, Benchmark> all = benchmarks();
        Map<String, List<ResultRow>> rows = new LinkedHashMap<>();
        for (String name : BENCHMARKS) {
            if (names.contains(name)) {
                long start = System.nanoTime();
                System.out.println("== " + name + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
                List<ResultRow> produced = all.get(name).run(mode);
                produced.forEach(r -> System.out.println(r.markdown()));
                System.out.printf(Locale.ROOT, "== %s took %.1f s%n", name, (System.nanoTime() - start) / 1e9);
                rows.put(name, produced);
            }
        }
        return rows;
    }

    /** The Markdown report: machine, date, command, and the table with the command that reproduces each row. */
    static String report(RunMode mode, Map<String, List<ResultRow>> rows) {
        StringBuilder report = new StringBuilder();
        if (mode.smoke()) {
            report.append("Smoke run: every benchmark at a tiny size, once, mostly before the JIT compiler has warmed "
                    + "up; it shows that each benchmark runs, and its figures and verdicts mean nothing.\n\n");
        }
        report.append("Machine: ").append(machine()).append('\n')
                .append("Date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append("Command: `").append(System.getProperty("unmanaged.benchmarks.command",
                        "java -cp benchmarks/target/benchmarks.jar " + Suite.class.getName()
                                + (mode.smoke() ? " --smoke" : ""))).append("`\n\n")
                .append(ResultRow.markdownHeader()).append('\n');
        rows.forEach((name, produced) -> produced.forEach(r -> report.append(r.markdown("`./benchmarks/run.sh --only "
                + name + (mode.smoke() ? " --smoke" : "") + "`")).append('\n')));
        return report.toString();
    }

    /** Cores, memory and JDK of this machine. */
    public static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB memory, %s %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

}
