package dev.unmanaged.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The console's files, served from the jar's resources under {@value #ROOT}: a fixed list, so no path a client
 * sends can name another resource.
 */
final class StaticFiles {
    static final String ROOT = "/dev/unmanaged/console/web/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/console.css", "console.css",
            "/console.js", "console.js",
            "/favicon.svg", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private StaticFiles() {
    }

    /** Answers {@code path} when it is one of the console's files; false otherwise. */
    static boolean serve(HttpExchange exchange, String path) throws IOException {
        Optional<String> file = Optional.ofNullable(FILES.get(path));
        if (file.isEmpty()) {
            return false;
        }
        String name = file.get();
        byte[] body;
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + name + " is missing from the jar");
            }
            body = in.readAllBytes();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        Exchanges.send(exchange, 200, type, body);
        return true;
    }
}
