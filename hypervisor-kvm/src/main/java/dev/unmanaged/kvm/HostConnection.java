package dev.unmanaged.kvm;

import dev.unmanaged.api.text.SafeText;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one libvirt connection to one host, shared by every thread. libvirt connections are thread-safe; this
 * class only decides when to open, replace and close one. A connection found dead (not alive, or a call failed
 * with a connection error) is retired: calls still using it finish, new calls get a fresh connection, and the
 * retired one is closed once its last user is done.
 */
final class HostConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnection.class);

    private final String uri;
    private final KvmProviderOptions options;
    private final AtomicInteger opened;
    private final Object opening = new Object();
    private Lease current;
    private boolean closed;

    HostConnection(String uri, KvmProviderOptions options, AtomicInteger opened) {
        this.uri = uri;
        this.options = options;
        this.opened = opened;
    }

    /** A use of the connection; {@link #close()} ends the use. */
    final class Lease implements AutoCloseable {
        private final Connect connect;
        private int users;
        private boolean retired;

        private Lease(Connect connect) {
            this.connect = connect;
        }

        Connect connect() {
            return connect;
        }

        /** Marks this connection dead so that the next call opens a new one. */
        void retire() {
            HostConnection.this.retire(this);
        }

        @Override
        public void close() {
            release(this);
        }
    }

    /**
     * The live connection, opened (or reopened) when needed. Only one thread opens at a time; the others wait
     * for it and share what it opened. Opening holds {@link #opening}, not this object's lock, so retiring and
     * closing never wait behind a slow host.
     *
     * @throws LibvirtException when the connection cannot be opened
     */
    Lease acquire() throws LibvirtException {
        synchronized (opening) {
            synchronized (this) {
                Lease lease = currentIfAlive();
                if (lease != null) {
                    lease.users++;
                    return lease;
                }
            }
            Connect connect = open();
            synchronized (this) {
                if (closed) {
                    closeQuietly(connect);
                    throw new IllegalStateException("the provider was closed");
                }
                current = new Lease(connect);
                current.users++;
                return current;
            }
        }
    }

    /** The current lease if its connection is alive; retires a dead one. Caller holds this object's lock. */
    private Lease currentIfAlive() {
        if (closed) {
            throw new IllegalStateException("the provider was closed");
        }
        if (current != null && !alive(current.connect)) {
            LOG.info("libvirt connection to {} is no longer alive; reconnecting", SafeText.host(uri));
            retire(current);
        }
        return current;
    }

    /** The connection now in use, null when none is open. */
    synchronized Connect peek() {
        return current == null ? null : current.connect;
    }

    /** Retires the current connection, if any (after a call on it timed out). */
    synchronized void retireCurrent() {
        if (current != null) {
            retire(current);
        }
    }

    /** Closes the connection once no call uses it; later calls fail. */
    synchronized void close() {
        closed = true;
        retireCurrent();
    }

    private synchronized void retire(Lease lease) {
        if (current == lease) {
            current = null;
        }
        if (!lease.retired) {
            lease.retired = true;
            if (lease.users == 0) {
                closeQuietly(lease.connect);
            }
        }
    }

    private synchronized void release(Lease lease) {
        lease.users--;
        if (lease.retired && lease.users == 0) {
            closeQuietly(lease.connect);
        }
    }

    private Connect open() throws LibvirtException {
        LibvirtErrorOutput.silence();
        int flags = options.readOnly() ? Connect.OpenFlags.READONLY.getBit() : 0;
        LibvirtAuthBridge auth = new LibvirtAuthBridge(uri, options.credentials());
        Connect connect;
        try {
            connect = new NativeConnect(TerminalFreeUri.of(uri), auth, flags);
        } catch (LibvirtException e) {
            CredentialRequest declined = auth.declined();
            if (declined != null) {
                // libvirt reports a cancelled prompt only as "cause unknown"; say what was missing.
                throw new CredentialsDeclinedException(declined.kind(), declined.prompt());
            }
            throw e;
        }
        opened.incrementAndGet();
        LOG.debug("opened {} libvirt connection to {}", options.readOnly() ? "read-only" : "read-write",
                SafeText.host(uri));
        return connect;
    }

    private static boolean alive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private void closeQuietly(Connect connect) {
        try {
            connect.close();
            LOG.debug("closed libvirt connection to {}", SafeText.host(uri));
        } catch (LibvirtException e) {
            LOG.debug("closing the libvirt connection to {} failed: {}", SafeText.host(uri),
                    LibvirtErrors.libvirtMessage(e));
        }
    }
}
