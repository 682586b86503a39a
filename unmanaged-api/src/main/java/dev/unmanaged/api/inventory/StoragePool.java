package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A primary storage pool that disks are mapped onto. A pool holds a disk when the disk's source lies under
 * {@link #path()} (file and dir disks) or names {@link #hostPoolName()} as its pool (volume disks).
 *
 * @param id           identifier
 * @param name         readable name
 * @param path         directory on the host the pool covers, null when not path-based
 * @param hostPoolName the pool's name on the hosts: a storage pool on KVM, a datastore on vSphere; null
 *                     when none
 * @param ownerIds     who may use it; empty means everyone
 */
public record StoragePool(String id, String name, @Nullable String path, @Nullable String hostPoolName,
                          Set<String> ownerIds)
        implements CatalogEntry {
    public StoragePool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ownerIds = Copies.set(ownerIds);
    }
}
