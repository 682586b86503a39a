package dev.unmanaged.core;

/**
 * Receives the events of a {@link Watch}. Called on the watch's own thread, one event at a time, in the order they
 * were seen, so the events of one instance arrive in order. A listener that throws is logged and the watch goes on.
 */
@FunctionalInterface
public interface WatchListener {
    /** Handles one event. */
    void onWatchEvent(WatchEvent event);
}
