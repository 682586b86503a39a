package dev.unmanaged.reliability.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A libvirt daemon of the test's own: an unprivileged session {@code libvirtd} whose runtime directory (and so
 * its socket) lives in a temporary directory. It serves libvirt's test driver at
 * {@code test+unix:///default?socket=...}, so the test can kill and restart it without touching the system
 * daemon other tests share. Only the processes it started are ever signalled.
 *
 * <p>The test driver's {@code /default} state lives only while a connection holds it: when the last one closes,
 * its domains are gone. While the daemon runs this object holds a connection of its own, so that changes made by
 * short-lived clients (one {@code virsh} process per change) stay.
 */
final class PrivateLibvirtDaemon implements RestartableDaemon, AutoCloseable {
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");
    private final Path dir;
    private final Path runtime;
    private Process launcher;
    private long daemonPid = -1;
    private Connect holder;

    PrivateLibvirtDaemon(Path dir) {
        this.dir = dir;
        this.runtime = dir.resolve("run");
    }

    static boolean installed() {
        return Files.isExecutable(LIBVIRTD);
    }

    /** The URI of the daemon's test driver. */
    @Override
    public String uri() {
        return "test+unix:///default?socket=" + runtime.resolve("libvirt").resolve("libvirt-sock");
    }

    /** Starts the daemon and waits until its socket exists. */
    @Override
    public void start() throws IOException, InterruptedException {
        Path home = dir.resolve("home");
        Files.createDirectories(runtime);
        Files.createDirectories(home);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // A session daemon must not run as root (it would be the system daemon); nobody owns its directories.
            for (Path p : List.of(dir, runtime, home)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                new ProcessBuilder("chown", "-R", "nobody", p.toString()).inheritIO().start().waitFor();
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            // The temporary directory around it is root's alone; the daemon's user must be able to pass through.
            Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of("env", "HOME=" + home, "XDG_RUNTIME_DIR=" + runtime,
                "XDG_CONFIG_HOME=" + home.resolve(".config"), "XDG_CACHE_HOME=" + home.resolve(".cache"),
                LIBVIRTD.toString(), "--timeout", "0"));
        Files.deleteIfExists(pidFile());
        // A killed daemon leaves its socket behind; waiting for that one would return before the new one listens.
        Files.deleteIfExists(runtime.resolve("libvirt").resolve("libvirt-sock"));
        launcher = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("libvirtd.log").toFile()).start();
        Path socket = runtime.resolve("libvirt").resolve("libvirt-sock");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(socket) && Files.exists(pidFile()) && Files.size(pidFile()) > 0)) {
            if (System.nanoTime() > deadline || !launcher.isAlive()) {
                throw new IllegalStateException("libvirtd did not start; see " + dir.resolve("libvirtd.log") + ": "
                        + (Files.exists(dir.resolve("libvirtd.log")) ? Files.readString(dir.resolve("libvirtd.log")) : ""));
            }
            Thread.sleep(50);
        }
        daemonPid = Long.parseLong(Files.readString(pidFile()).trim());
        try {
            holder = new Connect(uri());
        } catch (LibvirtException e) {
            throw new IOException("the daemon started but " + uri() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Kills the daemon at once (SIGKILL), as a crash would. */
    @Override
    public void kill() throws InterruptedException {
        ProcessHandle.of(daemonPid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(daemonPid).ifPresent(h -> h.onExit().join());
        if (launcher != null) {
            launcher.waitFor();
        }
        daemonPid = -1;
        dropHolder();
    }

    private void dropHolder() {
        if (holder != null) {
            try {
                holder.close();
            } catch (LibvirtException ignored) {
                // The daemon is gone or going: the connection is dead either way.
            }
            holder = null;
        }
    }

    @Override
    public void ensureRunning() throws IOException, InterruptedException {
        if (daemonPid <= 0) {
            start();
        }
    }

    private Path pidFile() {
        return runtime.resolve("libvirt").resolve("libvirtd.pid");
    }

    @Override
    public void close() throws InterruptedException {
        dropHolder();
        if (daemonPid > 0) {
            ProcessHandle.of(daemonPid).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(daemonPid).ifPresent(h -> h.onExit().join());
        }
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
        }
    }
}
