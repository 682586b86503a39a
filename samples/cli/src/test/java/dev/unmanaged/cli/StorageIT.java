package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list --storage} and {@code import --pool auto} on the demo host, whose storage pools {@code default}
 * (/var/lib/libvirt/images) and {@code nfs-primary} (/mnt/primary) hold most disks; backup-01's disks lie in none.
 */
@DisplayName("storage details and --pool auto, run as a separate process")
class StorageIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliProcess cli;

    @BeforeEach
    void freshHome() {
        cli = new CliProcess(temp.resolve("home"));
    }

    private static JsonNode instance(JsonNode instances, String name) {
        for (JsonNode instance : instances) {
            if (name.equals(instance.get("name").asText())) {
                return instance;
            }
        }
        throw new AssertionError(name + " is not listed in " + instances);
    }

    @Test
    @DisplayName("list reads snapshots and disk pools only with --storage, and shows them in columns of their own")
    void listStorage() throws Exception {
        var plain = cli.run("list");
        var storage = cli.run("list", "--storage");
        JsonNode plainJson = JSON.readTree(cli.run("list", "--json").out());
        JsonNode storageJson = JSON.readTree(cli.run("list", "--storage", "--json").out());

        assertThat(plain.out()).doesNotContain("SNAPSHOTS", "BLOCK-JOBS");
        assertThat(storage.exitCode()).as(storage.toString()).isZero();
        assertThat(storage.out()).contains("SNAPSHOTS", "BACKING", "SHARED", "BLOCK-JOBS")
                .containsPattern("web-01 .* 0 +- +- +-");
        JsonNode web01 = instance(storageJson.get("instances"), "web-01");
        assertThat(web01.get("snapshots").toString()).isEqualTo("{\"snapshots\":[],\"checkpoints\":[]}");
        assertThat(web01.at("/disks/0/hostPool").asText()).isEqualTo("default");
        assertThat(instance(plainJson.get("instances"), "web-01").get("snapshots").isNull()).isTrue();
        assertThat(instance(plainJson.get("instances"), "web-01").at("/disks/0/hostPool").isNull()).isTrue();
    }

    @Test
    @DisplayName("describe shows each disk's host pool and the snapshots in a section of their own")
    void describeStorage() throws Exception {
        var describe = cli.run("describe", "web-01");

        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("Storage and state:", "vda: in host pool default", "snapshots: none");
    }

    @Test
    @DisplayName("--pool auto maps each disk onto the catalog pool of its host pool")
    void poolAuto() throws Exception {
        var plan = cli.run("import", "web-02", "--offering", "medium", "--owner", "acme", "--network", "guest",
                "--pool", "auto", "--dry-run", "--json");

        JsonNode json = JSON.readTree(plan.out());
        assertThat(json.at("/request/poolByDisk").toString()).isEqualTo("{\"vda\":\"local-images\"}");
        assertThat(json.get("problems").findValuesAsText("code")).doesNotContain("DISK_UNMAPPED");
    }

    @Test
    @DisplayName("--pool auto leaves a disk in no host pool unmapped, and the plan says so")
    void poolAutoOutsideEveryPool() throws Exception {
        var plan = cli.run("import", "backup-01", "--offering", "custom", "--owner", "admin", "--network", "guest",
                "--pool", "auto", "--dry-run");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).contains("DISK_UNMAPPED", "/srv/backup/backup-01.qcow2");
    }
}
