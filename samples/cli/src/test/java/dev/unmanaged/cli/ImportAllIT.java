package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.tck.LiveServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --all}: every unmanaged instance of several hosts, mapped by the example map file. */
@DisplayName("Importing whole hosts under a map file, run as a separate process")
class ImportAllIT {
    private static final Path MAP = Path.of("examples/demo-map.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private List<String> hostsArgs(GeneratedHost... hosts) {
        var args = new ArrayList<String>(List.of("--connect", "demo"));
        for (GeneratedHost host : hosts) {
            args.add("--connect");
            args.add("test://" + host.nodeFile());
        }
        return args;
    }

    private static String[] command(List<String> hosts, String... rest) {
        var args = new ArrayList<String>(List.of("import", "--all", "--map", MAP.toString(), "--owner", "acme"));
        args.addAll(hosts);
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    @Test
    @DisplayName("a dry run plans every instance of three hosts into one JSON document and writes nothing; the"
            + " import then records the importable ones and lists the blocked ones with their problems")
    void dryRunThenImport() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        GeneratedHost first = GeneratedHost.write(temp, 3, 1);
        GeneratedHost second = GeneratedHost.write(temp, 4, 2);
        List<String> hosts = hostsArgs(first, second);

        var dryRun = cli.run(command(hosts, "--dry-run", "--json"));

        JsonNode document = JSON.readTree(dryRun.out());
        JsonNode plans = document.get("plans");
        assertThat(plans).hasSize(12 + 3 + 4);
        assertThat(document.get("failures")).isEmpty();
        assertThat(plans).allSatisfy(plan -> assertThat(plan.has("importable")).isTrue());
        long importable = 0;
        for (JsonNode plan : plans) {
            importable += plan.get("importable").asBoolean() ? 1 : 0;
        }
        JsonNode webPlan = find(plans, "web-01");
        assertThat(webPlan.at("/request/networkByMac").elements().next().asText()).isEqualTo("prod");
        assertThat(webPlan.at("/request/offeringId").asText()).isEqualTo("custom");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var result = cli.run(command(hosts, "--parallel", "4"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        long blocked = plans.size() - importable;
        assertThat(result.out()).contains(importable + " imported, 0 failed, 0 cancelled, " + blocked + " blocked",
                "Blocked, not imported:");
        assertThat(result.out()).containsPattern("vm-0003 on test://.*node-2.xml +SUCCEEDED +owner acme, offering custom")
                .contains("backup-01 on demo:\n  DISK_UNMAPPED (disk vda): disk vda (source '/srv/backup/");
        assertThat(cli.run("inventory").out()).contains(importable + " managed instances");
        var again = cli.run(command(hosts, "--dry-run"));
        assertThat(again.out()).contains("0 importable, " + blocked + " blocked");
    }

    @Test
    @DisplayName("a map naming a network the catalog lacks is refused before any host is asked, naming the rule's"
            + " place in the file")
    void unknownNetwork() throws Exception {
        Path map = Files.writeString(temp.resolve("bad-map.json"), """
                {"networks": [{"match": {"bridge": "br-prod"}, "network": "guest"},
                              {"match": {"vlan": 7}, "network": "no-such-net"}]}""");
        var cli = new CliProcess(temp.resolve("home"));

        var result = cli.run("import", "--all", "--map", map.toString(), "--owner", "acme", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains(map + " at /networks/1/network", "no-such-net");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("a malformed map is refused naming the line and column, and an unknown key naming its JSON pointer")
    void malformedMap() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\n  \"networks\": [\n    {\"match\": }\n]}");
        Path typo = Files.writeString(temp.resolve("typo.json"), "{\"pools\": [{\"match\": {\"hostpool\": \"x\"},"
                + " \"pool\": \"local-images\"}]}");
        var cli = new CliProcess(temp.resolve("home"));

        var malformed = cli.run("import", "--all", "--map", broken.toString(), "--owner", "acme", "--dry-run");
        var unknownKey = cli.run("import", "--all", "--map", typo.toString(), "--owner", "acme", "--dry-run");

        assertThat(malformed.err()).as(malformed.toString()).contains(broken + " line 3, column 15");
        assertThat(unknownKey.err()).as(unknownKey.toString()).contains(typo + " at /pools/0/match/hostpool");
        assertThat(malformed.exitCode()).isNotZero();
        assertThat(unknownKey.exitCode()).isNotZero();
    }

    @Test
    @DisplayName("a live libvirt daemon is planned beside a test-driver host in the same run")
    void liveDaemon() throws Exception {
        LiveServices.skipIfAsked();
        var cli = new CliProcess(temp.resolve("home"));
        GeneratedHost host = GeneratedHost.write(temp, 2, 1);

        var dryRun = cli.run("import", "--all", "--map", MAP.toString(), "--owner", "acme", "--dry-run", "--json",
                "--connect", "qemu:///system", "--connect", "test://" + host.nodeFile());

        JsonNode document = JSON.readTree(dryRun.out());
        if (!document.get("failures").isEmpty()) {
            throw LiveServices.unavailable("libvirt at qemu:///system", document.get("failures").toString(),
                    "bash scripts/libvirt-live.sh start");
        }
        assertThat(document.get("plans")).filteredOn(p -> p.at("/request/host/id").asText().startsWith("test:"))
                .hasSize(2);
        assertThat(cli.run("inventory").out()).contains("0 managed instances");
    }

    private static JsonNode find(JsonNode plans, String name) {
        for (JsonNode plan : plans) {
            if (name.equals(plan.at("/instance/name").asText())) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + name + " in " + plans);
    }
}
