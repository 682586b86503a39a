package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a bulk run of the packaged tool: no further item starts, the running ones
 * finish, the summary is printed, the store is closed after them, and the exit status is 130. What the tool says
 * it did is what the inventory holds.
 */
@DisplayName("Interrupting a bulk run, as a separate process")
class InterruptIT {
    private static final int VMS = 300;
    /** A summary row: the instance, then its status. */
    private static final Pattern SUMMARY_ROW = Pattern.compile("^(vm-\\d{4}) +(SUCCEEDED|FAILED|CANCELLED) ");

    @TempDir
    Path temp;
    private GeneratedHost host;

    @BeforeEach
    void writeHostAndPlan() throws IOException {
        host = GeneratedHost.write(temp, VMS);
    }

    @ParameterizedTest(name = "{0} after {1} progress lines, {2} at a time")
    @CsvSource({"INT, 1, 1", "INT, 40, 1", "INT, 120, 4", "INT, 200, 2", "TERM, 60, 4"})
    @DisplayName("an interrupted bulk import: exit 130, a summary, no driver text, and exactly the reported imports")
    void interruptedImport(String signal, int afterLines, int parallel) throws Exception {
        var cli = new CliProcess(temp.resolve("home"));

        var run = cli.start("import", "--plan", host.plan().toString(), "--parallel", String.valueOf(parallel));
        int seen = awaitProgressLines(run, afterLines);
        run.signal(signal);
        var result = run.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertCleanOutput(result);
        Outcomes outcomes = Outcomes.of(result);
        assertThat(outcomes.failed()).as(result.toString()).isEmpty();
        assertThat(outcomes.succeeded().size()).as(result.toString()).isGreaterThanOrEqualTo(seen);
        assertThat(outcomes.cancelled()).as("items not started: %s", result).isNotEmpty();
        assertThat(outcomes.succeeded().size() + outcomes.cancelled().size()).isEqualTo(VMS);
        assertThat(result.out()).contains(outcomes.succeeded().size() + " imported, 0 failed, "
                + outcomes.cancelled().size() + " cancelled");
        assertThat(temp.resolve("home/inventory/inventory.trace.db")).doesNotExist();

        assertThat(inventoryNames(cli)).isEqualTo(outcomes.succeeded());
        System.out.printf("interrupt: SIG%s after %d lines (%d at a time): %d imported, %d not started%n", signal,
                seen, parallel, outcomes.succeeded().size(), outcomes.cancelled().size());
    }

    @Test
    @DisplayName("an interrupted bulk unmanage: exit 130, and exactly the released instances left the inventory")
    void interruptedUnmanage() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        var imported = cli.run("import", "--plan", host.plan().toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        List<String> arguments = new ArrayList<>(List.of("unmanage", "--parallel", "2"));
        arguments.addAll(host.names());

        var run = cli.start(arguments.toArray(String[]::new));
        awaitProgressLines(run, 30);
        run.signal("INT");
        var result = run.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertCleanOutput(result);
        Outcomes outcomes = Outcomes.of(result);
        assertThat(outcomes.failed()).as(result.toString()).isEmpty();
        assertThat(outcomes.cancelled()).isNotEmpty();
        assertThat(inventoryNames(cli)).isEqualTo(outcomes.cancelled());
        System.out.printf("interrupt: unmanage of %d: %d released, %d not started%n", VMS,
                outcomes.succeeded().size(), outcomes.cancelled().size());
    }

    /** Neither driver nor SQL text nor a stack trace; the summary and the interruption said in the tool's words. */
    private static void assertCleanOutput(CliProcess.Result result) {
        String all = result.out() + result.err();
        assertThat(all).as(result.toString())
                .doesNotContainIgnoringCase("Database is already closed")
                .doesNotContainIgnoringCase("exclusive mode")
                .doesNotContain("SQL", "Exception", "\tat ")
                .doesNotContainPattern("\\[\\d{5}-\\d+]"); // H2's [ERRORCODE-VERSION]
        assertThat(result.out()).contains("Interrupted: the running items finished");
        assertThat(result.err()).contains("Interrupted: no further items start");
    }

    /** Waits until the run has printed {@code lines} progress lines; returns how many it printed by then. */
    private static int awaitProgressLines(CliProcess.Background run, int lines) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long progress = run.outLines().stream().filter(l -> l.startsWith("[")).count();
            if (progress >= lines) {
                return (int) progress;
            }
            assertThat(run.process().isAlive()).as("the run ended before %d progress lines: %s", lines,
                    run.outLines()).isTrue();
            Thread.sleep(5);
        }
        throw new AssertionError("no " + lines + " progress lines in 120 s");
    }

    private static Set<String> inventoryNames(CliProcess cli) throws Exception {
        var inventory = cli.run("inventory", "--json");
        assertThat(inventory.exitCode()).as(inventory.toString()).isZero();
        Set<String> names = new TreeSet<>();
        for (JsonNode instance : new ObjectMapper().readTree(inventory.out())) {
            names.add(instance.get("name").asText());
        }
        return names;
    }

    /** The summary table of a bulk run, by status. */
    private record Outcomes(Set<String> succeeded, Set<String> failed, Set<String> cancelled) {
        static Outcomes of(CliProcess.Result result) {
            var outcomes = new Outcomes(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
            for (String line : result.out().lines().toList()) {
                Matcher row = SUMMARY_ROW.matcher(line);
                if (row.find()) {
                    switch (row.group(2)) {
                        case "SUCCEEDED" -> outcomes.succeeded.add(row.group(1));
                        case "FAILED" -> outcomes.failed.add(row.group(1));
                        default -> outcomes.cancelled.add(row.group(1));
                    }
                }
            }
            assertThat(outcomes.succeeded.size() + outcomes.failed.size() + outcomes.cancelled.size())
                    .as("summary rows in %s", result).isEqualTo(VMS);
            return outcomes;
        }
    }
}
