package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmanaged.api.text.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unmanaged watch} of the packaged tool, as a separate process, ended by Ctrl-C. */
@DisplayName("Watching hosts from the command line")
class WatchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    @DisplayName("--json prints one object a line per event, the demo host's VMs then SYNCED; Ctrl-C ends it with 130")
    void jsonLinesUntilInterrupted() throws Exception {
        var run = new CliProcess(temp.resolve("home")).start("watch", "--json");
        awaitLineContaining(run, "\"SYNCED\"");
        run.signal("INT");
        var result = run.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        List<JsonNode> events = new ArrayList<>();
        for (String line : result.out().lines().toList()) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).as("events of %s", result).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
                .contains("event", "host", "uuid", "name", "time"));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("event").asText()).as("the last event before Ctrl-C").isEqualTo("SYNCED");
        assertThat(events.subList(0, events.size() - 1)).as("the demo host's VMs")
                .allSatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("APPEARED"))
                .allSatisfy(e -> assertThat(e.get("host").asText()).isEqualTo("demo"));
    }

    @Test
    @DisplayName("human output prints a line per event with the host, name, UUID and state")
    void humanLines() throws Exception {
        var run = new CliProcess(temp.resolve("home")).start("watch");
        awaitLineContaining(run, "SYNCED");
        run.signal("INT");
        var result = run.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.out().lines().filter(l -> l.contains("APPEARED")).toList()).as(result.toString())
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains("host demo").containsPattern("\\([0-9a-f-]{36}\\)"));
    }

    @Test
    @DisplayName("human output escapes a VM name that holds a line feed, the 8-bit CSI and a bidi override")
    void hostileNameEscaped() throws Exception {
        String name = "nl-web\nforged  SYNCED\u009b2J\u202etxt";
        Path node = temp.resolve("hostile-node.xml");
        Files.writeString(node, "<?xml version='1.0' encoding='UTF-8'?>\n<node><domain type='kvm'><name>"
                + name.replace("\n", "&#10;") + "</name><uuid>00000000-0000-4000-8000-000000000001</uuid>"
                + "<memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>"
                + "</domain></node>\n");
        var run = new CliProcess(temp.resolve("home"), Map.of("LC_ALL", "C.UTF-8"))
                .start("watch", "--connect", "test://" + node);
        awaitLineContaining(run, "SYNCED ");
        run.signal("INT");
        var result = run.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.out().lines().toList()).as(result.toString()).hasSize(2);
        assertThat(result.out()).as(result.toString()).contains(SafeText.escaped(name))
                .doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");
    }

    private static void awaitLineContaining(CliProcess.Background run, String text)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.outLines().stream().noneMatch(l -> l.contains(text))) {
            assertThat(System.nanoTime()).as("%s printed within 60 s; so far: %s", text, run.outLines()).isLessThan(end);
            assertThat(run.process().isAlive()).as("the tool still runs; output so far: %s", run.outLines()).isTrue();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
