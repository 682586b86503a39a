package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a {@link Watch} saw happen on a host.
 *
 * @param kind       what happened
 * @param hostId     the host it happened on
 * @param uuid       the instance, null for the host events ({@link Kind#HOST_UNAVAILABLE},
 *                   {@link Kind#HOST_RECOVERED}, {@link Kind#SYNCED})
 * @param name       the instance's name, null for the host events
 * @param descriptor the instance as it is now: set for {@link Kind#APPEARED} and {@link Kind#CHANGED}, and for
 *                   {@link Kind#RELEASED} when the host could be read; null otherwise
 * @param detail     why a host is unavailable (never a secret), null for the other kinds
 * @param at         when the watch saw it, by the facade's clock
 */
public record WatchEvent(Kind kind, String hostId, UUID uuid, String name,
                         InstanceDescriptor descriptor, String detail, Instant at) {
    public WatchEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(at, "at");
    }

    /** The kinds of {@link WatchEvent}. */
    public enum Kind {
        /** An unmanaged instance appeared (or was there when the watch started). */
        APPEARED,
        /** An unmanaged instance's power state or definition changed. */
        CHANGED,
        /** An unmanaged instance is gone from its host. */
        VANISHED,
        /** An instance was imported through this library; it is managed now and no longer watched. */
        MANAGED,
        /** A managed instance was released through this library; it is watched from now on. */
        RELEASED,
        /** A host cannot be reached; the watch keeps trying. */
        HOST_UNAVAILABLE,
        /** A host that was unavailable answers again; the changes made meanwhile follow. */
        HOST_RECOVERED,
        /** A host was listed in full for the first time: every instance it had has been reported. */
        SYNCED;

        /** True for the kinds about a host rather than one instance. */
        public boolean aboutHost() {
            return this == HOST_UNAVAILABLE || this == HOST_RECOVERED || this == SYNCED;
        }
    }
}
