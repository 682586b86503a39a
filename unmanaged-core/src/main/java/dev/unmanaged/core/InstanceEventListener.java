package dev.unmanaged.core;

/**
 * Receives {@link InstanceEvent}s, e.g. to write an audit log. Called synchronously on the thread that finished
 * the workflow, after the inventory was changed. A listener that throws is logged and ignored: it never undoes
 * or fails the workflow, and the other listeners are still called.
 */
@FunctionalInterface
public interface InstanceEventListener {
    /** Handles one event. */
    void onEvent(InstanceEvent event);
}
