package dev.unmanaged.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The console's API as a client sees it, over HTTP. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A status and the JSON body answered. */
    record Answer(int status, JsonNode body, HttpResponse<String> response) {
        String errorCode() {
            return body.path("error").path("code").asText();
        }

        String errorMessage() {
            return body.path("error").path("message").asText();
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST with the server's token. */
    Answer post(String path, String json) {
        return post(path, json, token);
    }

    /** POST with {@code bearer} as the token, or none when it is null. */
    Answer post(String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text.isEmpty() || !response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/json") ? JSON.missingNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** An import of {@code name} on {@code host} as JSON, each NIC and disk of its description mapped. */
    static String importBody(String host, JsonNode described, String owner, String offering, String network,
                             String pool) {
        var body = JSON.createObjectNode();
        body.put("host", host);
        body.put("instance", described.path("uuid").asText());
        body.put("ownerId", owner);
        body.put("offeringId", offering);
        var networks = body.putObject("networkByMac");
        var ips = body.putObject("ipByMac");
        for (JsonNode nic : described.path("nics")) {
            networks.put(nic.path("mac").asText(), network);
            ips.put(nic.path("mac").asText(), "auto");
        }
        var pools = body.putObject("poolByDisk");
        for (JsonNode disk : described.path("disks")) {
            if (disk.path("device").asText().equals("disk")) {
                pools.put(disk.path("deviceName").asText(), pool);
            }
        }
        return body.toString();
    }
}
