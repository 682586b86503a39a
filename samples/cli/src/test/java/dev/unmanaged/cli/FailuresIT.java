package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreachable hosts and stores, and wrong command lines: one clear line each, and the documented exit status. */
@DisplayName("Failures, run as a separate process")
class FailuresIT {
    private static final String REFUSING_HOST = "qemu+tcp://127.0.0.1:1/system";

    @TempDir
    Path temp;
    private CliProcess cli;
    private Path demoHost;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliProcess(temp.resolve("home"));
        demoHost = temp.resolve("node.xml");
        try (InputStream in = FailuresIT.class.getResourceAsStream("/dev/unmanaged/cli/demo-host.xml")) {
            Files.write(demoHost, in.readAllBytes());
        }
    }

    @Test
    @DisplayName("an unreachable host next to a reachable one: exit 3, its reason on stderr, the other host listed")
    void unreachableHostBesideAReachableOne() throws Exception {
        var result = cli.run("list", "--connect", "test://" + demoHost, "--connect", REFUSING_HOST);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("web-01", "db-01", "lab-gpu-01",
                "12 unmanaged instances on 1 host (1 host could not be listed)");
        // One line for the host, nothing else: no library log line, no stack trace.
        assertThat(result.err().lines())
                .singleElement().asString()
                .startsWith("error: ")
                .contains(REFUSING_HOST, "unavailable", "Connection refused");
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    @DisplayName("the unreachable host is reported in the JSON listing too")
    void unreachableHostInJson() throws Exception {
        var result = cli.run("list", "--json", "--connect", "test://" + demoHost, "--connect", REFUSING_HOST);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        var listing = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
        assertThat(listing.get("instances")).hasSize(12);
        assertThat(listing.at("/failures/0/hostId").asText()).isEqualTo(REFUSING_HOST);
        assertThat(listing.at("/failures/0/error/code").asText()).isEqualTo("HOST_UNAVAILABLE");
    }

    @Test
    @DisplayName("describe on an unreachable host: exit 3 and one line")
    void describeOnUnreachableHost() throws Exception {
        var result = cli.run("describe", "web-01", "--connect", REFUSING_HOST);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: ").contains(REFUSING_HOST);
    }

    @Test
    @DisplayName("an unreachable store: exit 3, one line naming it, no stack trace (unless --debug)")
    void unreachableStore() throws Exception {
        String store = "jdbc:postgresql://127.0.0.1:1/unmanaged?user=nobody&password=hunter2";
        var result = cli.run("inventory", "--store", store);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("error: ").contains("127.0.0.1:1").doesNotContain("hunter2");

        var debug = cli.run("inventory", "--store", store, "--debug");
        assertThat(debug.exitCode()).isEqualTo(3);
        assertThat(debug.err()).contains("\tat ").doesNotContain("hunter2");
    }

    @Test
    @DisplayName("an unknown instance is a request problem: exit 1")
    void unknownInstance() throws Exception {
        var result = cli.run("describe", "no-such-vm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString().contains("no-such-vm");
    }

    @Test
    @DisplayName("usage errors exit 2 and say what is wrong")
    void usageErrors() throws Exception {
        var unknownOption = cli.run("list", "--frobnicate");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("--frobnicate", "unmanaged list --help");

        var neither = cli.run("import", "--offering", "small");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("expected either an instance (NAME|UUID), --plan FILE or --all, found none");

        var badSize = cli.run("import", "web-01", "--memory", "lots", "--dry-run");
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.err()).contains("--memory", "lots");

        var badAddress = cli.run("import", "web-01", "--ip", "10.20.0.999", "--dry-run");
        assertThat(badAddress.exitCode()).as(badAddress.toString()).isEqualTo(2);
        assertThat(badAddress.err()).startsWith("error: --ip: found '10.20.0.999', expected an IPv4 address")
                .contains("unmanaged import --help");

        for (String[] noneAtATime : new String[][] {{"unmanage", "web-01", "--parallel", "0"},
                {"import", "--plan", "plan.json", "--parallel", "0"}, {"import", "web-01", "--dry-run", "--cpus", "0"},
                {"list", "--timeout", "0"}}) {
            var refused = cli.run(noneAtATime);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains(noneAtATime[noneAtATime.length - 2] + ": found 0, expected at least 1");
        }

        var badStore = cli.run("inventory", "--store", "postgres://db/x");
        assertThat(badStore.exitCode()).isEqualTo(2);
        assertThat(badStore.err()).contains("--store", "JDBC URL");

        var badState = cli.run("list", "--state", "sleeping");
        assertThat(badState.exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("runs at the same time take turns at the embedded inventory instead of failing")
    void concurrentRunsTakeTurns() throws Exception {
        var runs = new java.util.ArrayList<java.util.concurrent.CompletableFuture<CliProcess.Result>>();
        for (String command : new String[] {"inventory", "list", "catalog", "inventory"}) {
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return cli.run(command);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var run : runs) {
            var result = run.get();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).doesNotContain("error:");
        }
    }

    @Test
    @DisplayName("a malformed plan file is a request problem naming the place in the file")
    void malformedPlan() throws Exception {
        Path plan = temp.resolve("plan.json");
        Files.writeString(plan, "{\"imports\": [{\"instance\": \"web-01\", \"memroy\": \"4GiB\"}]}");

        var result = cli.run("import", "--plan", plan.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("imports[0]", "unknown key 'memroy'");
    }
}
