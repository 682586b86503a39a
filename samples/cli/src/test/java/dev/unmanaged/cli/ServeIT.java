package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unmanaged serve} of the packaged tool, as a separate process, ended by Ctrl-C. */
@DisplayName("Serving the console from the command line")
class ServeIT {
    private static final String TOKEN = "from-the-environment-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    @DisplayName("serve prints the console's address with the token from UNMANAGED_TOKEN, answers the API, and stops on Ctrl-C")
    void servesUntilInterrupted() throws Exception {
        var run = new CliProcess(temp.resolve("home"), Map.of("UNMANAGED_TOKEN", TOKEN)).start("serve", "--port", "0");
        String console = awaitLineStartingWith(run, "Console: ").substring("Console: ".length());
        assertThat(console).startsWith("http://127.0.0.1:").endsWith("/#token=" + TOKEN);
        URI base = URI.create(console.substring(0, console.indexOf('#')));

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(base.resolve("api/v1/instances?name=web")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\":\"web-01\"", "\"hostId\":\"demo\"");

        String plan = "{\"host\": \"demo\", \"instance\": \"web-01\", \"ownerId\": \"acme\", \"offeringId\": \"medium\"}";
        assertThat(post(base, plan, null).statusCode()).isEqualTo(401);
        HttpResponse<String> planned = post(base, plan, TOKEN);
        assertThat(planned.statusCode()).isEqualTo(200);
        assertThat(planned.body()).contains("\"code\":\"NIC_UNMAPPED\"");

        run.signal("INT");
        var result = run.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.err()).as("the log").doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("a token from UNMANAGED_TOKEN that is too short is a usage error that does not repeat it")
    void shortToken() throws Exception {
        var result = new CliProcess(temp.resolve("home"), Map.of("UNMANAGED_TOKEN", "short-secret"))
                .run("serve", "--port", "0");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("UNMANAGED_TOKEN", "at least 16").doesNotContain("short-secret");
    }

    private HttpResponse<String> post(URI base, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/imports/plan"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitLineStartingWith(CliProcess.Background run, String prefix) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            var line = run.outLines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertThat(System.nanoTime()).as("%s printed within 60 s; so far: %s", prefix, run.outLines()).isLessThan(end);
            assertThat(run.process().isAlive()).as("the tool still runs; output so far: %s", run.outLines()).isTrue();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
