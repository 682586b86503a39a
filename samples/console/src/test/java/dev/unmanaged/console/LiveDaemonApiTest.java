package dev.unmanaged.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.console.ApiClient.Answer;
import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's API over the live libvirt daemon at qemu:///system, with a stopped domain of its own. */
@DisplayName("The console's API over the live libvirt daemon")
class LiveDaemonApiTest {
    private static final String URI = "qemu:///system";
    private final String name = "unmanaged-console-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path temp;

    @AfterEach
    void undefine() throws Exception {
        if (!LiveServices.skipped()) {
            virsh("undefine", name);
        }
    }

    @Test
    @DisplayName("list, plan, import, inventory and unmanage a domain of the daemon over HTTP")
    void importsAndUnmanages() throws Exception {
        LiveServices.skipIfAsked();
        define();
        try (RunningConsole console = RunningConsole.over(new Host(URI, "kvm", URI))) {
            ApiClient api = console.api;
            Answer listed = api.get("/api/v1/instances?name=" + name);
            if (!listed.body().path("failures").isEmpty()) {
                throw LiveServices.unavailable("the libvirt daemon at " + URI, listed.body().path("failures").toString(),
                        "bash scripts/libvirt-live.sh start");
            }
            assertThat(listed.body().path("instances")).extracting(i -> i.path("powerState").asText())
                    .containsExactly("STOPPED");
            String body = "{\"host\": \"" + URI + "\", \"instance\": \"" + name + "\", \"ownerId\": \"acme\","
                    + " \"offeringId\": \"custom\"}";

            Answer plan = api.post("/api/v1/imports/plan", body);
            assertThat(plan.body().path("importable").asBoolean()).as(plan.body().toString()).isTrue();
            Answer imported = api.post("/api/v1/imports", body);
            assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
            assertThat(api.get("/api/v1/managed?name=" + name).body().path("instances")).hasSize(1);
            assertThat(api.get("/api/v1/instances?name=" + name).body().path("instances")).isEmpty();

            Answer unmanagePlan = api.post("/api/v1/managed/" + name + "/unmanage/plan", "");
            assertThat(unmanagePlan.body().path("powerState").asText()).as(unmanagePlan.body().toString())
                    .isEqualTo("STOPPED");
            Answer released = api.post("/api/v1/managed/" + name + "/unmanage", "");
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            JsonNode again = api.get("/api/v1/instances?name=" + name).body().path("instances");
            assertThat(again).hasSize(1);
            assertThat(api.get("/api/v1/managed?name=" + name).body().path("instances")).isEmpty();
        }
    }

    private void define() throws Exception {
        Path xml = temp.resolve("domain.xml");
        Files.writeString(xml, """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                </domain>
                """.formatted(name));
        String defined = virsh("define", xml.toString());
        if (!defined.contains("defined")) {
            throw LiveServices.unavailable("the libvirt daemon at " + URI, defined.strip(),
                    "bash scripts/libvirt-live.sh start");
        }
    }

    private static String virsh(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "virsh is not installed: " + e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
