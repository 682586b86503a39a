package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tool reports as done survives {@code kill -9} at the very moment it reports it: the tool runs as a
 * separate process, its standard output is read as it writes, and the process is killed as soon as the report
 * line arrives. The embedded inventory is then read by a new run.
 */
@DisplayName("An outcome the tool reports survives kill -9 at the moment of the report")
class CrashAfterReportIT {
    private static final int SINGLE_ROUNDS = 20;
    private static final int BULK_SIZE = 420;
    private static final int BULK_KILLS = 3;
    private static final Pattern IMPORTED = Pattern.compile("^Imported (\\S+) \\(.*");
    private static final Pattern RECORDED_ADDRESS = Pattern.compile("^  nic +.* IP (\\S+).*");
    private static final Pattern RELEASED = Pattern.compile("^Released (\\S+) \\(.*");
    private static final Pattern BULK_IMPORTED = Pattern.compile("^\\[ *\\d+/\\d+] (\\S+): imported$");

    @TempDir
    Path temp;
    private CliProcess cli;
    private String host;
    /** Kills after which the inventory's redo journal was there to replay: the tool was killed with it open. */
    private int killsWithJournal;

    @BeforeEach
    void hostWithManyInstances() throws IOException {
        cli = new CliProcess(temp.resolve("home"));
        Path node = temp.resolve("many.xml");
        Files.writeString(node, nodeFile(BULK_SIZE));
        host = "test://" + node.toAbsolutePath();
    }

    @Test
    @DisplayName("20 single imports, each killed as it prints 'Imported' or the address it recorded: every one is"
            + " in the inventory, with that address")
    void singleImports() throws Exception {
        assertThat(cli.run("inventory").exitCode()).isZero();
        int lost = 0;
        for (int round = 0; round < SINGLE_ROUNDS; round++) {
            String name = vm(round);
            // Even rounds die at the first line of the report, odd ones at the line that names the address.
            Pattern killAt = round % 2 == 0 ? IMPORTED : RECORDED_ADDRESS;
            List<String> report = runUntil(killAt.asPredicate(), "import", name, "--connect", host,
                    "--owner", "acme", "--offering", "custom", "--network", "guest", "--ip", "auto",
                    "--pool", "local-images");
            assertThat(report).as("round %d printed no report line", round).isNotEmpty();
            Map<String, JsonNode> inventory = inventory();
            if (!inventory.containsKey(name)) {
                lost++;
                continue;
            }
            Matcher printed = RECORDED_ADDRESS.matcher(report.get(report.size() - 1));
            if (printed.matches()) {
                assertThat(inventory.get(name).findValue("ipAddress").asText()).as("the address of %s", name)
                        .isEqualTo(printed.group(1).replaceAll("[^0-9.]", ""));
            }
        }
        System.out.println("crash: " + SINGLE_ROUNDS + " single imports killed at their report, lost " + lost
                + "; a redo journal was left by " + killsWithJournal + " kills");
        assertThat(lost).as("imports reported, then lost").isZero();
        // The tool closes the store (which deletes the journal) a few milliseconds after its report: a kill may land
        // after that, the more often the busier the machine. Most land before, with the import only in the journal
        // (19 of 20 on a machine of 2 cores with other builds running); at least one must, or the journal's replay
        // was not what this test exercised.
        assertThat(killsWithJournal).as("kills that left the inventory's redo journal").isPositive();
    }

    @Test
    @DisplayName("20 single unmanages, each killed as it prints 'Released': none is in the inventory any more")
    void singleUnmanages() throws Exception {
        Path plan = planFile(SINGLE_ROUNDS);
        var imported = cli.run("import", "--plan", plan.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        int lost = 0;
        for (int round = 0; round < SINGLE_ROUNDS; round++) {
            String name = vm(round);
            List<String> report = runUntil(RELEASED.asPredicate(), "unmanage", name);
            assertThat(report).as("round %d printed no 'Released' line", round).isNotEmpty();
            if (inventory().containsKey(name)) {
                lost++;
            }
        }
        System.out.println("crash: " + SINGLE_ROUNDS + " single unmanages killed at their report, lost " + lost);
        assertThat(lost).as("releases reported, then undone").isZero();
        assertThat(inventory()).isEmpty();
    }

    @Test
    @DisplayName("a bulk import of 420 killed at random points three times: every item reported imported is in the"
            + " inventory, and a last run completes the rest with distinct addresses")
    void bulkImportKilledAtRandomPoints() throws Exception {
        Path plan = planFile(BULK_SIZE);
        Random random = new Random(20261204L);
        Set<String> reported = new HashSet<>();
        int lost = 0;
        for (int kill = 0; kill < BULK_KILLS; kill++) {
            int after = 1 + random.nextInt(BULK_SIZE - 20);
            var lines = new ArrayList<String>();
            runUntil(line -> {
                Matcher m = BULK_IMPORTED.matcher(line);
                if (m.matches()) {
                    lines.add(m.group(1));
                }
                return lines.size() >= after;
            }, "import", "--plan", plan.toString(), "--parallel", "4");
            reported.addAll(lines);
            Set<String> held = inventory().keySet();
            for (String name : lines) {
                if (!held.contains(name)) {
                    lost++;
                }
            }
        }
        System.out.println("crash: bulk import of " + BULK_SIZE + " killed " + BULK_KILLS + " times, "
                + reported.size() + " items reported imported, lost " + lost);
        assertThat(lost).as("bulk items reported imported, then lost").isZero();

        var rest = cli.run("import", "--plan", plan.toString(), "--parallel", "4");
        // An item imported by a killed run is done already under the same request: it succeeds, and the totals
        // count it apart from what this run imported.
        Matcher totals = Pattern.compile(
                "(\\d+) imported, (\\d+) already managed under the same request, 0 failed, 0 cancelled")
                .matcher(rest.out());
        assertThat(totals.find()).as(rest.toString()).isTrue();
        assertThat(Integer.parseInt(totals.group(1)) + Integer.parseInt(totals.group(2))).isEqualTo(BULK_SIZE);
        assertThat(Integer.parseInt(totals.group(2))).isGreaterThanOrEqualTo(reported.size());
        Map<String, JsonNode> inventory = inventory();
        assertThat(inventory).hasSize(BULK_SIZE);
        List<String> addresses = inventory.values().stream().map(i -> i.findValue("ipAddress").asText()).toList();
        assertThat(addresses).doesNotHaveDuplicates().hasSize(BULK_SIZE);
    }

    /**
     * Runs the tool and kills it with SIGKILL as soon as a line of its standard output matches {@code report};
     * returns every line read up to then, or an empty list when the tool ended without such a line.
     */
    private List<String> runUntil(Predicate<String> report, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", CliProcess.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("UNMANAGED_HOME", temp.resolve("home").toString());
        builder.environment().remove("UNMANAGED_PROGRESS");
        Process process = builder.start();
        process.getOutputStream().close();
        var lines = new ArrayList<String>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (report.test(line)) {
                    process.destroyForcibly();  // SIGKILL: no shutdown hook, no store close
                    process.waitFor(30, TimeUnit.SECONDS);
                    if (Files.exists(temp.resolve("home").resolve("inventory").resolve("inventory.redo"))) {
                        killsWithJournal++;
                    }
                    return lines;
                }
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return List.of();
    }

    /** The managed instances by name, read by a new run of the tool. */
    private Map<String, JsonNode> inventory() throws Exception {
        var result = cli.run("inventory", "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        var byName = new HashMap<String, JsonNode>();
        for (JsonNode instance : new ObjectMapper().readTree(result.out())) {
            byName.put(instance.get("name").asText(), instance);
        }
        return byName;
    }

    private Path planFile(int count) throws IOException {
        var imports = new StringBuilder();
        for (int i = 0; i < count; i++) {
            imports.append(i == 0 ? "" : ",\n").append("    {\"instance\": \"").append(vm(i)).append("\"}");
        }
        Path plan = temp.resolve("plan-" + count + ".json");
        Files.writeString(plan, """
                {
                  "defaults": {"host": "%s", "owner": "acme", "offering": "custom", "network": "guest",
                               "ip": "auto", "pool": "local-images"},
                  "imports": [
                %s
                  ]
                }
                """.formatted(host, imports));
        return plan;
    }

    private static String vm(int index) {
        return "vm-%03d".formatted(index);
    }

    /** A test-driver node file of {@code count} small running instances, one disk and one NIC each. */
    private static String nodeFile(int count) {
        var node = new StringBuilder("<node xmlns:test=\"http://libvirt.org/schemas/domain/test/1.0\">\n");
        for (int i = 0; i < count; i++) {
            node.append("""
                      <domain type="kvm">
                        <name>%s</name>
                        <uuid>00000000-0000-4000-8000-%012d</uuid>
                        <memory unit="MiB">512</memory>
                        <vcpu>1</vcpu>
                        <os><type arch="x86_64" machine="pc-q35-8.2">hvm</type></os>
                        <devices>
                          <disk type="file" device="disk">
                            <driver name="qemu" type="qcow2"/>
                            <source file="/var/lib/libvirt/images/%1$s.qcow2"/>
                            <target dev="vda" bus="virtio"/>
                          </disk>
                          <interface type="bridge">
                            <mac address="52:54:00:7c:%02x:%02x"/>
                            <source bridge="br-guest"/>
                            <model type="virtio"/>
                          </interface>
                        </devices>
                        <test:runstate>1</test:runstate>
                      </domain>
                    """.formatted(vm(i), i, i / 256, i % 256));
        }
        return node.append("</node>\n").toString();
    }
}
