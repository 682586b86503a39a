package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.tck.LiveServices;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool on a vCenter: VMware's vCenter simulator that {@code scripts/vsphere-sim.sh start} runs on port 55443.
 * The operator's path: an untrusted certificate shows its thumbprint, the thumbprint is pinned, then list,
 * describe and import work as for KVM.
 */
@DisplayName("The tool on a vSphere endpoint (the vCenter simulator), run as a separate process")
class VsphereIT {
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("UNMANAGED_VSPHERE_PORT", "55443"));
    private static final String ADDRESS = "vsphere://ops@127.0.0.1:" + PORT + "/sdk";
    private static final String PASSWORD = "vsphere-pw-7d1f";
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){31}");

    @TempDir
    Path temp;
    private CliProcess cli;
    private CliProcess withoutPassword;

    @BeforeEach
    void setUp() {
        LiveServices.skipIfAsked();
        try (Socket probe = new Socket("127.0.0.1", PORT)) {
            probe.setSoTimeout(1000);
        } catch (java.io.IOException e) {
            throw LiveServices.unavailable("the vCenter simulator on 127.0.0.1:" + PORT, e.getMessage(),
                    "bash scripts/vsphere-sim.sh start");
        }
        cli = new CliProcess(temp.resolve("home"), Map.of("UNMANAGED_VSPHERE_PASSWORD", PASSWORD));
        withoutPassword = new CliProcess(temp.resolve("home"));
    }

    private String pinnedAddress() throws Exception {
        var untrusted = cli.run("list", "--connect", ADDRESS);
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(3);
        assertThat(untrusted.err()).as(untrusted.toString()).contains("not trusted");
        Matcher thumbprint = THUMBPRINT.matcher(untrusted.err());
        assertThat(thumbprint.find()).as("the error shows the thumbprint: %s", untrusted).isTrue();
        return ADDRESS + "?thumbprint=" + thumbprint.group();
    }

    @Test
    @DisplayName("list, describe and import a vSphere VM after pinning the certificate the error showed")
    void listDescribeImport() throws Exception {
        String address = pinnedAddress();

        var list = cli.run("list", "--connect", address);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("DC0_H0_VM0", "DC0_C0_RP0_VM0");

        var describe = cli.run("describe", "DC0_H0_VM0", "--connect", address, "--json");
        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("\"deviceName\" : \"scsi0:0\"", "\"hypervisorHost\" : \"DC0_H0\"",
                "[LocalDS_0] DC0_H0_VM0/disk1.vmdk").doesNotContain("govcsim");
        var human = cli.run("describe", "DC0_H0_VM0", "--connect", address);
        assertThat(human.exitCode()).as(human.toString()).isZero();
        assertThat(human.out()).as(human.toString()).containsPattern("BIOS UUID: +[0-9a-f-]{36}")
                .contains("CPU allocation:", "Memory allocation:", "limit unlimited", "mode persistent");

        var refused = cli.run("import", "DC0_H0_VM0", "--connect", address, "--offering", "custom", "--owner",
                "acme", "--network", "guest", "--pool", "scsi0:0=local-images");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out() + refused.err()).contains("DISK_POOL_MISMATCH", "datastore 'LocalDS_0'");

        Path datastore = Files.writeString(temp.resolve("datastore.json"), "{\"storagePools\": [{\"id\": "
                + "\"local-ds\", \"name\": \"Local datastore\", \"hostPoolName\": \"LocalDS_0\"}]}");
        var loaded = cli.run("catalog", "--load", datastore.toString());
        assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
        var imported = cli.run("import", "DC0_H0_VM0", "--connect", address, "--offering", "custom", "--memory",
                "256MiB", "--owner", "acme", "--display-name", "dc0-h0-vm0", "--network", "guest", "--pool",
                "scsi0:0=local-ds");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        var after = cli.run("list", "--connect", address);
        assertThat(after.out()).as(after.toString()).doesNotContain("DC0_H0_VM0 ").contains("DC0_H0_VM1");
    }

    @Test
    @DisplayName("an address with a password is refused without echoing it; a missing password says where to set it")
    void passwords() throws Exception {
        var withPassword = cli.run("list", "--connect", "vsphere://ops:" + PASSWORD + "@127.0.0.1:" + PORT + "/sdk");
        assertThat(withPassword.exitCode()).as(withPassword.toString()).isEqualTo(2);
        assertThat(withPassword.err()).contains("UNMANAGED_VSPHERE_PASSWORD");
        assertThat(withPassword.out() + withPassword.err()).doesNotContain(PASSWORD);

        var missing = withoutPassword.run("list", "--connect", pinnedAddress());
        assertThat(missing.exitCode()).as(missing.toString()).isNotZero();
        assertThat(missing.out() + missing.err()).contains("no password").contains("UNMANAGED_VSPHERE_PASSWORD");
    }
}
