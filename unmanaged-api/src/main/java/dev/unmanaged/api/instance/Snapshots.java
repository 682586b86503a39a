package dev.unmanaged.api.instance;

import dev.unmanaged.api.internal.Copies;
import java.util.List;
import java.util.Optional;

/**
 * The snapshots and checkpoints an instance has on its host.
 *
 * @param snapshots   every snapshot, in the order the host lists them; never null
 * @param checkpoints the names of its checkpoints (libvirt's incremental-backup checkpoints); never null, empty
 *                    where the hypervisor has none
 */
public record Snapshots(List<SnapshotDescriptor> snapshots, List<String> checkpoints) {
    /** No snapshot, no checkpoint. */
    public static final Snapshots NONE = new Snapshots(List.of(), List.of());

    public Snapshots {
        snapshots = Copies.list(snapshots);
        checkpoints = Copies.list(checkpoints);
    }

    /** The names of the snapshots, in order. */
    public List<String> names() {
        return snapshots.stream().map(SnapshotDescriptor::name).toList();
    }

    /** The snapshot the instance now runs from, if one is. */
    public Optional<SnapshotDescriptor> current() {
        return snapshots.stream().filter(SnapshotDescriptor::current).findFirst();
    }

    /** True when there is no snapshot and no checkpoint. */
    public boolean isEmpty() {
        return snapshots.isEmpty() && checkpoints.isEmpty();
    }
}
