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

/** Plan files read strictly, and the exit statuses and JSON errors of docs/cli.md, run as a separate process. */
@DisplayName("Plan files and exit codes, run as a separate process")
class PlanAndExitCodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_01_UUID = "f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6";
    private static final String REFUSING_HOST = "qemu+tcp://127.0.0.1:1/system";

    @TempDir
    Path temp;
    private CliProcess cli;

    @BeforeEach
    void setUp() {
        cli = new CliProcess(temp.resolve("home"));
    }

    private Path plan(String json) throws Exception {
        Path file = temp.resolve("plan.json");
        Files.writeString(file, json);
        return file;
    }

    private static String imports(String... instances) {
        var out = new StringBuilder("{\"defaults\": {\"owner\": \"acme\", \"offering\": \"medium\","
                + " \"network\": \"prod\", \"pool\": \"local-images\"}, \"imports\": [");
        for (int i = 0; i < instances.length; i++) {
            out.append(i == 0 ? "" : ", ").append("{\"instance\": \"").append(instances[i]).append("\"}");
        }
        return out.append("]}").toString();
    }

    @Test
    @DisplayName("a libvirt URI with a password is a usage error (exit 2) that never echoes the password")
    void libvirtUriWithPassword() throws Exception {
        var result = cli.run("list", "--connect", "qemu+ssh://root:S3cr3t-Host-Pw@kvm-1/system");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--connect").contains("without a password");
        assertThat(result.out() + result.err()).doesNotContain("S3cr3t-Host-Pw");
    }

    @Test
    @DisplayName("one instance twice in a plan, by name or by name and UUID, is refused before anything runs")
    void duplicateInstances() throws Exception {
        var byName = cli.run("import", "--plan", plan(imports("web-01", "web-02", "web-01")).toString());
        assertThat(byName.exitCode()).as(byName.toString()).isEqualTo(1);
        assertThat(byName.err().lines()).singleElement().asString()
                .contains("imports[0] and imports[2] name the same instance, 'web-01' on demo");
        assertThat(byName.out()).isEmpty();

        var byUuid = cli.run("import", "--plan", plan(imports("web-01", WEB_01_UUID)).toString(), "--dry-run");
        assertThat(byUuid.exitCode()).as(byUuid.toString()).isEqualTo(1);
        assertThat(byUuid.err()).contains("imports[0] and imports[1] name the same instance, 'web-01' and '"
                + WEB_01_UUID + "' (UUID " + WEB_01_UUID + ")");

        assertThat(cli.run("inventory").out()).contains("0 managed instances");
    }

    @Test
    @DisplayName("duplicate keys, trailing content, deep nesting and huge strings: a clear error and exit 1")
    void strictPlanFiles() throws Exception {
        var duplicateKey = cli.run("import", "--plan",
                plan("[{\"instance\": \"web-01\", \"owner\": \"acme\", \"owner\": \"globex\"}]").toString());
        assertThat(duplicateKey.exitCode()).as(duplicateKey.toString()).isEqualTo(1);
        assertThat(duplicateKey.err()).contains("Duplicate field 'owner'", "(line 1)");

        var trailing = cli.run("import", "--plan", plan(imports("web-01") + "\n{\"imports\": []}").toString());
        assertThat(trailing.exitCode()).as(trailing.toString()).isEqualTo(1);
        assertThat(trailing.err())
                .contains("holds more after its JSON document (line 2); expected one JSON array or object");

        var deep = cli.run("import", "--plan", plan("[".repeat(200_000) + "]".repeat(200_000)).toString());
        assertThat(deep.exitCode()).as(deep.toString()).isEqualTo(1);
        assertThat(deep.err().lines()).singleElement().asString()
                .contains("nesting depth", "expected at most 32 levels of nesting");

        var huge = cli.run("import", "--plan", plan("[{\"instance\": \"" + "x".repeat(5_000_000) + "\"}]").toString());
        assertThat(huge.exitCode()).as(huge.toString()).isEqualTo(1);
        assertThat(huge.err().lines()).singleElement().asString()
                .contains("String value length", "strings of at most 65536 characters");

        for (var result : new CliProcess.Result[] {duplicateKey, trailing, deep, huge}) {
            assertThat(result.err()).doesNotContain("unexpected failure", "Exception", "\tat ");
        }
    }

    @Test
    @DisplayName("a host whose libvirt refuses its definitions cannot be listed: exit 3, like an unreachable one")
    void unlistableHostIsThree() throws Exception {
        Path broken = temp.resolve("broken-node.xml");
        Files.writeString(broken, "<node><domain type='kvm'><name>x&#27;</name></domain></node>");

        var result = cli.run("list", "--connect", "test://" + broken, "--connect", "demo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("12 unmanaged instances on 1 host (1 host could not be listed)");
        assertThat(result.err()).contains("error: host test://" + broken);
    }

    @Test
    @DisplayName("import --json on a host that cannot be reached: the JSON error on stdout, one line on stderr, exit 3")
    void importJsonError() throws Exception {
        var result = cli.run("import", "web-01", "--connect", REFUSING_HOST, "--owner", "acme", "--offering",
                "medium", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode error = JSON.readTree(result.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("HOST_UNAVAILABLE");
        assertThat(error.get("message").asText()).contains(REFUSING_HOST);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: ").contains(REFUSING_HOST);

        var plainRun = cli.run("describe", "web-01", "--connect", REFUSING_HOST);
        assertThat(plainRun.exitCode()).isEqualTo(3);
        assertThat(plainRun.out()).isEmpty();
    }

    @Test
    @DisplayName("an unknown command lists the commands; describe '' names NAME|UUID; both exit 2")
    void usage() throws Exception {
        var unknown = cli.run("lsit");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown command 'lsit'; expected one of list, watch, describe, import,"
                + " unmanage, inventory, catalog, parse, serve, version, help").contains("Run 'unmanaged --help'");

        for (String[] blank : new String[][] {{"describe", ""}, {"import", " ", "--dry-run"}, {"unmanage", ""}}) {
            var result = cli.run(blank);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).containsPattern("error: (NAME\\|UUID|UUID\\|NAME): found '\\s*', expected a"
                    + " non-empty value").contains("Run 'unmanaged " + blank[0] + " --help'");
        }
    }

    @Test
    @DisplayName("`unmanaged version` prints what --version prints")
    void version() throws Exception {
        var command = cli.run("version");
        var option = cli.run("--version");

        assertThat(command.exitCode()).isZero();
        assertThat(command.out()).startsWith("unmanaged ").contains("Java ").isEqualTo(option.out());
    }
}
