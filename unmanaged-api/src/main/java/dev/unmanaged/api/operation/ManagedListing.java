package dev.unmanaged.api.operation;

import dev.unmanaged.api.inventory.ManagedInstance;
import java.util.List;

/**
 * A page of the managed inventory.
 *
 * @param instances     the page of matching instances, sorted by host id, then name, then UUID
 * @param totalMatching how many matched before paging
 */
public record ManagedListing(List<ManagedInstance> instances, int totalMatching) {
    public ManagedListing {
        instances = List.copyOf(instances);
    }
}
