package dev.unmanaged.api.inventory;

import dev.unmanaged.api.internal.Copies;
import java.util.Objects;
import java.util.Set;

/**
 * A compute offering. A fixed offering must match an instance's vCPUs and memory exactly; a custom one
 * takes the instance's (or the request's) values within its bounds.
 *
 * @param id             identifier
 * @param name           readable name
 * @param custom         true for a custom offering
 * @param minVcpus       fixed: the vCPUs; custom: the lower bound
 * @param maxVcpus       fixed: the vCPUs; custom: the upper bound
 * @param minMemoryBytes fixed: the memory; custom: the lower bound
 * @param maxMemoryBytes fixed: the memory; custom: the upper bound
 * @param ownerIds       who may use it; empty means everyone
 */
public record ComputeOffering(String id, String name, boolean custom, int minVcpus, int maxVcpus,
                              long minMemoryBytes, long maxMemoryBytes, Set<String> ownerIds)
        implements CatalogEntry {
    public ComputeOffering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ownerIds = Copies.set(ownerIds);
        if (minVcpus < 1 || maxVcpus < minVcpus || minMemoryBytes < 1 || maxMemoryBytes < minMemoryBytes) {
            throw new IllegalArgumentException("offering " + id + ": bounds must be positive and min <= max");
        }
        if (!custom && (minVcpus != maxVcpus || minMemoryBytes != maxMemoryBytes)) {
            throw new IllegalArgumentException("fixed offering " + id + " must have min == max");
        }
    }

    /** A fixed offering of exactly {@code vcpus} and {@code memoryBytes}, usable by everyone. */
    public static ComputeOffering fixed(String id, String name, int vcpus, long memoryBytes) {
        return new ComputeOffering(id, name, false, vcpus, vcpus, memoryBytes, memoryBytes, Set.of());
    }

    /** A custom offering with bounds, usable by everyone. */
    public static ComputeOffering custom(String id, String name, int minVcpus, int maxVcpus, long minMemoryBytes,
                                         long maxMemoryBytes) {
        return new ComputeOffering(id, name, true, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, Set.of());
    }

    /** This offering restricted to {@code owners}. */
    public ComputeOffering restrictedTo(Set<String> owners) {
        return new ComputeOffering(id, name, custom, minVcpus, maxVcpus, minMemoryBytes, maxMemoryBytes, owners);
    }
}
