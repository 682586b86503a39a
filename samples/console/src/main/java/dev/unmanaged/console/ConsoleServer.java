package dev.unmanaged.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.core.Watch;
import dev.unmanaged.json.UnmanagedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: the JSON API under {@code /api/v1} over a facade, a stream of its watch events, and the web pages
 * that use both, served by the JDK's HTTP server. A GET only reads; every other call needs the bearer token.
 * Bodies are bounded, errors are JSON with stable codes, and no header allows another origin to read an answer.
 *
 * <p>The server does not own the facade or the store: closing it stops the server, the watch and the event
 * streams, and leaves both open.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final String API = "/api/v1";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final HttpServer server;
    private final ExecutorService threads;
    private final EventStream events;
    private final BulkImports bulk;
    private final ApiRoutes routes;
    private final ConsoleOptions options;
    private final Watch watch;

    private ConsoleServer(ConsoleOptions options, UnmanagedInstances instances, InventoryCatalog catalog,
                          ServedHosts hosts) throws IOException {
        this.options = options;
        this.events = new EventStream(options.maxEventStreams());
        this.bulk = new BulkImports(instances, events);
        this.routes = new ApiRoutes(instances, catalog, hosts, bulk, options.maxBodyBytes());
        this.watch = startWatch(instances, hosts);
        var counter = new AtomicInteger();
        // One thread per event stream, and as many again for the calls.
        this.threads = Executors.newFixedThreadPool(options.maxEventStreams() * 2, task -> {
            Thread thread = new Thread(task, "console-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(options.address(), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts a server on {@code options.address()} over {@code instances}, listing {@code hosts}, with the import
     * form's choices from {@code catalog}.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not local)
     */
    public static ConsoleServer start(ConsoleOptions options, UnmanagedInstances instances, InventoryCatalog catalog,
                                      ServedHosts hosts) {
        Objects.requireNonNull(options, "options");
        try {
            return new ConsoleServer(options, Objects.requireNonNull(instances, "instances"),
                    Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(hosts, "hosts"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.address() + ": " + e.getMessage(), e);
        }
    }

    /** Live updates where the facade can watch the hosts; the console works without them. */
    private Watch startWatch(UnmanagedInstances instances, ServedHosts hosts) {
        try {
            return instances.watch(ListQuery.of(hosts.all()),
                    event -> events.publish("watch", WatchEventJson.fields(event)));
        } catch (UnmanagedException e) {
            LOG.warn("no live updates: {}", e.getMessage());
            return null;
        }
    }

    /** The address the console answers on, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (UnmanagedException e) {
                sendError(exchange, ErrorStatus.of(e.code()), errorBody(e));
            } catch (ApiFailure e) {
                if (e.status() == 401) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                }
                sendError(exchange, e.status(), Map.of("error", Map.of("code", e.code(), "message", e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.debug("a client left: {}", e.toString());
            } catch (RuntimeException e) {
                LOG.warn("internal error answering {}", exchange.getRequestMethod(), RedactedFailure.of(e));
                sendError(exchange, 500, Map.of("error", Map.of("code", "INTERNAL_ERROR",
                        "message", "the server failed; its log says why")));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        refuseForeignHost(exchange);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(API + "/events")) {
            if (!method.equals("GET")) {
                throw ApiFailure.methodNotAllowed(method, path, "GET");
            }
            events.serve(exchange);
        } else if (path.equals(API) || path.startsWith(API + "/")) {
            if (!method.equals("GET") && !options.token().admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw ApiFailure.unauthorized();
            }
            routes.handle(exchange, method, segments(path.substring(API.length())));
        } else if (!method.equals("GET") || !StaticFiles.serve(exchange, path)) {
            throw ApiFailure.notFound(path);
        }
    }

    /**
     * On a loopback address, a request must name the loopback host: a page elsewhere whose name a DNS rebinding
     * points at 127.0.0.1 then reads nothing.
     */
    private void refuseForeignHost(HttpExchange exchange) {
        if (!options.address().getAddress().isLoopbackAddress()) {
            return;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (!LOOPBACK_NAMES.contains(name)) {
            throw new ApiFailure(421, "MISDIRECTED_REQUEST",
                    "Host: expected 127.0.0.1 or localhost, the only names this server answers to");
        }
    }

    private static List<String> segments(String path) {
        var segments = new ArrayList<String>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(Exchanges.decode(part));
            }
        }
        return segments;
    }

    /** {@code {"error": {"code", "message"}}}, and the plan's {@code problems} for a rejected import. */
    private static ObjectNode errorBody(UnmanagedException e) {
        ObjectNode node = UnmanagedJson.mapper().createObjectNode();
        node.set("error", UnmanagedJson.mapper().valueToTree(e));
        if (e instanceof ImportRejectedException rejected) {
            node.set("problems", UnmanagedJson.mapper().valueToTree(rejected.problems()));
        }
        return node;
    }

    private void sendError(HttpExchange exchange, int status, Object body) {
        Exchanges.discardBody(exchange, 4L * options.maxBodyBytes());
        try {
            Exchanges.sendJson(exchange, status, body);
        } catch (IOException | IllegalStateException e) {
            // The answer was under way (an event stream) or the client left; nothing more can be said.
            LOG.debug("cannot answer an error: {}", e.toString());
        }
    }

    /** Stops the watch, the event streams, new bulk items and the server. */
    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        bulk.close();
        events.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
