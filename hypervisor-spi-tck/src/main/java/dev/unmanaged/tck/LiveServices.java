package dev.unmanaged.tck;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * The one rule every live test of the project follows — a test that needs a real service: the libvirt daemon
 * with QEMU at {@code qemu:///system}, a libvirt daemon of its own, or PostgreSQL.
 * <ul>
 *   <li>It runs unless {@code -Dlive.skip=true} (then it is skipped, reported as aborted).</li>
 *   <li>With {@code CI=true} it always runs and {@code -Dlive.skip} is ignored: CI ({@code .ci/run}) starts every
 *       service, so every live test must run there.</li>
 *   <li>When it runs and its service is absent, it fails with a message saying how to start the service or to
 *       pass {@code -Dlive.skip=true}; it never skips itself quietly.</li>
 * </ul>
 */
public final class LiveServices {
    /** The system property that skips live tests outside CI. */
    public static final String SKIP_PROPERTY = "live.skip";

    private LiveServices() {
    }

    /** True when CI runs the build ({@code CI=true}). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** True when live tests are skipped: {@code -Dlive.skip=true} outside CI. */
    public static boolean skipped() {
        return Boolean.getBoolean(SKIP_PROPERTY) && !inCi();
    }

    /** Aborts the calling test when live tests are skipped; does nothing otherwise. */
    public static void skipIfAsked() {
        Assumptions.assumeFalse(skipped(), "live tests skipped with -D" + SKIP_PROPERTY + "=true");
    }

    /**
     * The failure of a live test whose service is absent: {@code throw LiveServices.unavailable(...)}.
     *
     * @param service    what is missing, e.g. "PostgreSQL at jdbc:postgresql://127.0.0.1:55432/unmanaged"
     * @param problem    why it is taken as absent (the probe's error)
     * @param howToStart the command that starts it, e.g. "bash scripts/postgres.sh start"
     */
    public static AssertionFailedError unavailable(String service, String problem, String howToStart) {
        return new AssertionFailedError(service + " is not available (" + problem + "); start it with '"
                + howToStart + "'" + (inCi() ? " (CI=true: live tests cannot be skipped)"
                : " or skip live tests with -D" + SKIP_PROPERTY + "=true"));
    }
}
