package dev.unmanaged.cli;

import dev.unmanaged.api.operation.BulkResult;
import dev.unmanaged.core.BulkOperation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the tool ends when it is interrupted (Ctrl-C, SIGINT, SIGTERM). The JVM then runs its shutdown hooks while
 * the main thread goes on, and halts as soon as the hooks end.
 *
 * <p>Outside a bulk run the tool just ends: each write is one transaction, and one cut short is never committed.
 * During a bulk run the hook cancels it (no new item starts; the running ones finish, each atomically) and holds
 * the JVM until the main thread has printed the summary and closed the store, for at most {@link #GRACE}. The
 * tool then exits with {@link ExitCodes#INTERRUPTED}. The embedded database must not close itself on shutdown
 * for this to work (see {@code DB_CLOSE_ON_EXIT} in the session's store URL).
 */
public final class Interruption {
    /** How long an interrupted bulk run gets to finish its running items, print and close the store. */
    static final Duration GRACE = Duration.ofSeconds(60);
    private static final Interruption PROCESS = new Interruption(System.err);

    private final PrintStream notices;
    private final CountDownLatch mainFinished = new CountDownLatch(1);
    private final Object lock = new Object();
    /** The bulk run the main thread waits for; guarded by {@link #lock}. */
    private BulkOperation<?> running;
    /** True once a bulk run started: from then on the JVM waits for the main thread; guarded by {@link #lock}. */
    private boolean holding;
    /** True once the process is shutting down; guarded by {@link #lock}. */
    private boolean requested;

    private Interruption(PrintStream notices) {
        this.notices = notices;
    }

    /** The one of this process: signals are process-wide. */
    public static Interruption process() {
        return PROCESS;
    }

    /** Registers the shutdown hook; the tool's {@code main} calls it once, before running a command. */
    void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "unmanaged-interrupt"));
    }

    /**
     * Waits for every outcome of {@code operation}. An interruption meanwhile (or before) cancels it, and the
     * process stays up until {@link #exit(int)}, within {@link #GRACE}.
     */
    public <T> BulkResult<T> await(BulkOperation<T> operation) throws InterruptedException {
        synchronized (lock) {
            running = operation;
            holding = true;
            if (requested) {
                operation.cancel();
            }
        }
        try {
            return operation.await();
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
    }

    /**
     * Blocks until the process is asked to end (Ctrl-C, SIGINT, SIGTERM), for a command that runs until then,
     * such as a watch. The process then stays up until {@link #exit(int)}, within {@link #GRACE}, so that the
     * command can close what it holds and exit with {@link ExitCodes#INTERRUPTED}.
     */
    public void awaitRequest() throws InterruptedException {
        synchronized (lock) {
            holding = true;
            while (!requested) {
                lock.wait();
            }
        }
    }

    /** True once the process was asked to end, e.g. by Ctrl-C. */
    public boolean requested() {
        synchronized (lock) {
            return requested;
        }
    }

    /**
     * Ends the process with {@code status} once the command has printed everything and closed its store. During
     * a shutdown {@link System#exit(int)} would block for good, so the process then halts: the hooks that matter
     * have run (the store was closed by the main thread; the one of this class waits for this call).
     */
    void exit(int status) {
        System.out.flush();
        System.err.flush();
        // Halt before releasing the hook: once it returns, the JVM ends on its own with the signal's status (143
        // for SIGTERM) and could do so before this thread halts.
        if (requested()) {
            Runtime.getRuntime().halt(status);
        }
        mainFinished.countDown();
        if (requested()) {
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }

    private void onShutdown() {
        BulkOperation<?> toCancel;
        boolean wait;
        synchronized (lock) {
            requested = true;
            toCancel = running;
            wait = holding;
            lock.notifyAll();
        }
        if (!wait) {
            return;
        }
        if (toCancel != null && toCancel.cancel()) {
            notices.println("Interrupted: no further items start; waiting for the running ones to finish (at most "
                    + GRACE.toSeconds() + " s)...");
            notices.flush();
        }
        try {
            mainFinished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
