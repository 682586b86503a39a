package dev.unmanaged.kvm;

import dev.unmanaged.api.error.AccessDeniedException;
import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.ProviderFailureException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs provider calls on hosts: one shared connection per host, a deadline per call, one reconnect when the
 * connection turns out to be gone, and libvirt's errors turned into typed ones.
 *
 * <p>libvirt's calls block in native code and cannot be interrupted, so each call runs on a worker thread and
 * the caller waits at most the call timeout. A call that overruns keeps its worker until libvirt returns;
 * its connection is retired so that later calls do not queue behind it.
 */
final class HostCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostCalls.class);

    private final KvmProviderOptions options;
    private final Map<String, HostConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads("unmanaged-kvm-"));

    HostCalls(KvmProviderOptions options) {
        this.options = options;
    }

    /**
     * Runs {@code call} on {@code host}'s connection.
     *
     * @param operation what the call does, for messages, e.g. {@code "listing domains"}
     * @param instance  the instance the call is about, reported when libvirt says it does not exist; may be null
     */
    <T> T run(Host host, String operation, String instance, LibvirtCall<T> call) {
        HostConnection connection = connections.computeIfAbsent(host.address(),
                uri -> new HostConnection(uri, options, opened));
        Future<T> result;
        try {
            result = workers.submit(() -> runReconnecting(host, connection, operation, instance, call));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ProviderFailureException("the KVM provider was closed; " + operation + " on host " + host.id()
                    + " was not started", e);
        }
        Duration timeout = options.callTimeout();
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            connection.retireCurrent();
            throw new HostUnavailableException(host.id(), operation + " did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new HostUnavailableException(host.id(), operation + " was interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), host, operation);
        }
    }

    private <T> T runReconnecting(Host host, HostConnection connection, String operation, String instance,
                                  LibvirtCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            HostConnection.Lease lease;
            try {
                lease = connection.acquire();
            } catch (LibvirtException e) {
                throw TestDriverUri.nodeFileFailure(host.address(), host.id(), e).orElseGet(
                        () -> LibvirtErrors.map(e, host.id(), "connecting to " + host.address(), instance));
            } catch (CredentialsDeclinedException e) {
                throw new AccessDeniedException("host " + host.id() + ": connecting to " + host.address()
                        + " failed: " + e.getMessage() + "; supply them with KvmProviderOptions.credentials", null);
            }
            try (lease) {
                return call.apply(lease.connect());
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isConnectionLost(e, lease.connect())) {
                    throw LibvirtErrors.mapCallFailure(e, host.id(), operation, instance);
                }
                lease.retire();
                if (attempt > 1) {
                    throw new HostUnavailableException(host.id(), "the connection was lost while " + operation
                            + ", also after reconnecting: " + LibvirtErrors.libvirtMessage(e),
                            RedactedFailure.of(e));
                }
                LOG.info("connection to host {} lost while {} ({}); reconnecting once", host.id(), operation,
                        LibvirtErrors.libvirtMessage(e));
            }
        }
    }

    private static RuntimeException unwrap(Throwable failure, Host host, String operation) {
        if (failure instanceof UnmanagedException typed) {
            return typed;
        }
        if (failure instanceof LinkageError missingLibrary) {
            return NativeLibvirt.missing(missingLibrary);
        }
        if (failure instanceof IllegalStateException closed) {
            return new ProviderFailureException("the KVM provider was closed while " + operation + " on host "
                    + host.id(), closed);
        }
        return new ProviderFailureException("host " + host.id() + ": " + operation + " failed: "
                + failure.getClass().getSimpleName() + ": " + SecretRedaction.messageOf(failure),
                RedactedFailure.of(failure));
    }

    /** How many connections were opened so far (each reconnect counts). */
    int openedConnections() {
        return opened.get();
    }

    /** The connection now open to {@code host}, null when none is. */
    org.libvirt.Connect currentConnection(Host host) {
        HostConnection connection = connections.get(host.address());
        return connection == null ? null : connection.peek();
    }

    /** Closes every connection (once its calls finish) and stops the workers. */
    @Override
    public void close() {
        workers.shutdown();
        connections.values().forEach(HostConnection::close);
        connections.clear();
    }
}
