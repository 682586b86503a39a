package dev.unmanaged.core;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a host whose provider cannot push its changes: lists it now and then every {@code interval}, each
 * listing within the host deadline, and hands every listing (or the failure) to the listener, which compares.
 * The next listing is scheduled when one ends, so a slow host is never asked twice at once.
 */
final class PollingFeed implements HostChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PollingFeed.class);

    private final Host host;
    private final HypervisorInstanceProvider provider;
    private final HostChangeListener listener;
    private final ProviderCallsWithDeadline hostCalls;
    private final ScheduledExecutorService timer;
    private final Duration interval;
    private final Duration deadline;
    private volatile boolean closed;

    PollingFeed(Host host, HypervisorInstanceProvider provider, HostChangeListener listener,
                ProviderCallsWithDeadline hostCalls, ScheduledExecutorService timer, Duration interval,
                Duration deadline) {
        this.host = host;
        this.provider = provider;
        this.listener = listener;
        this.hostCalls = hostCalls;
        this.timer = timer;
        this.interval = interval;
        this.deadline = deadline;
    }

    /** Starts listing at once. */
    PollingFeed start() {
        listOnce();
        return this;
    }

    private void listOnce() {
        if (closed) {
            return;
        }
        hostCalls.submit(host, deadline, "listing for a watch", () -> provider.listInstances(host))
                .whenComplete((listed, failure) -> {
                    if (closed) {
                        return;
                    }
                    try {
                        if (failure == null) {
                            listener.listed(listed);
                        } else {
                            listener.unavailable(ProviderCallsWithDeadline.unwrap(failure));
                        }
                    } catch (RuntimeException e) {
                        // E.g. the store failed while the listing was compared: the next listing compares again.
                        LOG.warn("Watching host {}: a listing could not be compared: {}", SafeText.host(host.id()),
                                SafeText.of(SecretRedaction.messageOf(e)));
                    } finally {
                        scheduleNext();
                    }
                });
    }

    private void scheduleNext() {
        try {
            timer.schedule(this::listOnce, interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException facadeClosed) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
