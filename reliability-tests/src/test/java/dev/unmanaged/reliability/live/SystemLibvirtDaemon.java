package dev.unmanaged.reliability.live;

import dev.unmanaged.tck.LiveServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The libvirt daemon with QEMU at {@code qemu:///system} that {@code scripts/libvirt-live.sh start} runs (CI
 * starts it so too), killed and started again through that script's {@code kill} and {@code start} actions. QEMU
 * domains keep running while libvirtd is away, and libvirtd takes them back when it starts. {@link #close()}
 * starts the daemon again whenever it does not answer, so a test that fails half-way never leaves the shared
 * daemon down.
 */
final class SystemLibvirtDaemon implements RestartableDaemon, AutoCloseable {
    static final String URI = "qemu:///system";
    private static final String SCRIPT = "scripts/libvirt-live.sh";
    private static final String START = "bash " + SCRIPT + " start";

    private final Path script;

    private SystemLibvirtDaemon(Path script) {
        this.script = script;
    }

    /**
     * The daemon, when it answers and the script started it (a daemon someone else started is not the test's
     * to kill); the test is skipped with {@code -Dlive.skip=true} and fails otherwise ({@link LiveServices}).
     */
    static SystemLibvirtDaemon require() throws IOException, InterruptedException {
        LiveServices.skipIfAsked();
        Command.Result version = new Virsh(URI).attempt("version");
        if (!version.succeeded()) {
            throw LiveServices.unavailable("the libvirt daemon at " + URI, version.output().strip(), START);
        }
        var daemon = new SystemLibvirtDaemon(findScript());
        String status = daemon.script("status").output();
        if (!status.contains("was started by this script")) {
            throw LiveServices.unavailable("a libvirt daemon at " + URI + " that the test may restart",
                    "the one answering was not started by " + SCRIPT + ": " + status.strip(), START);
        }
        return daemon;
    }

    /** The script, in the project directory above the module the tests run in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir.resolve(SCRIPT);
            }
        }
        throw new IllegalStateException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public void kill() throws IOException, InterruptedException {
        check(script("kill"), "kill");
    }

    @Override
    public void start() throws IOException, InterruptedException {
        check(script("start"), "start");
    }

    @Override
    public void ensureRunning() throws IOException, InterruptedException {
        if (!new Virsh(URI).attempt("version").succeeded()) {
            start();
        }
    }

    /** Starts the daemon again when it does not answer (a test failed while it was away). */
    @Override
    public void close() throws IOException, InterruptedException {
        ensureRunning();
    }

    private Command.Result script(String action) throws IOException, InterruptedException {
        return Command.of("bash", script.toString(), action).run();
    }

    private static void check(Command.Result result, String action) {
        if (!result.succeeded()) {
            throw new IllegalStateException(SCRIPT + " " + action + " failed with exit status " + result.exit() + ": "
                    + result.output().strip());
        }
    }
}
