package dev.unmanaged.vsphere;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.tck.LiveServices;
import dev.unmanaged.vsphere.soap.Thumbprints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * VMware's vCenter simulator for the live tests: the shared one that {@code scripts/vsphere-sim.sh start} runs on
 * port 55443, or a private one this test starts (its own model size, login or delays) and stops on close.
 */
final class Simulator implements AutoCloseable {
    static final int SHARED_PORT = Integer.parseInt(System.getenv().getOrDefault("UNMANAGED_VSPHERE_PORT", "55443"));
    static final String START = "bash scripts/vsphere-sim.sh start";

    private final URI sdk;
    private final String thumbprint;
    private final Process process;

    private Simulator(URI sdk, Process process) {
        this.sdk = sdk;
        this.process = process;
        this.thumbprint = presentedThumbprint(sdk);
    }

    /** The shared simulator; fails the test (or skips it with -Dlive.skip=true) when it is not running. */
    static Simulator shared() {
        LiveServices.skipIfAsked();
        URI sdk = URI.create("https://127.0.0.1:" + SHARED_PORT + "/sdk");
        try {
            return new Simulator(sdk, null);
        } catch (IllegalStateException e) {
            throw LiveServices.unavailable("the vCenter simulator at " + sdk, e.getMessage(), START);
        }
    }

    /** A private simulator with {@code flags} (see scripts/vcsim/main.go) and the fixed password if given. */
    static Simulator start(String password, String... flags) {
        LiveServices.skipIfAsked();
        Path root = Path.of(System.getProperty("unmanaged.root", "."));
        String binary;
        try {
            Process build = new ProcessBuilder("bash", "scripts/vsphere-sim.sh", "build").directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            binary = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (build.waitFor() != 0) {
                throw LiveServices.unavailable("the vCenter simulator", "it could not be built", START);
            }
            List<String> command = new ArrayList<>(List.of(binary, "-listen", "127.0.0.1:0"));
            command.addAll(List.of(flags));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (password != null) {
                builder.environment().put("VCSIM_PASSWORD", password);
            }
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("url=")) {
                process.destroyForcibly();
                throw LiveServices.unavailable("a private vCenter simulator", "it printed no URL", START);
            }
            return new Simulator(URI.create(line.substring("url=".length())), process);
        } catch (IOException e) {
            throw LiveServices.unavailable("the vCenter simulator", e.getMessage(), START);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host address for {@code user}, the certificate pinned, with extra query parameters. */
    Host host(String user, Map<String, String> query) {
        StringBuilder address = new StringBuilder("vsphere://" + user + "@" + sdk.getHost() + ":" + sdk.getPort()
                + sdk.getPath() + "?thumbprint=" + thumbprint);
        query.forEach((k, v) -> address.append('&').append(k).append('=').append(v));
        return new Host("vc-" + sdk.getPort(), VsphereInstanceProvider.HYPERVISOR, address.toString());
    }

    /** The host address for user {@code tester}, the certificate pinned. */
    Host host() {
        return host("tester", Map.of());
    }

    URI sdk() {
        return sdk;
    }

    String thumbprint() {
        return thumbprint;
    }

    /** Kills a private simulator at once, as a crash would. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String presentedThumbprint(URI sdk) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEveryCertificate()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(sdk.getHost(), sdk.getPort())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                return Thumbprints.of((X509Certificate) socket.getSession().getPeerCertificates()[0]);
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(String.valueOf(e.getMessage()), e);
        }
    }
}
