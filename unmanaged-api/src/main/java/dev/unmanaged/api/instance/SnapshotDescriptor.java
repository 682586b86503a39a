package dev.unmanaged.api.instance;

import java.util.Objects;

/**
 * One snapshot of an instance.
 *
 * @param name    its name on the host
 * @param kind    whether it lives inside the images or in overlay files
 * @param current true for the snapshot the instance now runs from (libvirt's current snapshot)
 */
public record SnapshotDescriptor(String name, SnapshotKind kind, boolean current) {
    public SnapshotDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
