package dev.unmanaged.core;

import dev.unmanaged.api.text.SafeText;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to listeners: those given to the builder, and those subscribed while the facade runs (the
 * watches, which report imports and releases). A listener that throws is logged and the workflow goes on.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<InstanceEventListener> listeners;

    EventDispatcher(List<InstanceEventListener> listeners) {
        this.listeners = new CopyOnWriteArrayList<>(listeners);
    }

    /** Adds {@code listener} until the returned action is run. */
    Runnable subscribe(InstanceEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(InstanceEvent event) {
        for (InstanceEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                LOG.warn("Event listener {} failed on {} and was skipped: {}: {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), t.getClass().getSimpleName(), SafeText.of(t.getMessage()));
            }
        }
    }
}
