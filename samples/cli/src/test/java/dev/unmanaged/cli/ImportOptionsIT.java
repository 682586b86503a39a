package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One import from the command line: a refused one, every mapping option, and the JSON forms. */
@DisplayName("import of one instance, run as a separate process")
class ImportOptionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAB_GPU_01_UUID = "ff83d34d-b9de-5719-bb95-86f9e5c59b6a";
    private static final long GIB = 1L << 30;

    @TempDir
    Path temp;
    private CliProcess cli;

    @BeforeEach
    void freshHome() {
        cli = new CliProcess(temp.resolve("home"));
    }

    @Test
    @DisplayName("an import that cannot go ahead prints every problem with its code, exits 1 and writes nothing")
    void refusedImportWritesNothing() throws Exception {
        var result = cli.run("import", "web-01", "--offering", "small", "--owner", "acme");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("Problems:", "OFFERING_CPU_MISMATCH", "OFFERING_MEMORY_MISMATCH",
                "NIC_UNMAPPED", "DISK_UNMAPPED");
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("error: import of web-01 rejected: 4 blocking problems; nothing was written");
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var json = cli.run("import", "web-01", "--offering", "small", "--owner", "acme", "--json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode refusal = JSON.readTree(json.out());
        assertThat(refusal.at("/error/code").asText()).isEqualTo("IMPORT_REJECTED");
        assertThat(refusal.get("problems").findValuesAsText("code")).containsExactlyInAnyOrder(
                "OFFERING_CPU_MISMATCH", "OFFERING_MEMORY_MISMATCH", "NIC_UNMAPPED", "DISK_UNMAPPED");
        assertThat(refusal.get("problems").findValuesAsText("severity")).containsOnly("BLOCK");
        assertThat(cli.run("inventory", "--json").out().trim()).isEqualTo("[ ]");
    }

    @Test
    @DisplayName("--cpus and --memory size a custom offering; NICs and disks are mapped by MAC and device,"
            + " a disk gets a disk offering")
    void everyMappingOption() throws Exception {
        String[] request = {"lab-gpu-01", "--owner", "globex", "--offering", "custom-hpc", "--cpus", "16",
                "--memory", "64GiB", "--network", "52:54:00:1A:09:01=lab", "--ip", "52:54:00:1a:09:01=192.168.130.50",
                "--pool", "vda=nfs-primary", "--pool", "vdb=nfs-primary", "--disk-offering", "vdb=disk-custom"};

        var plan = cli.run(concat(new String[] {"import"}, request, new String[] {"--dry-run", "--json"}));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode planned = JSON.readTree(plan.out());
        assertThat(planned.at("/instance/uuid").asText()).isEqualTo(LAB_GPU_01_UUID);
        assertThat(planned.get("problems").findValuesAsText("severity")).containsOnly("WARN");
        assertRecorded(planned.get("proposed"));
        assertThat(cli.run("inventory").out()).as("a dry run writes nothing").contains("0 managed instances");

        var imported = cli.run(concat(new String[] {"import"}, request, new String[] {"--json"}));
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        JsonNode result = JSON.readTree(imported.out());
        assertThat(result.get("alreadyExisted").asBoolean()).isFalse();
        assertRecorded(result.get("instance"));

        JsonNode inventory = JSON.readTree(cli.run("inventory", "--json").out());
        assertThat(inventory).hasSize(1);
        assertRecorded(inventory.get(0));
        assertThat(cli.run("list").out()).doesNotContain("lab-gpu-01").contains("11 unmanaged instances");

        var otherSettings = cli.run("import", "lab-gpu-01", "--owner", "admin", "--offering", "xlarge",
                "--network", "lab", "--pool", "nfs-primary");
        assertThat(otherSettings.exitCode()).as(otherSettings.toString()).isEqualTo(1);
        assertThat(otherSettings.err().lines()).singleElement().asString()
                .startsWith("error: ").contains(LAB_GPU_01_UUID, "already managed", "unmanage it first");
    }

    private static void assertRecorded(JsonNode record) {
        assertThat(record.get("uuid").asText()).isEqualTo(LAB_GPU_01_UUID);
        assertThat(record.get("ownerId").asText()).isEqualTo("globex");
        assertThat(record.get("offeringId").asText()).isEqualTo("custom-hpc");
        assertThat(record.get("vcpus").asInt()).isEqualTo(16);
        assertThat(record.get("memoryBytes").asLong()).isEqualTo(64 * GIB);
        assertThat(record.at("/nics/0/mac").asText()).isEqualTo("52:54:00:1a:09:01");
        assertThat(record.at("/nics/0/networkId").asText()).isEqualTo("lab");
        assertThat(record.at("/nics/0/ipAddress").asText()).isEqualTo("192.168.130.50");
        assertThat(record.get("disks")).extracting(d -> d.get("deviceName").asText() + "@" + d.get("poolId").asText()
                + "/" + d.get("diskOfferingId").asText()).containsExactly("vda@nfs-primary/null",
                "vdb@nfs-primary/disk-custom");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
