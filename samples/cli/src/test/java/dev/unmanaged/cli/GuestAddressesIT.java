package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guest addresses on the demo host, whose running VMs report them through libvirt's test driver: build-runner-07
 * uses 10.10.0.83 (inside the demo network guest), web-01 192.168.0.1 (outside every demo network).
 */
@DisplayName("guest addresses and --ip current, run as a separate process")
class GuestAddressesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] RUNNER = {"build-runner-07", "--offering", "custom", "--owner", "admin",
        "--network", "guest", "--pool", "local-images"};

    @TempDir
    Path temp;
    private CliProcess cli;

    @BeforeEach
    void freshHome() {
        cli = new CliProcess(temp.resolve("home"));
    }

    @Test
    @DisplayName("list shows guest addresses only with --addresses; describe always shows them with their source")
    void listAndDescribe() throws Exception {
        var plain = cli.run("list");
        var withAddresses = cli.run("list", "--addresses");
        var json = JSON.readTree(cli.run("list", "--addresses", "--json").out());
        var describe = cli.run("describe", "build-runner-07");
        var stopped = cli.run("describe", "legacy-erp");

        assertThat(plain.out()).doesNotContain("ADDRESSES", "10.10.0.83");
        assertThat(withAddresses.exitCode()).as(withAddresses.toString()).isZero();
        assertThat(withAddresses.out()).contains("ADDRESSES").containsPattern("db-01 .*192\\.168\\.0\\.1,10\\.10\\.0\\.44")
                .containsPattern("build-runner-07 .*10\\.10\\.0\\.83");
        JsonNode runner = instance(json.get("instances"), "build-runner-07");
        assertThat(runner.at("/nics/0/guestAddresses/0").toString())
                .isEqualTo("{\"address\":\"10.10.0.83\",\"prefix\":22,\"source\":\"LEASE\"}");
        assertThat(describe.out()).contains("GUEST ADDRESSES", "10.10.0.83/22 (lease)");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).contains("GUEST ADDRESSES").doesNotContain("(lease)");
    }

    @Test
    @DisplayName("--ip current records the guest's address, which another import then finds IP_IN_USE")
    void currentIsImportedAndThenInUse() throws Exception {
        var imported = cli.run(concat(new String[] {"import"}, RUNNER, "--ip", "current"));
        var inventory = JSON.readTree(cli.run("inventory", "--json").out());
        var web02 = cli.run("import", "web-02", "--offering", "medium", "--owner", "acme", "--network", "guest",
                "--ip", "10.10.0.83", "--pool", "local-images", "--dry-run");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(inventory.findValuesAsText("ipAddress")).containsExactly("10.10.0.83");
        assertThat(web02.exitCode()).as(web02.toString()).isEqualTo(1);
        assertThat(web02.out()).contains("IP_IN_USE", "10.10.0.83");
    }

    @Test
    @DisplayName("--ip current is refused with IP_GUEST_OUT_OF_RANGE outside the network, IP_GUEST_UNKNOWN when shut off")
    void currentRefusals() throws Exception {
        var outside = cli.run("import", "web-01", "--offering", "medium", "--owner", "acme", "--network", "prod",
                "--ip", "current", "--pool", "local-images");
        var shutOff = cli.run("import", "legacy-erp", "--offering", "small", "--owner", "acme", "--network", "guest",
                "--ip", "current", "--pool", "local-images", "--template", "other-linux", "--json");

        assertThat(outside.exitCode()).as(outside.toString()).isEqualTo(1);
        assertThat(outside.out()).contains("IP_GUEST_OUT_OF_RANGE", "192.168.0.1", "10.20.0.10-10.20.0.250");
        assertThat(shutOff.exitCode()).as(shutOff.toString()).isEqualTo(1);
        assertThat(JSON.readTree(shutOff.out()).get("problems").findValuesAsText("code"))
                .containsExactly("IP_GUEST_UNKNOWN");
        assertThat(cli.run("inventory").out()).contains("0 managed instances");
    }

    @Test
    @DisplayName("a plan file takes \"ip\": \"current\"")
    void planFile() throws Exception {
        Path plan = Files.writeString(temp.resolve("plan.json"), """
                {"defaults": {"owner": "admin", "ip": "current", "pool": "local-images"},
                 "imports": [{"instance": "build-runner-07", "offering": "custom", "network": "guest"}]}
                """);

        var result = cli.run("import", "--plan", plan.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(cli.run("inventory", "--json").out()).findValuesAsText("ipAddress"))
                .containsExactly("10.10.0.83");
    }

    private static JsonNode instance(JsonNode instances, String name) {
        for (JsonNode instance : instances) {
            if (instance.get("name").asText().equals(name)) {
                return instance;
            }
        }
        throw new AssertionError(name + " is not listed: " + instances);
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        String[] all = new String[first.length + second.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        System.arraycopy(rest, 0, all, first.length + second.length, rest.length);
        return all;
    }
}
