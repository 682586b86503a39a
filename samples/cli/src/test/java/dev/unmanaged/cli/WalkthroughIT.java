package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough of docs/cli.md on the demo host and a fresh embedded store: list, describe, a dry run with
 * problems, an import, the VM gone from the unmanaged list, the inventory, an unmanage, the VM back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The walkthrough, run as a separate process")
class WalkthroughIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEMO_VMS = List.of("backup-01", "build-runner-07", "cache-01", "ceph-app-01",
            "db-01", "dev-sandbox", "iscsi-db-02", "lab-gpu-01", "legacy-erp", "web-01", "web-02", "win-ad-01");
    private static final String WEB_01_UUID = "f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6";

    private CliProcess cli;

    @BeforeAll
    void freshHome(@TempDir Path temp) {
        cli = new CliProcess(temp.resolve("home"));
    }

    @Test
    @Order(1)
    @DisplayName("list shows the twelve demo VMs, in every power state, as a table")
    void listsTheDemoHost() throws Exception {
        var result = cli.run("list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines().get(0)).startsWith("NAME").contains("UUID", "STATE", "PERSISTENT", "VCPUS",
                "MEMORY", "DISKS", "NICS", "HOST");
        assertThat(result.out()).contains(DEMO_VMS.toArray(String[]::new));
        assertThat(result.out()).contains("RUNNING", "PAUSED", "STOPPED", "SUSPENDED", "CRASHED");
        assertThat(result.out()).contains("12 unmanaged instances on 1 host");
        assertThat(result.err()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("list --json follows the descriptor contract: lower-case UUIDs, power states, persistence")
    void listsAsJson() throws Exception {
        var result = cli.run("list", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode listing = JSON.readTree(result.out());
        assertThat(listing.get("failures")).isEmpty();
        List<JsonNode> instances = StreamSupport.stream(listing.get("instances").spliterator(), false).toList();
        assertThat(instances).extracting(i -> i.get("name").asText()).containsExactlyElementsOf(DEMO_VMS);
        JsonNode runner = instances.stream().filter(i -> i.get("name").asText().equals("build-runner-07"))
                .findFirst().orElseThrow();
        assertThat(runner.get("persistent").asBoolean()).isFalse();
        assertThat(runner.get("powerState").asText()).isEqualTo("RUNNING");
        assertThat(runner.at("/cpu/vcpus").asInt()).isEqualTo(8);
        assertThat(runner.at("/cpu/maxVcpus").asInt()).isEqualTo(16);
        assertThat(runner.get("uuid").asText()).isEqualTo("028c7e55-0548-5a54-afbb-e8fd897a62bb");
    }

    @Test
    @Order(3)
    @DisplayName("describe shows disks of every kind, NICs with VLANs, tuning, and never a console password")
    void describesAnInstance() throws Exception {
        var db = cli.run("describe", "db-01");
        assertThat(db.exitCode()).as(db.toString()).isZero();
        assertThat(db.out()).contains("fa7cb3c4-2a72-5093-953d-bc78965e3cc5", "host-passthrough", "shares 2048",
                "nfs-primary/db-01-data.raw", "/var/lib/libvirt/images/db-01-os.qcow2", "52:54:00:1a:02:01",
                "br-prod", "120");

        var ceph = cli.run("describe", "17D44F71-1865-547A-B99E-92B4D633D82A", "--json");
        assertThat(ceph.exitCode()).as(ceph.toString()).isZero();
        JsonNode descriptor = JSON.readTree(ceph.out());
        assertThat(descriptor.at("/disks/0/protocol").asText()).isEqualTo("rbd");
        assertThat(descriptor.at("/disks/0/source").asText()).isEqualTo("rbd/ceph-app-01-root");
        assertThat(descriptor.at("/disks/0/hosts")).hasSize(2);
        assertThat(descriptor.at("/nics/0/vlanTags").toString()).isEqualTo("[120,121]");

        var web = cli.run("describe", "web-01", "--json");
        assertThat(web.exitCode()).as(web.toString()).isZero();
        assertThat(JSON.readTree(web.out()).at("/graphics/0/type").asText()).isEqualTo("vnc");
        assertThat(web.out() + web.err()).doesNotContain("vnc-demo-secret");
    }

    @Test
    @Order(4)
    @DisplayName("import --dry-run with a wrong offering and no mappings reports every problem and writes nothing")
    void dryRunReportsEveryProblem() throws Exception {
        var result = cli.run("import", "web-01", "--dry-run", "--offering", "small", "--owner", "acme");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("blocked by 4 problems", "OFFERING_CPU_MISMATCH",
                "OFFERING_MEMORY_MISMATCH", "NIC_UNMAPPED", "DISK_UNMAPPED");
        assertThat(cli.run("inventory").out()).contains("0 managed instances");
    }

    @Test
    @Order(5)
    @DisplayName("import with a fitting offering and mappings records the VM with an automatic address")
    void importsAnInstance() throws Exception {
        var plan = cli.run("import", "web-01", "--dry-run", "--offering", "medium", "--owner", "acme",
                "--network", "prod", "--ip", "auto", "--pool", "local-images");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("importable", "52:54:00:1a:01:01 -> network prod, IP 10.20.0.10");

        var result = cli.run("import", "web-01", "--offering", "medium", "--owner", "acme",
                "--network", "prod", "--ip", "auto", "--pool", "local-images");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Imported web-01 (" + WEB_01_UUID + ") from demo",
                "offering    medium: 2 vCPUs, 4 GiB", "network prod, IP 10.20.0.10", "vda -> pool local-images");

        var again = cli.run("import", "web-01", "--offering", "medium", "--owner", "acme",
                "--network", "prod", "--ip", "auto", "--pool", "local-images");
        assertThat(again.exitCode()).as("the same request again changes nothing: " + again).isZero();
    }

    @Test
    @Order(6)
    @DisplayName("the imported VM is gone from the unmanaged list and shows in the inventory")
    void importedInstanceLeavesTheUnmanagedList() throws Exception {
        var list = cli.run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).doesNotContain("web-01").contains("web-02", "11 unmanaged instances on 1 host");

        var inventory = cli.run("inventory");
        assertThat(inventory.exitCode()).as(inventory.toString()).isZero();
        assertThat(inventory.out()).contains("web-01", WEB_01_UUID, "acme", "medium", "prod:10.20.0.10",
                "1 managed instance");

        JsonNode managed = JSON.readTree(cli.run("inventory", "--json").out());
        assertThat(managed).hasSize(1);
        assertThat(managed.get(0).get("uuid").asText()).isEqualTo(WEB_01_UUID);
        assertThat(managed.at("/0/nics/0/ipAddress").asText()).isEqualTo("10.20.0.10");
    }

    @Test
    @Order(7)
    @DisplayName("unmanage releases the VM: it is listed as unmanaged again and its address is free")
    void unmanageBringsItBack() throws Exception {
        var result = cli.run("unmanage", "web-01");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Released web-01 (" + WEB_01_UUID + ")", "keeps running on demo");

        var list = cli.run("list");
        assertThat(list.out()).contains("web-01", "12 unmanaged instances on 1 host");
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var missing = cli.run("unmanage", "web-01");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err().lines()).singleElement().asString().startsWith("error: ").contains("web-01");
    }

    @Test
    @Order(8)
    @DisplayName("a transient VM is defined persistently when it is unmanaged")
    void unmanagingATransientVmDefinesIt() throws Exception {
        var imported = cli.run("import", "build-runner-07", "--offering", "custom", "--owner", "admin",
                "--network", "guest", "--ip", "auto", "--pool", "local-images");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        var released = cli.run("unmanage", "028c7e55-0548-5a54-afbb-e8fd897a62bb");
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out()).contains("It was transient and is now defined persistently on its host.");
    }
}
