package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compute sizing from {@code <cputune>}: the speed derived from shares and the cap from quota against fixed,
 * custom and capped offerings, running against stopped instances, and the CPU details kept in the inventory.
 */
@DisplayName("CPU speed, cap and topology through plan, import, inventory and unmanage, run as a separate process")
class CpuSizingIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    @DisplayName("demo host: db-01's shares and quota meet the capped database offering, and its topology is kept"
            + " until it is unmanaged; a stopped VM takes a larger fixed offering at its next start, a running one"
            + " is refused")
    void demoHost() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));

        var described = cli.run("describe", "db-01");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        assertThat(described.out()).contains("CPU sizing:          512 MHz per vCPU, capped at 50% of a vCPU");

        var imported = cli.run("import", "db-01", "--owner", "acme", "--offering", "db-capped",
                "--network", "52:54:00:1a:02:01=prod", "--network", "52:54:00:1a:02:02=guest", "--ip", "auto",
                "--pool", "vda=local-images", "--pool", "vdb=nfs-primary");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains(
                "offering    db-capped: 4 vCPUs, 8 GiB, 512 MHz per vCPU, capped at 50% of a vCPU");

        var inventory = cli.run("inventory");
        assertThat(inventory.out()).contains("CPU", "RESIZE", "host-passthrough, 1 socket x 1 die x 2 cores x"
                + " 2 threads, 512 MHz per vCPU, capped at 50% of a vCPU");
        JsonNode record = JSON.readTree(cli.run("inventory", "--json").out()).get(0);
        assertThat(record.get("cpu").toString()).isEqualTo("{\"sockets\":1,\"dies\":1,\"cores\":2,\"threads\":2,"
                + "\"mode\":\"host-passthrough\",\"model\":null,\"speedMhz\":512,\"cap\":0.5}");
        assertThat(record.get("resizePendingAtStart").asBoolean()).isFalse();

        var released = cli.run("unmanage", "db-01");
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(cli.run("inventory").out()).contains("0 managed instances");

        var stopped = cli.run("import", "win-ad-01", "--dry-run", "--owner", "acme", "--offering", "large",
                "--network", "guest", "--ip", "auto", "--pool", "local-images");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).contains("OFFERING_RESIZE_ON_START", "vCPUs from 2 to 4",
                "offering    large: 4 vCPUs, 8 GiB (from its next start)");

        var running = cli.run("import", "web-01", "--dry-run", "--owner", "acme", "--offering", "large",
                "--network", "prod", "--ip", "auto", "--pool", "local-images");
        assertThat(running.exitCode()).as(running.toString()).isEqualTo(1);
        assertThat(running.out()).contains("OFFERING_CPU_MISMATCH", "OFFERING_MEMORY_MISMATCH",
                "power state is running").doesNotContain("OFFERING_RESIZE_ON_START");
    }

    @Test
    @DisplayName("generated host: shares-derived speed against a fixed offering (refused running, resized stopped)"
            + " and a custom one (within or outside its bounds)")
    void generatedHost() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        Path node = Files.writeString(temp.resolve("node.xml"), "<node xmlns:test=\"http://libvirt.org/schemas/"
                + "domain/test/1.0\">" + domain("gen-run", 1, 2000, 1) + domain("gen-stop", 2, 2000, 5)
                + domain("gen-fast", 3, 4000, 1) + "</node>");
        Path catalog = Files.writeString(temp.resolve("speeds.json"), """
                {"computeOfferings": [
                  {"id": "fast", "name": "Fast", "vcpus": 2, "memory": "4 GiB", "cpuSpeedMhz": 2000},
                  {"id": "flex-speed", "name": "Flexible 1.5-3 GHz", "custom": true, "minVcpus": 1, "maxVcpus": 8,
                   "minMemory": "1 GiB", "maxMemory": "16 GiB", "minCpuSpeedMhz": 1500, "maxCpuSpeedMhz": 3000}
                ]}
                """);
        var loaded = cli.run("catalog", "--load", catalog.toString());
        assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
        assertThat(loaded.out()).contains("CPU SPEED", "2000 MHz", "1500-3000 MHz");
        String host = "test://" + node;

        var running = importOnto(cli, host, "gen-run", "fast", true);
        assertThat(running.exitCode()).as(running.toString()).isEqualTo(1);
        assertThat(running.out()).contains("OFFERING_CPU_SPEED_MISMATCH", "instance has 1000 MHz");

        var stopped = importOnto(cli, host, "gen-stop", "fast", false);
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).contains("OFFERING_RESIZE_ON_START", "CPU speed per vCPU from 1000 MHz to 2000 MHz",
                "offering    fast: 2 vCPUs, 4 GiB, 2000 MHz per vCPU (from its next start)");
        JsonNode record = JSON.readTree(cli.run("inventory", "--json").out()).get(0);
        assertThat(record.at("/cpu/speedMhz").asInt()).isEqualTo(2000);
        assertThat(record.get("resizePendingAtStart").asBoolean()).isTrue();
        assertThat(cli.run("inventory").out()).contains("next start");

        var withinBounds = importOnto(cli, host, "gen-fast", "flex-speed", true);
        assertThat(withinBounds.exitCode()).as(withinBounds.toString()).isZero();
        assertThat(withinBounds.out()).contains("flex-speed: 2 vCPUs, 4 GiB, 2000 MHz per vCPU");

        var outside = importOnto(cli, host, "gen-run", "flex-speed", true);
        assertThat(outside.exitCode()).as(outside.toString()).isEqualTo(1);
        assertThat(outside.out()).contains("OFFERING_CPU_SPEED_MISMATCH", "expected 1500-3000 MHz per vCPU");
    }

    private static CliProcess.Result importOnto(CliProcess cli, String host, String vm, String offering,
                                                boolean dryRun) throws Exception {
        return dryRun
                ? cli.run("import", vm, "--connect", host, "--owner", "acme", "--offering", offering, "--network",
                "guest", "--ip", "auto", "--pool", "local-images", "--dry-run")
                : cli.run("import", vm, "--connect", host, "--owner", "acme", "--offering", offering, "--network",
                "guest", "--ip", "auto", "--pool", "local-images");
    }

    /** A 2-vCPU, 4 GiB domain with {@code shares} in its {@code <cputune>}, in libvirt run state {@code state}. */
    private static String domain(String name, int n, int shares, int state) {
        return """
                <domain type="kvm"><name>%s</name><uuid>5a5e0000-0000-4000-8000-%012d</uuid>
                  <memory unit="GiB">4</memory><vcpu>2</vcpu><cputune><shares>%d</shares></cputune>
                  <os><type arch="x86_64" machine="pc-q35-8.2">hvm</type></os>
                  <devices>
                    <disk type="file" device="disk"><driver name="qemu" type="qcow2"/>
                      <source file="/var/lib/libvirt/images/%s.qcow2"/><target dev="vda" bus="virtio"/></disk>
                    <interface type="bridge"><mac address="52:54:00:5a:00:%02x"/><source bridge="br0"/>
                      <model type="virtio"/></interface>
                  </devices>
                  <test:runstate>%d</test:runstate>
                </domain>
                """.formatted(name, n, shares, name, n, state);
    }
}
