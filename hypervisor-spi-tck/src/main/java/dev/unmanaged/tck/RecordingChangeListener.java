package dev.unmanaged.tck;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the watch group of the provider kit hears from a provider: it keeps, per instance, the states it went
 * through as a watcher would see them (a notice that changes nothing is not a transition), and it notes any
 * call that overlapped another, which the SPI forbids.
 */
final class RecordingChangeListener implements HostChangeListener {
    /** The transition of an instance that is gone. */
    static final String GONE = "GONE";

    private final Map<UUID, PowerState> current = new HashMap<>();
    private final Map<UUID, List<String>> transitions = new HashMap<>();
    private int listings;
    private boolean inside;
    private String overlap;

    @Override
    public void listed(List<InstanceDescriptor> instances) {
        enter("listed");
        try {
            synchronized (this) {
                listings++;
                var now = new HashMap<UUID, PowerState>();
                instances.stream().filter(d -> d.uuid() != null).forEach(d -> now.put(d.uuid(), d.powerState()));
                for (UUID uuid : List.copyOf(current.keySet())) {
                    if (!now.containsKey(uuid)) {
                        goneNow(uuid);
                    }
                }
                now.forEach(this::presentNow);
                notifyAll();
            }
        } finally {
            leave();
        }
    }

    @Override
    public void present(InstanceDescriptor instance) {
        enter("present");
        try {
            synchronized (this) {
                if (instance.uuid() != null) {
                    presentNow(instance.uuid(), instance.powerState());
                }
                notifyAll();
            }
        } finally {
            leave();
        }
    }

    @Override
    public void gone(UUID uuid) {
        enter("gone");
        try {
            synchronized (this) {
                goneNow(Objects.requireNonNull(uuid, "uuid"));
                notifyAll();
            }
        } finally {
            leave();
        }
    }

    @Override
    public void unavailable(UnmanagedException reason) {
        enter("unavailable");
        leave();
    }

    /** The states {@code uuid} went through, in order, {@link #GONE} for its end. */
    synchronized List<String> transitionsOf(UUID uuid) {
        return List.copyOf(transitions.getOrDefault(uuid, List.of()));
    }

    /** How many full listings arrived. */
    synchronized int listings() {
        return listings;
    }

    /** The first overlapping call seen, null when none overlapped. */
    synchronized String overlap() {
        return overlap;
    }

    /**
     * Waits until {@code uuid}'s transitions satisfy {@code done}, or {@code deadline} passes; returns its
     * transitions either way.
     */
    synchronized List<String> awaitTransitions(UUID uuid, Predicate<List<String>> done, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.test(transitionsOf(uuid))) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return transitionsOf(uuid);
    }

    /** Waits until a first full listing arrived, or {@code deadline} passes; true when it did. */
    synchronized boolean awaitListing(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (listings == 0 && System.nanoTime() < end) {
            wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
        return listings > 0;
    }

    private void presentNow(UUID uuid, PowerState state) {
        PowerState was = current.put(uuid, state);
        if (was != state) {
            transitions.computeIfAbsent(uuid, u -> new ArrayList<>()).add(state.name());
        }
    }

    private void goneNow(UUID uuid) {
        if (current.remove(uuid) != null) {
            transitions.computeIfAbsent(uuid, u -> new ArrayList<>()).add(GONE);
        }
    }

    private synchronized void enter(String call) {
        if (inside && overlap == null) {
            overlap = call + " was called while another call of the listener was still running";
        }
        inside = true;
    }

    private synchronized void leave() {
        inside = false;
    }
}
