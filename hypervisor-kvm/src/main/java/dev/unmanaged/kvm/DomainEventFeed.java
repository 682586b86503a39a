package dev.unmanaged.kvm;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.text.RedactedFailure;
import dev.unmanaged.api.text.SafeText;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one host through libvirt's domain lifecycle events. A connection of its own (opened after the
 * process's {@link LibvirtEventLoop} runs) carries the events; each event only names a domain, which is then
 * described afresh through the provider, so what is reported is the domain's state after the event. Everything —
 * connecting, the listing, each event, the liveness check — runs on one thread of this feed, in order, so the
 * listener is called from one thread at a time.
 *
 * <p>When the connection drops (the daemon restarts, the network fails) the host is reported unavailable and
 * the feed reconnects with a growing pause; once connected again it lists the host in full, so what changed while
 * it was away is found by the watcher's comparison.
 */
final class DomainEventFeed implements HostChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(DomainEventFeed.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final Duration LIVENESS_CHECK = Duration.ofMillis(500);
    private static final AtomicInteger FEEDS = new AtomicInteger();

    private final Host host;
    private final KvmInstanceProvider provider;
    private final HostChangeListener listener;
    private final HostConnection connection;
    private final ScheduledExecutorService thread;
    private final LifecycleListener lifecycle = this::onLifecycleEvent;
    private HostConnection.Lease lease;
    private int failedAttempts;
    private volatile boolean closed;

    DomainEventFeed(Host host, KvmInstanceProvider provider, HostChangeListener listener, HostConnection connection) {
        this.host = host;
        this.provider = provider;
        this.listener = listener;
        this.connection = connection;
        var executor = new ScheduledThreadPoolExecutor(1,
                new DaemonThreads("unmanaged-kvm-watch-" + FEEDS.incrementAndGet() + "-"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Connects and lists in the background; returns at once. */
    DomainEventFeed start() {
        thread.execute(this::connect);
        thread.scheduleWithFixedDelay(this::checkAlive, LIVENESS_CHECK.toMillis(), LIVENESS_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            LibvirtEventLoop.ensureRunning();
            lease = connection.acquire();
            lease.connect().addLifecycleListener(lifecycle);
            var listing = provider.listInstances(host);
            if (!closed) {
                listener.listed(listing);
            }
            failedAttempts = 0;
            LOG.debug("watching host {} through libvirt events", SafeText.host(host.id()));
        } catch (LibvirtException e) {
            lost(new HostUnavailableException(host.id(), "connecting for events failed: "
                    + LibvirtErrors.libvirtMessage(e), RedactedFailure.of(e)));
        } catch (UnmanagedException e) {
            lost(e);
        } catch (CredentialsDeclinedException | IllegalStateException e) {
            lost(new HostUnavailableException(host.id(), "connecting for events failed: " + e.getMessage(), null));
        }
    }

    /** Runs on libvirt's event-loop thread: it only notes which domain changed, the feed's thread reads it. */
    private int onLifecycleEvent(Domain domain, DomainEvent event) {
        try {
            String uuid = domain.getUUIDString();
            thread.execute(() -> refresh(UUID.fromString(uuid)));
        } catch (LibvirtException | RejectedExecutionException e) {
            // The connection is going away, or the feed was closed: a reconnect lists in full.
        } finally {
            try {
                domain.free();
            } catch (LibvirtException ignored) {
                // Only our reference is dropped.
            }
        }
        return 0;
    }

    private void refresh(UUID uuid) {
        if (closed || lease == null) {
            return; // A reconnect lists the host in full.
        }
        try {
            InstanceDescriptor now = provider.describeInstance(host, uuid.toString());
            if (beingRemoved(now)) {
                listener.gone(uuid);
            } else {
                listener.present(now);
            }
        } catch (InstanceNotFoundException gone) {
            listener.gone(uuid);
        } catch (HostUnavailableException e) {
            lost(e);
        } catch (UnmanagedException e) {
            LOG.warn("Watching host {}: domain {} could not be read after an event: {}", SafeText.host(host.id()),
                    uuid, SafeText.of(e.getMessage()));
        }
    }

    /**
     * A transient domain read as stopped is on its way out: libvirt keeps no stopped transient domain. Destroying
     * one raises a shutdown event while QEMU exits and a stopped event once the domain is removed; a read after the
     * first finds it shutting down. Reported as gone at once, so one destroy is one report, not a change to
     * stopped followed by a vanishing.
     */
    private static boolean beingRemoved(InstanceDescriptor instance) {
        return Boolean.FALSE.equals(instance.persistent()) && instance.powerState() == PowerState.STOPPED;
    }

    private void checkAlive() {
        if (closed || lease == null) {
            return;
        }
        boolean alive;
        try {
            alive = lease.connect().isAlive();
        } catch (LibvirtException e) {
            alive = false;
        }
        if (!alive) {
            lost(new HostUnavailableException(host.id(), "the libvirt connection that carries events was lost",
                    null));
        }
    }

    /** Reports the host unavailable, drops the connection and tries again after a pause that grows. */
    private void lost(UnmanagedException reason) {
        if (closed) {
            return;
        }
        listener.unavailable(reason);
        release();
        Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts, 6));
        pause = pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
        failedAttempts++;
        LOG.info("Watching host {}: {}; reconnecting in {} ms", SafeText.host(host.id()),
                SafeText.of(reason.getMessage()), pause.toMillis());
        try {
            thread.schedule(this::connect, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile.
        }
    }

    private void release() {
        HostConnection.Lease held = lease;
        lease = null;
        if (held == null) {
            return;
        }
        Connect connect = held.connect();
        try {
            connect.removeLifecycleListener(lifecycle);
        } catch (LibvirtException | RuntimeException e) {
            // A dead connection cannot unregister; closing it drops the registration anyway.
        }
        held.retire();
        held.close();
    }

    /** Stops the feed; once this returns the listener is not called again. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.execute(this::release);
        } catch (RejectedExecutionException alreadyStopping) {
            // Nothing left to release.
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        connection.close();
    }
}
