package dev.unmanaged.console;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How a console server listens.
 *
 * @param address          where it listens; 127.0.0.1 unless the user says otherwise
 * @param token            the bearer token every changing call must carry
 * @param maxBodyBytes     the largest request body accepted; a larger one is refused with 413
 * @param maxEventStreams  how many event-stream clients are served at once
 */
public record ConsoleOptions(InetSocketAddress address, AccessToken token, int maxBodyBytes, int maxEventStreams) {
    /** The port when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** A bulk import of a few thousand instances fits; a body that would exhaust memory does not. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** A handful of browser tabs. */
    public static final int DEFAULT_MAX_EVENT_STREAMS = 8;

    public ConsoleOptions {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(token, "token");
        if (maxBodyBytes < 1 || maxEventStreams < 1) {
            throw new IllegalArgumentException("maxBodyBytes and maxEventStreams: expected at least 1, found "
                    + maxBodyBytes + " and " + maxEventStreams);
        }
    }

    /** Options for 127.0.0.1:{@code port} (0 for any free port) with the default limits. */
    public static ConsoleOptions loopback(int port, AccessToken token) {
        return new ConsoleOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), token,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_EVENT_STREAMS);
    }

    /** These options with another body limit. */
    public ConsoleOptions withMaxBodyBytes(int bytes) {
        return new ConsoleOptions(address, token, bytes, maxEventStreams);
    }
}
