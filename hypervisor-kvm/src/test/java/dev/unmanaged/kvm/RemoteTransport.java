package dev.unmanaged.kvm;

import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libvirt's remote transports to the live daemon, as {@code scripts/libvirt-live.sh start} (TCP and TLS on
 * loopback, with a PKI made for the tests) and {@code scripts/sshd-live.sh start} (a loopback sshd with a key
 * made for the tests) provide them. Like {@link LiveDaemon}, a transport that is not there fails the test unless
 * live tests are skipped.
 */
enum RemoteTransport {
    /** Plain TCP on 127.0.0.1:16509, no authentication (loopback only). */
    TCP,
    /** The ssh binary to the loopback sshd, with the test's key; the host key is known for 127.0.0.1 only. */
    SSH,
    /** TLS on 127.0.0.1:16514 with the test's CA, server and client certificates. */
    TLS;

    static final Path PKI = Path.of("/run/unmanaged-libvirt-live/remote");
    static final Path SSHD = Path.of("/run/unmanaged-sshd-live");
    private static final int TCP_PORT = 16509;
    private static final int TLS_PORT = 16514;

    /** The URI to the live daemon over this transport; fails (or skips) the test when the transport is not up. */
    String requireUri() {
        LiveServices.skipIfAsked();
        return switch (this) {
            case TCP -> {
                requirePort(TCP_PORT, "libvirtd's TCP listener", "bash scripts/libvirt-live.sh start");
                yield "qemu+tcp://127.0.0.1/system";
            }
            case TLS -> {
                requireFile(PKI.resolve("client/clientcert.pem"), "the test PKI", "bash scripts/libvirt-live.sh start");
                requirePort(TLS_PORT, "libvirtd's TLS listener", "bash scripts/libvirt-live.sh start");
                yield "qemu+tls://localhost/system?pkipath=" + PKI.resolve("client");
            }
            case SSH -> sshUri("127.0.0.1");
        };
    }

    /** The ssh URI to the loopback sshd under {@code hostName}; only 127.0.0.1 has a known host key. */
    static String sshUri(String hostName) {
        LiveServices.skipIfAsked();
        Path portFile = SSHD.resolve("port");
        requireFile(portFile, "the loopback sshd", "bash scripts/sshd-live.sh start");
        int port;
        try {
            port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            throw LiveServices.unavailable("the loopback sshd", "cannot read its port from " + portFile + ": " + e,
                    "bash scripts/sshd-live.sh start");
        }
        requirePort(port, "the loopback sshd", "bash scripts/sshd-live.sh start");
        return "qemu+ssh://root@" + hostName + ":" + port + "/system?keyfile=" + SSHD.resolve("client_key");
    }

    private static void requireFile(Path file, String service, String howToStart) {
        if (!Files.isReadable(file)) {
            throw LiveServices.unavailable(service, file + " is missing", howToStart);
        }
    }

    private static void requirePort(int port, String service, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (IOException e) {
            throw LiveServices.unavailable(service + " on 127.0.0.1:" + port, e.toString(), howToStart);
        }
    }
}
