package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unmanage --dry-run} and {@code unmanage --forget} on the demo host and a test-driver host. */
@DisplayName("Unmanage plans and forgetting, run as a separate process")
class UnmanagePlanIT {
    @TempDir
    Path temp;

    @Test
    @DisplayName("a dry run says per instance what will happen to a persistent and a transient domain and writes"
            + " nothing; forgetting is refused while the domain is there, and forgets it once it is gone")
    void dryRunAndForget() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        GeneratedHost host = GeneratedHost.write(temp, 1, 1);
        String uri = "test://" + host.nodeFile();
        assertThat(cli.run("import", "web-01", "--owner", "acme", "--offering", "medium", "--network", "prod",
                "--ip", "auto", "--pool", "local-images").exitCode()).isZero();
        assertThat(cli.run("import", "build-runner-07", "--owner", "acme", "--offering", "custom", "--network",
                "guest", "--pool", "local-images").exitCode()).isZero();
        assertThat(cli.run("import", "vm-0000", "--connect", uri, "--owner", "acme", "--offering", "medium",
                "--network", "prod", "--pool", "local-images").exitCode()).isZero();

        var dryRun = cli.run("unmanage", "web-01", "build-runner-07", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out())
                .containsPattern("web-01 \\(.*\\) on demo: can be released\\n  state +RUNNING, persistent: it stays"
                        + " defined as it is\\n  releases +MAC 52:54:00:[0-9a-f:]+ on network prod, IP 10\\.20\\.0\\.")
                .containsPattern("build-runner-07 \\(.*\\) on demo: can be released\\n  state +RUNNING, transient: it"
                        + " will be defined persistently first")
                .contains("2 can be released, 0 blocked, 0 not found; nothing was written");
        assertThat(cli.run("inventory").out()).contains("3 managed instances");

        var refused = cli.run("unmanage", "--forget", "web-01");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("still present on reachable host demo");

        GeneratedHost.write(temp, 0, 1); // the VM is gone from its host for good
        var gone = cli.run("unmanage", "vm-0000", "--dry-run");
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(1);
        assertThat(gone.out()).contains("blocked, would not be released", "INSTANCE_GONE", "unmanage --forget");

        var forgotten = cli.run("unmanage", "--forget", "vm-0000");
        assertThat(forgotten.exitCode()).as(forgotten.toString()).isZero();
        assertThat(forgotten.out()).contains("1 forgotten, 0 failed, 0 cancelled");
        assertThat(cli.run("inventory").out()).contains("2 managed instances").doesNotContain("vm-0000");
    }
}
