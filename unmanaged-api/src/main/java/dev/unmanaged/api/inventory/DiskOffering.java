package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;

/**
 * A disk offering. A disk maps onto it when the offering is custom or at least as large as the disk.
 *
 * @param id        identifier
 * @param name      readable name
 * @param sizeBytes the offering's size; ignored for custom offerings
 * @param custom    true when any size is accepted
 * @param ownerIds  who may use it; empty means everyone
 */
public record DiskOffering(String id, String name, long sizeBytes, boolean custom, Set<String> ownerIds)
        implements CatalogEntry {
    public DiskOffering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ownerIds = Copies.set(ownerIds);
    }
}
