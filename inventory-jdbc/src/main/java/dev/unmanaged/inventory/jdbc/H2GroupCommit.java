package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.StoreFailureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Group commit for an embedded H2 file database: a writing transaction that has committed waits until its changes
 * are in the database file, and the transactions that commit at about the same time share one write.
 *
 * <p>Why not H2's own {@code WRITE_DELAY 0}: it makes every ending transaction store a chunk of its own (every
 * changed page of every changed table and index), which cost 42 % of the bulk import rate. Here H2's background
 * writer keeps its delay, and the first committed transaction to reach {@link #awaitWritten} leads: it waits, at
 * most {@link #GATHER_NANOS}, while other write transactions of the store are still running, so that they commit
 * and join it; then it makes MVStore write everything committed so far before any of them returns. Transactions
 * that commit while that write runs are covered by the next one. A lone writer (one import from the command line)
 * never waits.
 *
 * <p>Why a marker is written: {@code MVStore.commit()} returns at once when it finds nothing unsaved, which is also
 * the case while H2's background writer is still serialising the changes on its own threads (a background store
 * does not wait for its file write). Changing a private map first makes {@code commit()} store synchronously; its
 * serialisation and file write queue behind any background store's on H2's single-threaded executors, so when it
 * returns every earlier change has reached the file. The map's name starts with {@code temp.}, which H2 drops when
 * it opens the database.
 *
 * <p>As with {@code WRITE_DELAY 0}, "in the file" means handed to the operating system, not forced to the device.
 */
final class H2GroupCommit {
    /** How long a leading transaction waits for others still running before it writes without them. */
    static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final String MARKER_MAP = "temp.unmanaged.group-commit";

    private final Object monitor = new Object();
    /** The one thread that writes out, so that no interrupt of a caller can cut a write short. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "unmanaged-inventory-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** One sequence of writes per open MVStore: the database is reopened when a caller's unpooled source closes it. */
    private final Map<MVStore, Writes> writes = new WeakHashMap<>();
    /** Write transactions started and not yet committed or abandoned. */
    private int running;

    /** Whether {@code connection} is to an embedded H2 database whose changes this class can write out. */
    static boolean supports(Connection connection) throws SQLException {
        return storeOf(connection) != null;
    }

    /** A write transaction starts: a leader gathering commits waits for it. */
    void started() {
        synchronized (monitor) {
            running++;
        }
    }

    /** A write transaction that {@link #started()} ended without committing. */
    void abandoned() {
        synchronized (monitor) {
            running--;
            monitor.notifyAll();
        }
    }

    /**
     * A write transaction that {@link #started()} has committed on {@code connection}: returns once its changes are
     * in the database file.
     *
     * @throws StoreFailureException when H2 cannot write them (the commit stands in memory but is not acknowledged)
     */
    void awaitWritten(Connection connection) throws SQLException {
        MVStore store;
        try {
            store = storeOf(connection);
        } catch (SQLException | RuntimeException e) {
            abandoned();
            throw e;
        }
        Writes sequence;
        long ticket;
        long covered;
        boolean interrupted = false;
        synchronized (monitor) {
            running--;
            monitor.notifyAll();
            if (store == null || store.isClosed() || store.getAutoCommitDelay() == 0) {
                // Not embedded any more, closed (a clean close writes everything) or writing every commit itself.
                return;
            }
            sequence = writes.computeIfAbsent(store, Writes::new);
            ticket = ++sequence.arrived;
            while (sequence.written < ticket && sequence.writing) {
                interrupted |= waitUninterruptibly(0);
            }
            if (sequence.written >= ticket) {
                restoreInterrupt(interrupted);
                return;
            }
            sequence.writing = true;
            long deadline = System.nanoTime() + GATHER_NANOS;
            long left;
            // Others inside a transaction will commit within moments: waiting for them makes one write serve many.
            // Those outside one are not waited for: a write that held back the whole bulk would leave the cores
            // idle (measured: a wait for as many commits as the previous write carried cost more than it saved).
            while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                interrupted |= waitUninterruptibly(left);
            }
            covered = sequence.arrived;
        }
        try {
            interrupted |= writeOnWriterThread(sequence, covered);
        } finally {
            synchronized (monitor) {
                sequence.writing = false;
                monitor.notifyAll();
            }
            restoreInterrupt(interrupted);
        }
    }

    /**
     * Runs the write on a thread nobody interrupts: H2 waits for its own writer threads with {@code Future.get()}
     * and, when the waiting thread is interrupted, returns before the write is done.
     *
     * @return whether the calling thread was interrupted meanwhile
     */
    private boolean writeOnWriterThread(Writes sequence, long covered) {
        Future<?> write = writer.submit(() -> sequence.writeOut(covered));
        boolean interrupted = false;
        while (true) {
            try {
                write.get();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new StoreFailureException("the inventory database could not write committed changes to its"
                        + " file (" + cause.getClass().getSimpleName() + "); they are not acknowledged", cause);
            }
        }
    }

    /** Stops the writer thread; called when the store closes. */
    void close() {
        writer.shutdown();
    }

    /**
     * Waits on the monitor; an interrupt cannot end the wait, because a commit must not be acknowledged before it
     * is written, and the wait is a few milliseconds at most.
     *
     * @return whether the thread was interrupted
     */
    private boolean waitUninterruptibly(long nanos) {
        try {
            if (nanos <= 0) {
                monitor.wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The MVStore behind an embedded H2 connection; null for any other connection. */
    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.isPersistent() ? store : null;
    }

    /** The writes of one MVStore, guarded by the group commit's monitor except {@link #writeOut}. */
    private final class Writes {
        private final MVStore store;
        /** Tickets handed to committed transactions. */
        long arrived;
        /** Every ticket up to this one is in the file. */
        long written;
        /** A leader is gathering or writing. */
        boolean writing;
        private MVMap<Long, Long> marker;

        Writes(MVStore store) {
            this.store = store;
        }

        /** Writes out every change committed so far; called by the one leader, outside the monitor. */
        void writeOut(long covered) {
            if (marker == null) {
                marker = store.openMap(MARKER_MAP);
            }
            marker.put(0L, covered);
            store.commit();
            synchronized (monitor) {
                written = Math.max(written, covered);
            }
        }
    }
}
