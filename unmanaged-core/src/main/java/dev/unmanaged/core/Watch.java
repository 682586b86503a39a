package dev.unmanaged.core;

import dev.unmanaged.api.spi.HostChangeFeed;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * A running watch of some hosts' unmanaged instances, started by {@link UnmanagedInstances#watch}. Its events go
 * to its listener on a thread of its own. {@link #close()} stops it; closing the facade stops it too.
 */
public final class Watch implements AutoCloseable {
    private final Set<String> hostIds;
    private final List<HostView> views;
    private final List<HostChangeFeed> feeds;
    private final Runnable unsubscribe;
    private final ExecutorService delivery;
    private final Consumer<Watch> whenClosed;

    Watch(Set<String> hostIds, List<HostView> views, List<HostChangeFeed> feeds, Runnable unsubscribe,
          ExecutorService delivery, Consumer<Watch> whenClosed) {
        this.hostIds = Set.copyOf(hostIds);
        this.views = List.copyOf(views);
        this.feeds = List.copyOf(feeds);
        this.unsubscribe = unsubscribe;
        this.delivery = delivery;
        this.whenClosed = whenClosed;
    }

    /** The ids of the hosts watched. */
    public Set<String> hostIds() {
        return hostIds;
    }

    /**
     * Stops the watch: the hosts are no longer watched and, once this returns, the listener is handed no further
     * event (one it is handling now may still finish). Idempotent; may be called from the listener.
     */
    @Override
    public void close() {
        views.forEach(HostView::close);
        unsubscribe.run();
        feeds.forEach(HostChangeFeed::close);
        delivery.shutdownNow();
        whenClosed.accept(this);
    }
}
