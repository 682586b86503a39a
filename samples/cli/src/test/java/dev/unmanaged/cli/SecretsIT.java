package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets quoted by other software (libvirt's error lines, the first line of a file given as a test-driver node,
 * JDBC drivers, the connection pool) never reach the tool's stdout or stderr, with or without {@code --debug}.
 */
@DisplayName("Secrets in other software's text, run as a separate process")
class SecretsIT {
    private static final String SENTINEL = "SENTINEL-5b2d9e";

    @TempDir
    Path temp;
    private CliProcess cli;

    @BeforeEach
    void setUp() {
        cli = new CliProcess(temp.resolve("home"));
    }

    private static void assertNoSentinel(CliProcess.Result result) {
        assertThat(result.out()).as(result.toString()).doesNotContain(SENTINEL);
        assertThat(result.err()).as(result.toString()).doesNotContain(SENTINEL);
    }

    private Path nodeWithGraphicsLine(String graphicsLine) throws Exception {
        return Files.writeString(temp.resolve("node.xml"), String.join("\n",
                "<node>",
                "  <domain type='test'>",
                "    <name>vm-1</name><memory>1048576</memory><os><type>hvm</type></os>",
                "    <devices>",
                "      " + graphicsLine.formatted(SENTINEL),
                "    </devices>",
                "  </domain>",
                "</node>", ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<graphics type='vnc' port='-1' passwd='%s' <bad/>",
        "<graphics type='spice' passwd=\"%s\" x='1' x='2'/>",
        "<graphics type='vnc' passwd='%s <bad/>"})
    @DisplayName("a host whose definition has an XML error on the console password's line: list, JSON, describe")
    void passwordLineOfAHost(String graphicsLine) throws Exception {
        String connect = "test://" + nodeWithGraphicsLine(graphicsLine);

        var list = cli.run("list", "--connect", connect);
        var json = cli.run("list", "--json", "--connect", connect);
        var describe = cli.run("describe", "vm-1", "--connect", connect, "--debug");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(3);
        assertThat(list.err()).contains("is not a libvirt test-driver node document");
        assertThat(json.out()).contains("\"failures\"", "HOST_UNAVAILABLE");
        assertThat(describe.exitCode()).as(describe.toString()).isEqualTo(3);
        List.of(list, json, describe).forEach(SecretsIT::assertNoSentinel);
    }

    @Test
    @DisplayName("--connect test:///FILE names a file that is no node document without printing its content")
    void foreignFileAsNode() throws Exception {
        Path secret = Files.writeString(temp.resolve("credentials"), "admin:" + SENTINEL + "\nsecond line\n");

        var result = cli.run("list", "--connect", "test://" + secret);
        var passwd = cli.run("list", "--debug", "--connect", "test:///etc/passwd");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains(secret.toString(), "is not a libvirt test-driver node document");
        assertNoSentinel(result);
        assertThat(passwd.out() + passwd.err()).as(passwd.toString()).doesNotContain("root:x:0:0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jdbc:postgresql://u:%s@127.0.0.1:1/x",
        "jdbc:postgresql://127.0.0.1:1/x?user=u&password=%s",
        "jdbc:postgresql://127.0.0.1:1/x?user=u&PASSWORD=%s",
        "jdbc:postgresql://127.0.0.1:1/x?user=u&sslpassword=%s",
        "jdbc:postgresql://127.0.0.1:notaport/x?password=%s",
        "jdbc:postgresql://127.0.0.1:55432/unmanaged?user=postgres&password=%s&sslmode=require"})
    @DisplayName("a PostgreSQL store URL's password appears nowhere, with or without --debug")
    void postgresStorePassword(String store) throws Exception {
        String url = store.formatted(SENTINEL);
        var results = new ArrayList<CliProcess.Result>();
        results.add(cli.run("inventory", "--store", url));
        results.add(cli.run("inventory", "--store", url, "--debug"));

        results.forEach(result -> {
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertNoSentinel(result);
        });
        assertThat(results.get(0).err()).as("no driver warning without --debug").doesNotContain("WARNING");
    }

    @Test
    @DisplayName("an H2 store URL's PASSWORD appears nowhere, with or without --debug")
    void h2StorePassword() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("inventory") + ";USER=sa;PASSWORD=" + SENTINEL;
        String wrong = "jdbc:h2:file:" + temp.resolve("inventory") + ";USER=sa;PASSWORD=wrong-" + SENTINEL;

        var results = List.of(cli.run("inventory", "--store", url), cli.run("inventory", "--store", url, "--debug"),
                cli.run("inventory", "--store", wrong), cli.run("inventory", "--store", wrong, "--debug"));

        assertThat(results.get(0).exitCode()).as(results.get(0).toString()).isZero();
        assertThat(results.get(2).exitCode()).as(results.get(2).toString()).isNotZero();
        results.forEach(SecretsIT::assertNoSentinel);
    }
}
