package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.json.DemoCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Management nodes as separate JVM processes ({@link ImportWorker}) importing through the core workflows into
 * one PostgreSQL inventory: the store's guarantees have to hold across processes, and across a process that dies.
 */
@DisplayName("Management nodes in separate processes sharing one PostgreSQL inventory")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MultiProcessImportTest {
    /** Skips (or, in CI, fails) the whole class up front when PostgreSQL is not to be used or not there. */
    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.serverUrl();
    }

    private static final int COUNT = 200;

    @TempDir
    Path logs;
    private PostgresTestDatabase database;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void createInventory() {
        database = PostgresTestDatabase.create();
        try (JdbcInventoryStore store = JdbcInventoryStore.open(database.url())) {
            store.upsertCatalog(DemoCatalog.catalog());
        }
    }

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("two processes importing the same 200 instances at once import each exactly once, "
            + "no address twice, and leave no row of a failed import")
    void twoNodesImportEachInstanceOnce() throws Exception {
        Worker first = start("first", 5);
        Worker second = start("second", 5);
        first.awaitReady();
        second.awaitReady();
        first.go();
        second.go();
        List<String> firstLines = first.finish();
        List<String> secondLines = second.finish();

        Map<String, List<String>> outcomes = new HashMap<>();
        for (List<String> lines : List.of(firstLines, secondLines)) {
            assertThat(lines).last().isEqualTo("DONE");
            lines.stream().filter(l -> l.startsWith("OUTCOME ")).map(l -> l.split(" "))
                    .forEach(p -> outcomes.computeIfAbsent(p[1], k -> new ArrayList<>()).add(p[2] + " " + p[3]));
        }
        Set<String> expected = IntStream.range(0, COUNT).mapToObj(i -> ImportWorker.uuidOf(i).toString())
                .collect(Collectors.toSet());
        assertThat(outcomes.keySet()).isEqualTo(expected);
        outcomes.forEach((uuid, both) -> {
            assertThat(both).as("outcomes of %s", uuid).hasSize(2);
            assertThat(Collections.frequency(both, "SUCCEEDED imported")).as("fresh imports of %s", uuid).isEqualTo(1);
            // The node that lost learns it as "already managed" (at commit, or when it planned after the winner
            // committed), or — when the winner committed between its planning reads — as its planned MAC in use.
            assertThat(both).as("outcomes of %s", uuid).allMatch(o -> o.equals("SUCCEEDED imported")
                    || o.equals("SUCCEEDED already-done") || o.equals("FAILED ALREADY_MANAGED")
                    || o.equals("FAILED IMPORT_REJECTED:MAC_IN_USE"));
        });
        long racesLost = outcomes.values().stream().filter(o -> o.stream().anyMatch(x -> x.startsWith("FAILED")))
                .count();
        System.out.printf("two nodes: %d instances, %d imported by the first node, %d by the second;"
                + " %d times a node lost a race for an instance the other was importing%n", COUNT,
                freshImports(firstLines), freshImports(secondLines), racesLost);

        assertThat(InventoryAudit.of(database.url())).isEqualTo(InventoryAudit.whole(COUNT));
        assertWholeAndDistinct(COUNT);
    }

    @Test
    @DisplayName("a process killed with SIGKILL in the middle of a bulk import leaves only whole imports, "
            + "and the same bulk import run again completes the rest")
    void killedMidwayLeavesWholeImports() throws Exception {
        Worker victim = start("victim", 40);
        victim.awaitReady();
        victim.go();
        int seen = victim.awaitImports(COUNT / 4);
        victim.process.destroyForcibly();
        assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(victim.process.exitValue()).as("exit status after SIGKILL").isEqualTo(137);

        InventoryAudit afterKill = InventoryAudit.of(database.url());
        long survived = afterKill.instances();
        System.out.printf("killed after %d reported imports: %d whole imports committed%n", seen, survived);
        assertThat(survived).isBetween((long) seen, (long) COUNT - 1);
        assertThat(afterKill).isEqualTo(InventoryAudit.whole(survived));

        Worker again = start("rerun", 0);
        again.awaitReady();
        again.go();
        List<String> rerun = again.finish();
        assertThat(rerun).last().isEqualTo("DONE");
        List<String> outcomes = rerun.stream().filter(l -> l.startsWith("OUTCOME ")).toList();
        assertThat(outcomes).hasSize(COUNT).allMatch(l -> l.contains(" SUCCEEDED "));
        assertThat(outcomes.stream().filter(l -> l.endsWith(" imported")).count()).isEqualTo(COUNT - survived);
        assertThat(InventoryAudit.of(database.url())).isEqualTo(InventoryAudit.whole(COUNT));
        assertWholeAndDistinct(COUNT);
    }

    private static long freshImports(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("OUTCOME ") && l.endsWith(" SUCCEEDED imported")).count();
    }

    /** Reads the result back through the store: every instance once, whole, with addresses handed out once. */
    private void assertWholeAndDistinct(int count) {
        try (JdbcInventoryStore store = JdbcInventoryStore.open(database.url())) {
            List<ManagedInstance> all = store.list();
            assertThat(all).hasSize(count);
            assertThat(all.stream().map(ManagedInstance::uuid).collect(Collectors.toSet()))
                    .isEqualTo(IntStream.range(0, count).mapToObj(ImportWorker::uuidOf).collect(Collectors.toSet()));
            List<ManagedNic> nics = all.stream().flatMap(m -> m.nics().stream()).toList();
            assertThat(nics).hasSize(count).allMatch(n -> n.ipAddress() != null);
            assertThat(nics.stream().map(ManagedNic::ipAddress)).doesNotHaveDuplicates();
            assertThat(nics.stream().map(ManagedNic::mac)).doesNotHaveDuplicates();
            var range = store.catalog().network(ImportWorker.NETWORK).orElseThrow().range();
            assertThat(nics).allMatch(n -> range.contains(n.ipAddress()));
            assertThat(all).allMatch(m -> m.disks().size() == 1 && m.disks().get(0).poolId().equals(ImportWorker.POOL));
        }
    }

    private Worker start(String name, long hostLatencyMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs tests from a manifest-only jar; its own property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path stderr = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.dev.unmanaged=warn",
                "-cp", classPath, ImportWorker.class.getName(),
                database.url(), Integer.toString(COUNT), Long.toString(hostLatencyMillis))
                .redirectError(stderr.toFile());
        Process process = builder.start();
        started.add(process);
        return new Worker(name, process, stderr);
    }

    /** A running worker process and what it printed so far. */
    private static final class Worker {
        private final String name;
        private final Process process;
        private final Path stderr;
        private final BufferedReader out;
        private final List<String> lines = new ArrayList<>();

        Worker(String name, Process process, Path stderr) {
            this.name = name;
            this.process = process;
            this.stderr = stderr;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Waits until the worker has opened the store and is about to import. */
        void awaitReady() throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.equals("READY")) {
                    return;
                }
            }
            throw new AssertionError(name + " ended before it was ready; its log: " + log());
        }

        /** Lets the worker start importing. */
        void go() throws IOException {
            process.getOutputStream().write("GO\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
        }

        /** Reads until {@code n} imports were reported committed; returns how many were seen. */
        int awaitImports(int n) throws IOException {
            int imported = 0;
            String line;
            while (imported < n && (line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("IMPORTED ")) {
                    imported++;
                }
            }
            assertThat(imported).as("imports reported by %s before it ended; its log: %s", name, log()).isEqualTo(n);
            return imported;
        }

        /** Reads everything the worker prints and waits for it to exit successfully. */
        List<String> finish() throws IOException, InterruptedException {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", name).isTrue();
            assertThat(process.exitValue()).as("exit status of %s; its log: %s", name, log()).isZero();
            return lines;
        }

        private String log() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }
    }

}
