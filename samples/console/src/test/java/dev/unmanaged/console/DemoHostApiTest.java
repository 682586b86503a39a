package dev.unmanaged.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unmanaged.console.ApiClient.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's API over the demo host")
class DemoHostApiTest {
    private static RunningConsole console;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        console = RunningConsole.overDemoHost(64 * 1024);
        api = console.api;
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static JsonNode describe(String name) {
        Answer described = api.get("/api/v1/hosts/demo/instances/" + name);
        assertThat(described.status()).isEqualTo(200);
        return described.body();
    }

    @Test
    @DisplayName("lists the demo host's unmanaged instances in the JSON contract, filtered by name and state")
    void lists() {
        Answer all = api.get("/api/v1/instances");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("totalMatching").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(all.body().path("instances").get(0).has("powerState")).isTrue();

        Answer filtered = api.get("/api/v1/instances?name=web&state=RUNNING");
        assertThat(filtered.body().path("instances")).extracting(n -> n.path("name").asText())
                .containsOnly("web-01", "web-02");
        assertThat(api.get("/api/v1/hosts").body().toString()).isEqualTo("[{\"id\":\"demo\",\"hypervisor\":\"kvm\"}]");
        assertThat(api.get("/api/v1/catalog").body().path("owners").toString()).contains("acme");
    }

    @Test
    @DisplayName("describes one instance, and answers an unknown one with 404 INSTANCE_NOT_FOUND")
    void describes() {
        assertThat(describe("db-01").path("nics")).hasSize(2);
        Answer missing = api.get("/api/v1/hosts/demo/instances/no-such-vm");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("INSTANCE_NOT_FOUND");
        Answer unknownHost = api.get("/api/v1/hosts/elsewhere/instances/web-01");
        assertThat(unknownHost.status()).isEqualTo(400);
        assertThat(unknownHost.errorMessage()).contains("host", "elsewhere", "demo");
    }

    @Test
    @DisplayName("a plan shows every blocking problem; importing it anyway is 422 IMPORT_REJECTED with the problems")
    void blockedPlan() {
        String body = "{\"host\": \"demo\", \"instance\": \"cache-01\", \"ownerId\": \"acme\", \"offeringId\": \"small\"}";
        Answer plan = api.post("/api/v1/imports/plan", body);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body().path("importable").asBoolean()).isFalse();
        assertThat(plan.body().path("problems")).extracting(p -> p.path("code").asText())
                .contains("NIC_UNMAPPED", "DISK_UNMAPPED", "OFFERING_CPU_MISMATCH");

        Answer rejected = api.post("/api/v1/imports", body);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errorCode()).isEqualTo("IMPORT_REJECTED");
        assertThat(rejected.body().path("problems")).isNotEmpty();
        assertThat(api.get("/api/v1/managed?name=cache-01").body().path("instances")).isEmpty();
    }

    @Test
    @DisplayName("list, plan, import, inventory, unmanage plan and unmanage, with MANAGED and RELEASED events streamed")
    void importsAndUnmanages() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        var stream = api.http().sendAsync(HttpRequest.newBuilder(api.uri("/api/v1/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> opened = stream.get(10, TimeUnit.SECONDS);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        Thread reader = new Thread(() -> opened.body().filter(l -> l.startsWith("data:")).forEach(events::add));
        reader.setDaemon(true);
        reader.start();

        JsonNode web02 = describe("web-02");
        String body = ApiClient.importBody("demo", web02, "acme", "medium", "prod", "local-images");
        Answer plan = api.post("/api/v1/imports/plan", body);
        assertThat(plan.body().path("importable").asBoolean()).as(plan.body().toString()).isTrue();

        Answer imported = api.post("/api/v1/imports", body);
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().path("instance").path("name").asText()).isEqualTo("web-02");
        assertThat(awaitEvent(events, "MANAGED", "web-02")).isTrue();

        Answer managed = api.get("/api/v1/managed?name=web-02");
        assertThat(managed.body().path("instances")).extracting(n -> n.path("ownerId").asText()).containsExactly("acme");
        assertThat(api.get("/api/v1/instances?name=web-02").body().path("instances")).isEmpty();

        Answer again = api.post("/api/v1/imports", body.replace("\"medium\"", "\"large\""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ALREADY_MANAGED");

        Answer unmanagePlan = api.post("/api/v1/managed/web-02/unmanage/plan?host=demo", "");
        assertThat(unmanagePlan.status()).as(unmanagePlan.body().toString()).isEqualTo(200);
        assertThat(unmanagePlan.body().path("record").path("name").asText()).isEqualTo("web-02");
        assertThat(api.get("/api/v1/managed?name=web-02").body().path("instances")).hasSize(1);

        Answer released = api.post("/api/v1/managed/web-02/unmanage", "");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().path("released").path("name").asText()).isEqualTo("web-02");
        assertThat(awaitEvent(events, "RELEASED", "web-02")).isTrue();
        assertThat(api.get("/api/v1/instances?name=web-02").body().path("instances")).hasSize(1);
        assertThat(api.post("/api/v1/managed/web-02/unmanage", "").errorCode()).isEqualTo("INSTANCE_NOT_FOUND");
    }

    @Test
    @DisplayName("a bulk import runs in the background, streams its progress and reports each outcome")
    void bulkImport() throws Exception {
        String first = ApiClient.importBody("demo", describe("web-01"), "acme", "medium", "prod", "local-images");
        String second = "{\"host\": \"demo\", \"instance\": \"cache-01\", \"ownerId\": \"acme\", \"offeringId\": \"small\"}";
        Answer started = api.post("/api/v1/imports/bulk", "{\"imports\": [" + first + ", " + second + "]}");
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.body().path("total").asInt()).isEqualTo(2);

        JsonNode state = awaitBulk(id);
        assertThat(state.path("done").asInt()).isEqualTo(2);
        List<String> statuses = new ArrayList<>();
        state.path("result").path("outcomes").forEach(o -> statuses.add(o.path("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("SUCCEEDED", "FAILED");
        assertThat(api.post("/api/v1/managed/web-01/unmanage", "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/imports/bulk/unknown").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a fleet under the demo map file: its plans as a dry run, then the importable ones imported in bulk")
    void fleetByMap() throws Exception {
        String map = Files.readString(Path.of(System.getProperty("unmanaged.demo.map")));
        String body = "{\"map\": " + map + ", \"ownerId\": \"acme\", \"select\": \"web-0?\"}";
        Answer plans = api.post("/api/v1/fleet/plan", body);
        assertThat(plans.status()).as(plans.body().toString()).isEqualTo(200);
        assertThat(plans.body().path("plans")).extracting(p -> p.path("instance").path("name").asText())
                .containsExactlyInAnyOrder("web-01", "web-02");
        assertThat(plans.body().path("plans")).allSatisfy(p -> assertThat(p.path("importable").asBoolean()).isTrue());
        assertThat(api.get("/api/v1/managed?name=web-0").body().path("instances")).isEmpty();

        Answer started = api.post("/api/v1/fleet/imports", body);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("blocked")).isEmpty();
        JsonNode state = awaitBulk(started.body().path("id").asText());
        assertThat(state.path("result").path("outcomes")).extracting(o -> o.path("status").asText())
                .containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(api.post("/api/v1/managed/web-01/unmanage", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/managed/web-02/unmanage", "").status()).isEqualTo(200);

        Answer unknownNetwork = api.post("/api/v1/fleet/plan", "{\"map\": {\"networks\": [{\"match\": {\"vlan\": 1},"
                + " \"network\": \"nowhere\"}]}, \"ownerId\": \"acme\"}");
        assertThat(unknownNetwork.status()).isEqualTo(400);
        assertThat(unknownNetwork.errorMessage()).contains("body.map", "nowhere");
        assertThat(api.post("/api/v1/fleet/plan", "{\"ownerId\": \"acme\"}").errorMessage()).contains("body.map");
    }

    @Test
    @DisplayName("every call that changes something is refused without the token (401) and with a wrong one")
    void token() {
        String body = "{\"host\": \"demo\", \"instance\": \"web-01\"}";
        for (String bearer : new String[] {null, "wrong-token-0123456789", RunningConsole.TOKEN + "x"}) {
            Answer refused = api.post("/api/v1/imports", body, bearer);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(refused.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.response().body()).doesNotContain(RunningConsole.TOKEN);
        }
        assertThat(api.post("/api/v1/managed/web-01/unmanage", "", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/imports/plan", body).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/instances").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("bad bodies are typed JSON errors naming the field; a body over the limit is refused with 413")
    void badBodies() {
        Answer malformed = api.post("/api/v1/imports/plan", "{\"host\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("INVALID_REQUEST");

        Answer unknownKey = api.post("/api/v1/imports/plan", "{\"host\": \"demo\", \"instance\": \"x\", \"owner\": \"acme\"}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.errorMessage()).contains("body.owner", "ownerId");

        Answer twice = api.post("/api/v1/imports/plan", "{\"host\": \"demo\", \"host\": \"demo\", \"instance\": \"x\"}");
        assertThat(twice.errorCode()).isEqualTo("INVALID_REQUEST");

        Answer wrongType = api.post("/api/v1/imports/plan", "{\"host\": \"demo\", \"instance\": \"web-01\", \"cpus\": \"two\"}");
        assertThat(wrongType.errorMessage()).contains("body.cpus", "two", "whole number");

        Answer notAnObject = api.post("/api/v1/imports/plan", "[1, 2]");
        assertThat(notAnObject.errorMessage()).contains("body", "array", "JSON object");

        Answer otherHost = api.post("/api/v1/imports/plan", "{\"host\": \"test:///etc/passwd\", \"instance\": \"x\"}");
        assertThat(otherHost.status()).isEqualTo(400);
        assertThat(otherHost.errorMessage()).contains("body.host", "one of the hosts served: demo");

        Answer notJson = api.send(HttpRequest.newBuilder(api.uri("/api/v1/imports/plan"))
                .header("Authorization", "Bearer " + RunningConsole.TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        String huge = "{\"host\": \"demo\", \"instance\": \"" + "x".repeat(70 * 1024) + "\"}";
        Answer tooLarge = api.post("/api/v1/imports/plan", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("BODY_TOO_LARGE");
        assertThat(tooLarge.errorMessage()).contains(String.valueOf(64 * 1024));
    }

    @Test
    @DisplayName("unknown paths and methods are 404 and 405; the query is checked")
    void routes() {
        assertThat(api.get("/api/v1/nothing").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v2/instances").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports").status()).isEqualTo(405);
        Answer badState = api.get("/api/v1/instances?state=ASLEEP");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.errorMessage()).contains("state", "ASLEEP", "RUNNING");
        assertThat(api.get("/api/v1/instances?limit=-1").errorMessage()).contains("limit", "-1");
    }

    @Test
    @DisplayName("serves the console page with a content security policy and no CORS header for any origin")
    void page() {
        Answer page = api.send(HttpRequest.newBuilder(api.uri("/")).header("Origin", "https://evil.example"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().body()).contains("<!doctype html>");
        assertThat(page.response().headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");
        assertThat(page.response().headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
        Answer preflight = api.send(HttpRequest.newBuilder(api.uri("/api/v1/imports"))
                .header("Origin", "https://evil.example")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(401);
        assertThat(api.get("/../../etc/passwd").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a request naming another host than the loopback one (DNS rebinding) is refused with 421")
    void foreignHostHeader() throws Exception {
        try (Socket socket = new Socket(api.uri("/").getHost(), api.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/instances HTTP/1.1\r\nHost: rebound.example:80\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 421");
        }
    }

    /** The state of the bulk import {@code id} once finished; polled, as a client without the stream would. */
    private static JsonNode awaitBulk(String id) throws InterruptedException {
        JsonNode state = api.get("/api/v1/imports/bulk/" + id).body();
        for (int i = 0; i < 600 && !state.path("finished").asBoolean(); i++) {
            Thread.sleep(50);
            state = api.get("/api/v1/imports/bulk/" + id).body();
        }
        assertThat(state.path("finished").asBoolean()).as(state.toString()).isTrue();
        return state;
    }

    private static boolean awaitEvent(BlockingQueue<String> events, String kind, String name)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            String line = events.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains("\"event\":\"" + kind + "\"") && line.contains("\"name\":\"" + name + "\"")) {
                return true;
            }
        }
        return false;
    }
}
