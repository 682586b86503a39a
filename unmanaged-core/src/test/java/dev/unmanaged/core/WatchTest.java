package dev.unmanaged.core;

import static dev.unmanaged.core.Fixtures.H1;
import static dev.unmanaged.core.Fixtures.H2;
import static dev.unmanaged.core.Fixtures.simpleVm;
import static dev.unmanaged.core.Fixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Watching hosts")
class WatchTest {
    private static final Duration POLL = Duration.ofMillis(20);
    private final Workbench bench = new Workbench(b -> b.watchPollInterval(POLL));
    private final InMemoryHypervisorProvider provider = bench.provider;
    private final Events events = new Events();

    @AfterEach
    void close() {
        bench.close();
    }

    @Nested
    @DisplayName("a provider that pushes its changes")
    class Pushed {
        @Test
        @DisplayName("reports the instances already there, then one SYNCED, then each change once and in order")
        void lifecycle() throws Exception {
            provider.putInstance(H1.id(), simpleVm("web", 1));
            try (Watch watch = bench.instances.watch(ListQuery.of(H1), events)) {
                events.expect(WatchEvent.Kind.APPEARED, "web");
                events.expect(WatchEvent.Kind.SYNCED, null);
                provider.putInstance(H1.id(), simpleVm("db", 2));
                events.expect(WatchEvent.Kind.APPEARED, "db");
                provider.setPowerState(H1.id(), uuid(2), PowerState.PAUSED);
                assertThat(events.expect(WatchEvent.Kind.CHANGED, "db").descriptor().powerState())
                        .as("power state in the CHANGED event").isEqualTo(PowerState.PAUSED);
                provider.setPowerState(H1.id(), uuid(2), PowerState.PAUSED);
                provider.removeInstance(H1.id(), uuid(2));
                events.expect(WatchEvent.Kind.VANISHED, "db");
                assertThat(provider.calls(H1.id(), InMemoryHypervisorProvider.Operation.LIST))
                        .as("listings of a host that pushes its changes").isZero();
            }
        }

        @Test
        @DisplayName("reports a host that becomes unreachable once, and what changed meanwhile when it is back")
        void outage() throws Exception {
            provider.putInstance(H1.id(), simpleVm("web", 1));
            try (Watch watch = bench.instances.watch(ListQuery.of(H1), events)) {
                events.expect(WatchEvent.Kind.APPEARED, "web");
                events.expect(WatchEvent.Kind.SYNCED, null);
                provider.setUnreachable(H1.id(), true);
                events.expect(WatchEvent.Kind.HOST_UNAVAILABLE, null);
                provider.removeInstance(H1.id(), uuid(1));
                provider.putInstance(H1.id(), simpleVm("db", 2));
                provider.setUnreachable(H1.id(), false);
                events.expect(WatchEvent.Kind.HOST_RECOVERED, null);
                events.expect(WatchEvent.Kind.VANISHED, "web");
                events.expect(WatchEvent.Kind.APPEARED, "db");
            }
        }

        @Test
        @DisplayName("stops reporting once closed")
        void closed() throws Exception {
            Watch watch = bench.instances.watch(ListQuery.of(H1), events);
            events.expect(WatchEvent.Kind.SYNCED, null);
            watch.close();
            provider.putInstance(H1.id(), simpleVm("late", 3));
            assertThat(events.queue).as("events after close (the fake pushes synchronously)").isEmpty();
        }
    }

    @Nested
    @DisplayName("a provider that cannot push (periodic listing)")
    class Polled {
        @Test
        @DisplayName("finds each change by listing and comparing, and reports it once")
        void lifecycle() throws Exception {
            provider.setCapabilities(EnumSet.complementOf(EnumSet.of(ProviderCapability.WATCH)));
            provider.putInstance(H1.id(), simpleVm("web", 1));
            try (Watch watch = bench.instances.watch(ListQuery.of(H1), events)) {
                events.expect(WatchEvent.Kind.APPEARED, "web");
                events.expect(WatchEvent.Kind.SYNCED, null);
                provider.setPowerState(H1.id(), uuid(1), PowerState.STOPPED);
                events.expect(WatchEvent.Kind.CHANGED, "web");
                provider.putInstance(H1.id(), simpleVm("db", 2));
                events.expect(WatchEvent.Kind.APPEARED, "db");
                provider.removeInstance(H1.id(), uuid(1));
                events.expect(WatchEvent.Kind.VANISHED, "web");
                assertThat(provider.calls(H1.id(), InMemoryHypervisorProvider.Operation.LIST))
                        .as("listings made by the watch").isGreaterThan(1);
            }
        }

        @Test
        @DisplayName("reports an unreachable host once however often it is listed, and its recovery")
        void outage() throws Exception {
            provider.setCapabilities(EnumSet.noneOf(ProviderCapability.class));
            provider.setUnreachable(H2.id(), true);
            try (Watch watch = bench.instances.watch(ListQuery.of(H2), events)) {
                events.expect(WatchEvent.Kind.HOST_UNAVAILABLE, null);
                long listed = provider.calls(H2.id(), InMemoryHypervisorProvider.Operation.LIST);
                events.awaitListings(provider, listed + 3);
                provider.putInstance(H2.id(), simpleVm("web", 1));
                provider.setUnreachable(H2.id(), false);
                events.expect(WatchEvent.Kind.HOST_RECOVERED, null);
                events.expect(WatchEvent.Kind.APPEARED, "web");
                events.expect(WatchEvent.Kind.SYNCED, null);
            }
        }
    }

    @Test
    @DisplayName("leaves managed instances out and reports imports and releases made through the facade")
    void managedAndReleased() throws Exception {
        provider.putInstance(H1.id(), simpleVm("web", 1));
        provider.putInstance(H1.id(), simpleVm("db", 2));
        bench.instances.importInstance(Fixtures.cleanRequest(H1, 2).build());
        try (Watch watch = bench.instances.watch(ListQuery.of(H1), events)) {
            events.expect(WatchEvent.Kind.APPEARED, "web");
            events.expect(WatchEvent.Kind.SYNCED, null);
            bench.instances.importInstance(Fixtures.cleanRequest(H1, 1).build());
            events.expect(WatchEvent.Kind.MANAGED, "web");
            bench.instances.unmanage(new UnmanageRequest(uuid(2).toString()));
            WatchEvent released = events.expect(WatchEvent.Kind.RELEASED, "db");
            assertThat(released.descriptor()).as("the released instance as read afterwards").isNotNull();
            provider.setPowerState(H1.id(), uuid(2), PowerState.STOPPED);
            events.expect(WatchEvent.Kind.CHANGED, "db");
        }
    }

    @Test
    @DisplayName("goes on when its listener throws, handing it the next event")
    void throwingListener() throws Exception {
        var calls = new AtomicInteger();
        WatchListener throwsFirst = event -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("listener bug");
            }
            events.onWatchEvent(event);
        };
        provider.putInstance(H1.id(), simpleVm("web", 1));
        try (Watch watch = bench.instances.watch(ListQuery.of(H1), throwsFirst)) {
            events.expect(WatchEvent.Kind.SYNCED, null);
            provider.removeInstance(H1.id(), uuid(1));
            events.expect(WatchEvent.Kind.VANISHED, "web");
        }
    }

    @Test
    @DisplayName("applies the query's name filter: an instance renamed out of it vanishes from the watch")
    void nameFilter() throws Exception {
        provider.putInstance(H1.id(), simpleVm("web-1", 1));
        provider.putInstance(H1.id(), simpleVm("db-1", 2));
        try (Watch watch = bench.instances.watch(ListQuery.of(H1).withNameContaining("web"), events)) {
            events.expect(WatchEvent.Kind.APPEARED, "web-1");
            events.expect(WatchEvent.Kind.SYNCED, null);
            provider.putInstance(H1.id(), simpleVm("old-1", 1));
            events.expect(WatchEvent.Kind.VANISHED, "web-1");
        }
    }

    /** Records events; {@link #expect} takes the next one and checks it, so a repeated event fails there. */
    private static final class Events implements WatchListener {
        final BlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();

        @Override
        public void onWatchEvent(WatchEvent event) {
            queue.add(event);
        }

        WatchEvent expect(WatchEvent.Kind kind, String name) throws InterruptedException {
            WatchEvent next = queue.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("the next event, expected %s of %s", kind, name).isNotNull();
            assertThat(next.kind()).as("kind of %s", next).isEqualTo(kind);
            assertThat(next.name()).as("instance name of %s", next).isEqualTo(name);
            assertThat(next.at()).as("time of %s", next).isNotNull();
            return next;
        }

        /** Waits until the host was listed {@code count} times in all, proof that the watch keeps listing. */
        void awaitListings(InMemoryHypervisorProvider provider, long count) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (provider.calls(H2.id(), InMemoryHypervisorProvider.Operation.LIST) < count
                    && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
            assertThat(queue).as("events while the host stays unreachable").isEmpty();
        }
    }
}
