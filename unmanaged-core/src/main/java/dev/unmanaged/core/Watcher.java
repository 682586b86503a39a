package dev.unmanaged.core;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@link Watch}es: one {@link HostView} per host, fed by the provider's own push when it has
 * {@link ProviderCapability#WATCH}, else by periodic listing; imports and releases made through the facade are
 * reported too. Each watch hands its events to its listener on one thread of its own, in the order they were seen.
 */
final class Watcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final AtomicInteger WATCHES = new AtomicInteger();

    private final WorkflowContext context;
    private final ScheduledExecutorService timer;
    private final Duration pollInterval;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();

    Watcher(WorkflowContext context, ScheduledExecutorService timer, Duration pollInterval) {
        this.context = context;
        this.timer = timer;
        this.pollInterval = pollInterval;
    }

    Watch watch(ListQuery query, WatchListener listener) {
        Map<String, Host> hosts = InstanceLister.hostsToAsk(query);
        var providers = new LinkedHashMap<String, HypervisorInstanceProvider>();
        // Every host must have a provider before anything starts.
        hosts.forEach((id, host) -> providers.put(id, context.providers().providerFor(host)));
        Duration deadline = query.hostDeadline() == null ? context.hostDeadline() : query.hostDeadline();

        int number = WATCHES.incrementAndGet();
        ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "unmanaged-watch-" + number);
            thread.setDaemon(true);
            return thread;
        });
        Consumer<WatchEvent> emit = event -> deliver(delivery, listener, event);
        var views = new LinkedHashMap<String, HostView>();
        hosts.keySet().forEach(id -> views.put(id, new HostView(id, query, context.store(), context.clock(), emit)));
        Runnable unsubscribe = context.events().subscribe(event -> onInventoryChange(event, hosts, views, deadline));
        var feeds = new ArrayList<HostChangeFeed>();
        hosts.forEach((id, host) -> feeds.add(feed(host, providers.get(id), views.get(id), deadline)));

        var watch = new Watch(hosts.keySet(), List.copyOf(views.values()), feeds, unsubscribe, delivery,
                running::remove);
        running.add(watch);
        LOG.debug("Watching {} host(s)", hosts.size());
        return watch;
    }

    private HostChangeFeed feed(Host host, HypervisorInstanceProvider provider, HostView view, Duration deadline) {
        if (provider.capabilities().contains(ProviderCapability.WATCH)) {
            try {
                return provider.watchHost(host, view);
            } catch (UnmanagedException e) {
                LOG.warn("Host {} cannot push its changes ({}); listing it every {} instead",
                        SafeText.host(host.id()), SafeText.of(SecretRedaction.redact(e.getMessage())), pollInterval);
            }
        }
        return new PollingFeed(host, provider, view, context.hostCalls(), timer, pollInterval, deadline).start();
    }

    private void onInventoryChange(InstanceEvent event, Map<String, Host> hosts, Map<String, HostView> views,
                                   Duration deadline) {
        if (event instanceof InstanceEvent.Imported imported) {
            HostView view = views.get(imported.instance().host().id());
            if (view != null) {
                view.managed(imported.instance());
            }
        } else if (event instanceof InstanceEvent.Unmanaged released) {
            ManagedInstance record = released.instance();
            HostView view = views.get(record.host().id());
            if (view != null) {
                Host host = hosts.get(record.host().id());
                describeReleased(host, record, view, deadline);
            }
        }
    }

    /** Reads a released instance off the workflow's thread, so that the release does not wait for the host. */
    private void describeReleased(Host host, ManagedInstance record, HostView view, Duration deadline) {
        context.hostCalls().submit(host, deadline, "describing a released instance",
                        () -> context.providers().providerFor(host).describeInstance(host, record.uuid().toString()))
                .whenComplete((InstanceDescriptor now, Throwable failure) -> view.released(record, now));
    }

    private static void deliver(ExecutorService delivery, WatchListener listener, WatchEvent event) {
        try {
            delivery.execute(() -> {
                try {
                    listener.onWatchEvent(event);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    LOG.warn("Watch listener {} failed on {} of host {} and was skipped: {}: {}",
                            listener.getClass().getName(), event.kind(), SafeText.host(event.hostId()),
                            t.getClass().getSimpleName(), SafeText.of(t.getMessage()));
                }
            });
        } catch (RejectedExecutionException closed) {
            // The watch was closed: its listener gets no more events.
        }
    }

    /** Stops every running watch. */
    @Override
    public void close() {
        List.copyOf(running).forEach(Watch::close);
    }
}
