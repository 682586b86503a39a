package dev.unmanaged.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.unmanaged.json.UnmanagedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses: bounded bodies, decoded queries, JSON answers, safe headers. */
final class Exchanges {
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Exchanges() {
    }

    /**
     * The request body, at most {@code maxBytes} long.
     *
     * @throws ApiFailure 413 when it is longer (announced or read), 415 when it is not JSON
     */
    static byte[] jsonBody(HttpExchange exchange, int maxBytes) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiFailure(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type: found "
                    + (type == null ? "none" : "'" + type + "'") + ", expected application/json");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && (length.length() > 10 || Long.parseLong(length) > maxBytes)) {
            throw tooLarge(length, maxBytes);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge("more than " + maxBytes, maxBytes);
            }
            return body;
        }
    }

    /**
     * Reads and drops what is left of the request body, up to {@code limit} bytes, before an early answer: a
     * connection closed with unread data is reset, and the client may then lose the answer.
     */
    static void discardBody(HttpExchange exchange, long limit) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long left = limit;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException e) {
            // The client stopped sending; the answer is tried all the same.
        }
    }

    private static ApiFailure tooLarge(String found, int maxBytes) {
        return new ApiFailure(413, "BODY_TOO_LARGE",
                "request body: found " + found + " bytes, expected at most " + maxBytes);
    }

    /** The query parameters, decoded; the first of a repeated key wins. */
    static Map<String, String> query(HttpExchange exchange) {
        var parameters = new LinkedHashMap<String, String>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(key, value);
        }
        return parameters;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(400, "BAD_URI", "a path or query part is not URL-encoded correctly");
        }
    }

    /** Answers {@code value} in the JSON contract with {@code status}. */
    static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body;
        try {
            body = UnmanagedJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        send(exchange, status, JSON_TYPE, body);
    }

    /** Answers {@code body} of {@code type} with {@code status}. */
    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        secure(headers);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Headers every answer carries: no sniffing, no framing, no referrer, nothing cached, and a content security
     * policy that runs the console's own scripts only. No CORS header is ever sent, so other origins cannot read
     * an answer.
     */
    static void secure(Headers headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
                + " form-action 'none'; frame-ancestors 'none'");
    }
}
