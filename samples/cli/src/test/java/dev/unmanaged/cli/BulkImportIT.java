package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk import of ten demo VMs from the example plan file, two of which the plan rejects. */
@DisplayName("Bulk import, run as a separate process")
class BulkImportIT {
    private static final Path PLAN = Path.of("examples/demo-plan.json").toAbsolutePath();
    private static final List<String> IMPORTED = List.of("web-01", "web-02", "db-01", "cache-01", "build-runner-07",
            "legacy-erp", "win-ad-01", "ceph-app-01");

    @TempDir
    Path temp;

    @Test
    @DisplayName("10 imports, 4 at a time: 8 recorded, 2 rejected with their problems, exit 1")
    void importsEightAndRejectsTwo() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));

        var dryRun = cli.run("import", "--plan", PLAN.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.out()).contains("8 importable, 2 blocked");
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var result = cli.run("import", "--plan", PLAN.toString(), "--parallel", "4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // Not a terminal: one plain progress line per item, numbered in the order they finished.
        List<String> progress = result.out().lines().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).hasSize(10);
        assertThat(progress.get(0)).startsWith("[ 1/10] ");
        assertThat(progress.get(9)).startsWith("[10/10] ");
        assertThat(progress).filteredOn(l -> l.contains("FAILED")).hasSize(2);
        assertThat(result.out()).contains("8 imported, 2 failed, 0 cancelled");
        assertThat(result.out()).containsPattern("iscsi-db-02 +FAILED +rejected: DISK_POOL_MISMATCH \\(disk sda\\)");
        assertThat(result.out()).containsPattern("backup-01 +FAILED +rejected: DISK_POOL_MISMATCH \\(disk vda\\)");
        assertThat(result.out()).contains("iscsi-db-02 was rejected:", "backup-01 was rejected:");
        for (String name : IMPORTED) {
            assertThat(result.out()).containsPattern(name.replace("-", "\\-") + " +SUCCEEDED +owner acme");
        }

        JsonNode inventory = new ObjectMapper().readTree(cli.run("inventory", "--json").out());
        assertThat(inventory).extracting(i -> i.get("name").asText()).containsExactlyInAnyOrderElementsOf(IMPORTED);
        // Automatic addresses are handed out once each, even with four imports at a time.
        List<String> addresses = inventory.findValuesAsText("ipAddress");
        assertThat(addresses).hasSize(9).doesNotHaveDuplicates();

        var list = cli.run("list");
        assertThat(list.out()).contains("backup-01", "dev-sandbox", "iscsi-db-02", "lab-gpu-01",
                "4 unmanaged instances on 1 host");

        var released = cli.run("unmanage", "build-runner-07", "cache-01", "no-such-vm", "--parallel", "2");
        assertThat(released.exitCode()).as(released.toString()).isEqualTo(1);
        assertThat(released.out()).contains("2 released, 1 failed, 0 cancelled")
                .containsPattern("build-runner-07 +SUCCEEDED +build-runner-07 on demo, now defined persistently")
                .containsPattern("no-such-vm +FAILED +INSTANCE_NOT_FOUND");
        assertThat(cli.run("list").out()).contains("build-runner-07", "cache-01", "6 unmanaged instances on 1 host");
    }

    @Test
    @DisplayName("on a real terminal the tool itself chooses the bar: redrawn in place, no plain progress lines")
    void progressBarOnARealTerminal() throws Exception {
        var cli = new CliProcess(temp.resolve("home-tty"));

        var result = cli.runOnTerminal("import", "--plan", PLAN.toString(), "--parallel", "4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // The terminal turns each line end into CR LF: the bar is everything before the first of them.
        String bar = result.out().split("\r?\n", -1)[0];
        assertThat(bar.split("\r", -1)).as(bar).hasSize(11);
        assertThat(bar).contains("[##############################] 10/10");
        assertThat(result.out()).doesNotContain("[ 1/10]").contains("8 imported, 2 failed, 0 cancelled");
    }

    @Test
    @DisplayName("UNMANAGED_PROGRESS=bar draws the bar whatever the output is")
    void progressBarOnATerminal() throws Exception {
        // The tool cannot be given a real terminal here; UNMANAGED_PROGRESS=bar makes it draw as it would on one.
        var cli = new CliProcess(temp.resolve("home-bar"), java.util.Map.of("UNMANAGED_PROGRESS", "bar"));

        var result = cli.run("import", "--plan", PLAN.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // String.lines() would split at the carriage returns too.
        String bar = result.out().split("\n", -1)[0];
        assertThat(bar.split("\r", -1)).hasSize(11);
        assertThat(bar).contains("[##############################] 10/10");
        assertThat(result.out()).doesNotContain("[ 1/10]");
        assertThat(result.out()).contains("8 imported, 2 failed, 0 cancelled");
    }

    @Test
    @DisplayName("with --json the outcomes are JSON on stdout and the progress lines go to stderr")
    void bulkImportAsJson() throws Exception {
        var cli = new CliProcess(temp.resolve("home-json"));

        var result = cli.run("import", "--plan", PLAN.toString(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode outcomes = new ObjectMapper().readTree(result.out()).get("outcomes");
        assertThat(outcomes).hasSize(10);
        assertThat(outcomes.findValuesAsText("status")).filteredOn("FAILED"::equals).hasSize(2);
        assertThat(outcomes.get(8).at("/error/code").asText()).isEqualTo("IMPORT_REJECTED");
        assertThat(result.err().lines().filter(l -> l.startsWith("["))).hasSize(10);
    }
}
