package dev.unmanaged.tck;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A proxy in front of a libvirt daemon's UNIX socket, for tests and benchmarks: it holds every chunk for a
 * fixed delay in each direction (a round trip across a network, without {@code tc netem}), and counts the
 * libvirt RPC calls clients send. Calls still overlap, as they would across a real link. Clients connect with
 * {@code qemu+unix:///system?socket=} {@link #socket()}.
 *
 * <p>Counted are messages of libvirt's remote program ({@code 0x20008086}) of type call; keepalive pings and
 * stream data are not calls. The framing is libvirt's: a 4-byte big-endian length that includes itself, then
 * program, version, procedure and type (4 bytes each), serial, status and the body.
 */
public final class LibvirtSocketProxy implements AutoCloseable {
    /** The socket of the system daemon that {@code scripts/libvirt-live.sh start} runs. */
    public static final Path SYSTEM_SOCKET = Path.of("/run/libvirt/libvirt-sock");

    private static final int REMOTE_PROGRAM = 0x20008086;
    private static final int TYPE_CALL = 0;
    private static final int HEADER_BYTES = 20;

    private final Path directory;
    private final Path socket;
    private final Path daemonSocket;
    private final long delayNanos;
    private final ServerSocketChannel server;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Integer, AtomicLong> byProcedure = new ConcurrentHashMap<>();

    private LibvirtSocketProxy(Path daemonSocket, long delayNanos) throws IOException {
        this.directory = Files.createTempDirectory("libvirt-proxy");
        this.socket = directory.resolve("libvirt-sock");
        this.daemonSocket = daemonSocket;
        this.delayNanos = delayNanos;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        daemon("libvirt-proxy-accept", this::accept);
    }

    /**
     * Starts a proxy to {@code daemonSocket} that delays each direction by {@code oneWayDelayNanos} (0: none).
     */
    public static LibvirtSocketProxy start(Path daemonSocket, long oneWayDelayNanos) throws IOException {
        if (oneWayDelayNanos < 0) {
            throw new IllegalArgumentException("oneWayDelayNanos must be 0 or more, was " + oneWayDelayNanos);
        }
        return new LibvirtSocketProxy(daemonSocket, oneWayDelayNanos);
    }

    /** The proxy's socket. */
    public Path socket() {
        return socket;
    }

    /** The libvirt URI of the system daemon through this proxy. */
    public String systemUri() {
        return "qemu+unix:///system?socket=" + socket;
    }

    /** RPC calls sent through the proxy so far, by every client. */
    public long calls() {
        return calls.get();
    }

    /** RPC calls so far by libvirt's remote procedure number (see libvirt's {@code remote_protocol.x}). */
    public Map<Integer, Long> callsByProcedure() {
        Map<Integer, Long> copy = new TreeMap<>();
        byProcedure.forEach((procedure, count) -> copy.put(procedure, count.get()));
        return copy;
    }

    /** Forgets the calls counted so far. */
    public void resetCounts() {
        calls.set(0);
        byProcedure.clear();
    }

    /** Stops accepting; open connections end when their clients close them. */
    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel daemonSide = SocketChannel.open(UnixDomainSocketAddress.of(daemonSocket));
                forward(client, daemonSide, new CallCounter());
                forward(daemonSide, client, null);
            }
        } catch (IOException closed) {
            // The proxy was closed.
        }
    }

    private record Chunk(long due, ByteBuffer data) {
    }

    private void forward(SocketChannel from, SocketChannel to, CallCounter counter) {
        LinkedBlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        daemon("libvirt-proxy-read", () -> {
            try {
                while (true) {
                    ByteBuffer data = ByteBuffer.allocate(65_536);
                    if (from.read(data) < 0) {
                        break;
                    }
                    data.flip();
                    if (counter != null) {
                        counter.accept(data.duplicate());
                    }
                    chunks.add(new Chunk(System.nanoTime() + delayNanos, data));
                }
            } catch (IOException closed) {
                // The other side went away.
            }
            chunks.add(new Chunk(0, null));
        });
        daemon("libvirt-proxy-write", () -> {
            try {
                for (Chunk chunk = chunks.take(); chunk.data() != null; chunk = chunks.take()) {
                    for (long wait = chunk.due() - System.nanoTime(); wait > 0; wait = chunk.due() - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    while (chunk.data().hasRemaining()) {
                        to.write(chunk.data());
                    }
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException closed) {
                // The other side went away.
            }
        });
    }

    /** Follows libvirt's message framing in one direction of one connection and counts the calls. */
    private final class CallCounter {
        private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        private long bodyLeft;

        void accept(ByteBuffer data) {
            while (data.hasRemaining()) {
                if (bodyLeft > 0) {
                    int skip = (int) Math.min(bodyLeft, data.remaining());
                    data.position(data.position() + skip);
                    bodyLeft -= skip;
                    continue;
                }
                header.put(data.get());
                if (!header.hasRemaining()) {
                    count(header.flip());
                    header.clear();
                }
            }
        }

        private void count(ByteBuffer message) {
            long length = Integer.toUnsignedLong(message.getInt(0));
            int program = message.getInt(4);
            int procedure = message.getInt(12);
            int type = message.getInt(16);
            bodyLeft = Math.max(0, length - HEADER_BYTES);
            if (program == REMOTE_PROGRAM && type == TYPE_CALL) {
                calls.incrementAndGet();
                byProcedure.computeIfAbsent(procedure, p -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
