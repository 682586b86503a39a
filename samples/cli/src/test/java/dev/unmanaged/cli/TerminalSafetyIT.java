package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.api.text.SafeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile names on a host of our own (a libvirt test-driver node file): VM names, disk paths and bridges holding
 * a line feed, a carriage return, a tab, DEL, the 8-bit CSI and bidi controls, and (given on the command line and
 * in a plan, since XML cannot carry ESC) escape sequences. Every human output of the packaged tool must show them
 * escaped and visibly, never raw; every JSON output must give back the exact value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Terminal safety: hostile names through every output of the packaged tool")
class TerminalSafetyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The names of the host's VMs; the first forges a table row if printed raw. */
    private static final List<String> NAMES = List.of(
            "nl-web\nforged-vm  00000000-0000-0000-0000-000000000000  RUNNING",
            "cr-web\rOVERWRITTEN",
            "tab-web\tx",
            "del-web\u007fx",
            "csi-web\u009b2Jx",
            "rlo-web\u202etxt.exe",
            "lri-web\u2066x\u2069");
    /** An OSC sequence that would retitle the terminal and an SGR one that would colour it. */
    private static final String ESCAPE_NAME = "esc-web\u001b]0;owned\u0007\u001b[31mred";
    /**
     * What a terminal acts on: C0 controls but the line feed, DEL, C1 controls, bidi formatting characters, line and
     * paragraph separators, the byte-order mark.
     */
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
                    + "\\u2028\\u2029\\ufeff]");

    private CliProcess cli;
    private String host;
    private Path temp;
    private int outputsChecked;

    @BeforeAll
    void hostileHost(@TempDir Path dir) throws Exception {
        temp = dir;
        // A UTF-8 locale, as most terminals have: the raw characters would reach the terminal as they are.
        cli = new CliProcess(dir.resolve("home"), Map.of("LC_ALL", "C.UTF-8"));
        var node = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n");
        for (int i = 0; i < NAMES.size(); i++) {
            node.append("<domain type='kvm'><name>").append(xml(NAMES.get(i))).append("</name>")
                    .append("<uuid>00000000-0000-4000-8000-00000000000").append(i + 1).append("</uuid>")
                    .append("<memory unit='MiB'>512</memory><vcpu>1</vcpu>")
                    .append("<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>")
                    .append("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>")
                    .append("<source file='/var/lib/libvirt/images/disk-").append(i)
                    .append(xml("\r\u009b\u202e\u2066\t.qcow2")).append("'/><target dev='vda' bus='virtio'/></disk>")
                    .append("<interface type='bridge'><mac address='52:54:00:7e:00:0").append(i + 1).append("'/>")
                    .append("<source bridge='br").append(xml("\u202e\u009b")).append(i).append("'/>")
                    .append("<model type='virtio'/></interface></devices><test:runstate>1</test:runstate></domain>\n");
        }
        Path file = dir.resolve("hostile-node.xml");
        Files.writeString(file, node.append("</node>\n"));
        host = "test://" + file;
    }

    @AfterAll
    void figures() {
        System.out.println("terminal safety: " + NAMES.size() + " hostile names on the host plus 1 with ESC sequences, "
                + outputsChecked + " outputs (stdout and stderr of each run) checked");
    }

    @Test
    @Order(1)
    @DisplayName("list: one row per VM, each name escaped; --json gives back every exact name")
    void list() throws Exception {
        var table = safe(cli.run("list", "--connect", host), 0);
        assertThat(table.outLines()).hasSize(1 + NAMES.size() + 1);
        for (String name : NAMES) {
            assertThat(table.out()).contains(SafeText.escaped(name));
        }

        var json = safe(cli.run("list", "--connect", host, "--json"), 0);
        assertThat(JSON.readTree(json.out()).get("instances").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @Test
    @Order(2)
    @DisplayName("describe: name, disk source and bridge escaped; --json gives back the exact name")
    void describe() throws Exception {
        for (String name : NAMES) {
            var result = safe(cli.run("describe", name, "--connect", host), 0);
            // libvirt hands back the CR and tab of the path as spaces (attribute normalisation).
            assertThat(result.out()).contains("Name:                " + SafeText.escaped(name), "\\u009b\\u202e\\u2066",
                    "br\\u202e\\u009b");
        }
        var json = safe(cli.run("describe", NAMES.get(0), "--connect", host, "--json"), 0);
        assertThat(JSON.readTree(json.out()).get("name").asText()).isEqualTo(NAMES.get(0));
    }

    @Test
    @Order(3)
    @DisplayName("import --dry-run: the plan's header and 'Would record' show the name escaped")
    void dryRun() throws Exception {
        for (int i = 0; i < NAMES.size(); i++) {
            var result = safe(cli.run(importArgs(i, "--dry-run")), 0);
            String escaped = SafeText.escaped(NAMES.get(i));
            assertThat(result.out()).contains("Import plan for " + escaped + " (", "Would record:",
                    "  name        vm" + i + " (" + escaped + ")");
        }
    }

    @Test
    @Order(4)
    @DisplayName("import, inventory, unmanage: results and the inventory show the names escaped")
    void importInventoryUnmanage() throws Exception {
        for (int i = 0; i < NAMES.size(); i++) {
            var result = safe(cli.run(importArgs(i)), 0);
            assertThat(result.out()).contains("Imported " + SafeText.escaped(NAMES.get(i)) + " (", "Recorded:");
        }
        var inventory = safe(cli.run("inventory"), 0);
        assertThat(inventory.outLines()).hasSize(1 + NAMES.size() + 1);
        var json = safe(cli.run("inventory", "--json"), 0);
        assertThat(JSON.readTree(json.out()).findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(NAMES);

        for (String name : NAMES) {
            var released = safe(cli.run("unmanage", name), 0);
            assertThat(released.out()).startsWith("Released " + SafeText.escaped(name) + " (");
        }
    }

    @Test
    @Order(5)
    @DisplayName("bulk import and unmanage: progress lines and summaries escaped, one line per item")
    void bulk() throws Exception {
        // A dry run stops at an instance the host does not have: it plans the host's own VMs only.
        var dryRun = safe(cli.run("import", "--plan", plan(false).toString(), "--dry-run"), 0);
        assertThat(dryRun.out()).contains(SafeText.escaped(NAMES.get(0)), NAMES.size() + " importable, 0 blocked");

        Path plan = plan(true);

        var imported = safe(cli.run("import", "--plan", plan.toString()), 1);
        List<String> progress = imported.out().lines().filter(l -> l.startsWith("[")).toList();
        assertThat(progress).hasSize(NAMES.size() + 1);
        assertThat(imported.out()).contains(NAMES.size() + " imported, 1 failed, 0 cancelled")
                .contains(SafeText.escaped(ESCAPE_NAME) + ": FAILED INSTANCE_NOT_FOUND");

        var json = safe(cli.run("import", "--plan", plan.toString(), "--json"), 1);
        assertThat(JSON.readTree(json.out()).get("outcomes").findValuesAsText("key"))
                .containsExactlyInAnyOrderElementsOf(plannedKeys());

        List<String> releaseArgs = new ArrayList<>(List.of("unmanage"));
        releaseArgs.addAll(plannedKeys());
        var released = safe(cli.run(releaseArgs.toArray(String[]::new)), 1);
        assertThat(released.out().lines().filter(l -> l.startsWith("["))).hasSize(NAMES.size() + 1);
        assertThat(released.out()).contains(NAMES.size() + " released, 1 failed, 0 cancelled");
    }

    @Test
    @Order(6)
    @DisplayName("the progress bar's carriage returns are its own: one per redraw, none from a name")
    void progressBar() throws Exception {
        var bar = new CliProcess(temp.resolve("home"), Map.of("LC_ALL", "C.UTF-8", "UNMANAGED_PROGRESS", "bar"));

        var result = bar.run("import", "--plan", plan(true).toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String drawn = result.out().split("\n", -1)[0];
        assertThat(drawn.split("\r", -1)).hasSize(NAMES.size() + 2);
        assertSafe(new CliProcess.Result(result.exitCode(), result.out().replace("\r", ""), result.err()));
    }

    @Test
    @Order(7)
    @DisplayName("errors echo the user's words escaped and cut: unknown names, bad values, unknown commands")
    void errors() throws Exception {
        var unknown = safe(cli.run("describe", ESCAPE_NAME, "--connect", host), 1);
        assertThat(unknown.err()).contains(SafeText.escaped(ESCAPE_NAME)).hasLineCount(1);

        // 80 KB of arguments: Linux takes at most 128 KiB in one.
        var huge = safe(cli.run("describe", "x\u202e".repeat(20_000), "--connect", host), 1);
        assertThat(huge.err()).hasLineCount(1).containsPattern("\\.\\.\\.\\(4\\d{4} chars\\)");
        assertThat(huge.err().length()).isLessThan(7_000);

        var badSize = safe(cli.run("import", "web-01", "--memory", ESCAPE_NAME, "--dry-run"), 2);
        assertThat(badSize.err()).contains("--memory", SafeText.escaped(ESCAPE_NAME));

        var badUri = safe(cli.run("list", "--connect", ESCAPE_NAME), 2);
        assertThat(badUri.err()).contains("--connect", SafeText.escaped(ESCAPE_NAME));

        var badCommand = safe(cli.run(ESCAPE_NAME), 2);
        assertThat(badCommand.err()).contains("unknown command '" + SafeText.escaped(ESCAPE_NAME) + "'");

        var badPlan = temp.resolve("bad-plan.json");
        Files.writeString(badPlan, JSON.writeValueAsString(List.of(Map.of("instance", "a", ESCAPE_NAME, 1))));
        var refused = safe(cli.run("import", "--plan", badPlan.toString()), 1);
        assertThat(refused.err()).contains("unknown key '" + SafeText.escaped(ESCAPE_NAME) + "'");
    }

    private String[] importArgs(int i, String... more) {
        List<String> args = new ArrayList<>(List.of("import", NAMES.get(i), "--connect", host, "--owner", "acme",
                "--offering", "custom", "--network", "guest", "--pool", "local-images", "--display-name", "vm" + i));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private List<String> plannedKeys() {
        List<String> keys = new ArrayList<>(NAMES);
        keys.add(ESCAPE_NAME);
        return keys;
    }

    private Path plan(boolean withUnknownInstance) throws Exception {
        var imports = IntStream.range(0, NAMES.size())
                .mapToObj(i -> Map.of("instance", NAMES.get(i), "displayName", "vm" + i))
                .collect(Collectors.toCollection(ArrayList::new));
        if (withUnknownInstance) {
            imports.add(Map.of("instance", ESCAPE_NAME, "displayName", "vm-esc"));
        }
        Path plan = temp.resolve("hostile-plan-" + withUnknownInstance + ".json");
        Files.writeString(plan, JSON.writeValueAsString(Map.of(
                "defaults", Map.of("host", host, "owner", "acme", "offering", "custom", "network", "guest",
                        "pool", "local-images"),
                "imports", imports)));
        return plan;
    }

    /** {@code result}, once it exited with {@code status} and its stdout and stderr were found terminal-safe. */
    private CliProcess.Result safe(CliProcess.Result result, int status) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(status);
        assertSafe(result);
        return result;
    }

    private void assertSafe(CliProcess.Result result) {
        for (String stream : new String[] {result.out(), result.err()}) {
            Matcher unsafe = UNSAFE.matcher(stream);
            if (unsafe.find()) {
                int at = unsafe.start();
                throw new AssertionError("raw U+" + String.format("%04X", (int) stream.charAt(at)) + " at " + at
                        + " in: " + SafeText.of(stream.substring(Math.max(0, at - 80)), 200) + "\n" + result);
            }
            outputsChecked++;
        }
    }

    /** XML text and attribute escaping; line breaks and tabs as character references, which XML keeps. */
    private static String xml(String value) {
        var out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '\n', '\r', '\t' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
