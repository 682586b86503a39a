package dev.unmanaged.core;

import dev.unmanaged.api.text.SafeText;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to listeners; a listener that throws is logged and the workflow goes on. */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<InstanceEventListener> listeners;

    EventDispatcher(List<InstanceEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
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
