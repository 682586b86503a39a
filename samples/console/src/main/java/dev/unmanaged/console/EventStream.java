package dev.unmanaged.console;

import com.sun.net.httpserver.HttpExchange;
import dev.unmanaged.json.UnmanagedJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events to every connected client: {@code watch} events (one watch event each, in the form of
 * {@link WatchEventJson}) and {@code bulk} events (the progress of a bulk import). Each client has a bounded queue;
 * a client that falls that far behind is dropped and reconnects. A comment line every
 * {@link #KEEP_ALIVE} finds clients that left.
 */
final class EventStream implements AutoCloseable {
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int QUEUE_LENGTH = 1024;
    private static final String CLOSED = "";

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private final int maxClients;

    EventStream(int maxClients) {
        this.maxClients = maxClients;
    }

    /** Sends the event {@code name} with {@code data} as compact JSON (one line) to every client. */
    void publish(String name, Object data) {
        String message = "event: " + name + "\ndata: " + UnmanagedJson.toJson(data) + "\n\n";
        for (BlockingQueue<String> client : clients) {
            if (!client.offer(message)) {
                clients.remove(client);
                client.clear();
                client.offer(CLOSED);
            }
        }
    }

    /** Streams events to the client of {@code exchange} until it leaves or the server stops. */
    void serve(HttpExchange exchange) throws IOException, InterruptedException {
        if (clients.size() >= maxClients) {
            throw new ApiFailure(503, "TOO_MANY_STREAMS",
                    "event streams: " + maxClients + " clients are connected, the most served at once");
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
        clients.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            Exchanges.secure(exchange.getResponseHeaders());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, "retry: 2000\n: connected\n\n");
                while (true) {
                    String message = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    if (message == CLOSED) {
                        return;
                    }
                    write(out, message == null ? ": keep-alive\n\n" : message);
                }
            }
        } finally {
            clients.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream. */
    @Override
    public void close() {
        for (BlockingQueue<String> client : clients) {
            client.clear();
            client.offer(CLOSED);
        }
        clients.clear();
    }
}
